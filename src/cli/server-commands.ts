import { type Command, Option } from 'commander';
import { START_ROLES } from './choices.ts';

export function registerServerCommands(program: Command): void {
  program
    .command('start')
    .summary('Start the web console, REST API and monitoring engine')
    .description('Start Steward: the web console and REST API, the check scheduler and its workers')
    .addOption(
      new Option('--role <role>', 'which part this process runs; several processes can share one database')
        .choices(START_ROLES)
        .default('all'),
    )
    .addHelpText(
      'after',
      `
The database is created and migrated on first start. The URL is printed on
stderr; JSON logs go to stdout. Stop with Ctrl-C or SIGTERM: requests in flight
finish, then the database is closed.

Roles: "web" serves the console, API and heartbeat pings; "worker" runs the
check scheduler and workers without a web server; "all" runs both in one
process.

Examples:
  $ npx steward start
  $ STEWARD_PORT=8080 STEWARD_HOST=0.0.0.0 npx steward start
  $ STEWARD_DATABASE_URL=postgres://steward@db/steward npx steward start --role web`,
    )
    .action(async (opts) => (await import('./server-actions.ts')).start(opts));

  program
    .command('migrate')
    .summary('Apply pending database migrations')
    .description('Apply pending database migrations and print which ones ran')
    .addHelpText(
      'after',
      `
\`start\` migrates on its own; run this before starting several processes
against one PostgreSQL database, or to check that an upgrade went through.

Examples:
  $ npx steward migrate
  $ STEWARD_DATABASE_URL=postgres://steward@db/steward npx steward migrate`,
    )
    .action(async () => (await import('./server-actions.ts')).migrate());
}
