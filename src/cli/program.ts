import fs from 'node:fs';
import { Command } from 'commander';
import { registerAdminCommands } from './admin-commands.ts';
import { registerBackupCommand } from './backup-command.ts';
import { registerClientsCommands } from './clients-commands.ts';
import { registerComponentsCommands } from './components-commands.ts';
import { registerHoursCommands } from './hours-commands.ts';
import { registerIncidentsCommands } from './incidents-commands.ts';
import { registerIngestCommands } from './ingest-commands.ts';
import { registerMaintenanceCommands } from './maintenance-commands.ts';
import { registerMonitorsCommands } from './monitors-commands.ts';
import { registerPlansCommands } from './plans-commands.ts';
import { registerReportsCommands } from './reports-commands.ts';
import { registerServerCommands } from './server-commands.ts';
import { registerSitesCommands } from './sites-commands.ts';
import { registerSlaCommands } from './sla-commands.ts';
import { registerTokenCommands } from './token-commands.ts';
import { registerWorkCommands } from './work-commands.ts';

function readVersion(): string {
  const pkg = JSON.parse(fs.readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
  return String(pkg.version);
}

/**
 * The whole command tree. Command files load only commander; each action imports its domain code
 * when it runs, so `--help` and mistyped flags answer quickly.
 */
export function createProgram(): Command {
  const program = new Command();
  program
    .name('steward')
    .description('Steward: website maintenance contracts, monitored and made visible')
    .version(readVersion(), '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help for a command')
    .helpCommand('help [command]', 'show help for a command')
    .showHelpAfterError('(add --help for usage)')
    .configureHelp({ sortSubcommands: false });

  registerServerCommands(program);
  registerAdminCommands(program);
  registerTokenCommands(program);
  registerClientsCommands(program);
  registerSitesCommands(program);
  registerPlansCommands(program);
  registerMonitorsCommands(program);
  registerIncidentsCommands(program);
  registerMaintenanceCommands(program);
  registerSlaCommands(program);
  registerReportsCommands(program);
  registerIngestCommands(program);
  registerHoursCommands(program);
  registerComponentsCommands(program);
  registerWorkCommands(program);
  registerBackupCommand(program);

  program.addHelpText(
    'after',
    `
Every command has its own help: npx steward <command> --help

Getting started:
  $ npx steward start                     # serve on http://127.0.0.1:3000, data in ./data
  $ npx steward admin create --email you@agency.example --password 'a long passphrase'
  $ CLIENT=$(npx steward clients add --name "Acme Ltd")
  $ npx steward sites add --client "$CLIENT" --url acme.example --cms wordpress
  $ TOKEN=$(npx steward token create --email you@agency.example --name "CI")

Environment:
  STEWARD_DATA_DIR      where the embedded SQLite database lives (default ./data)
  STEWARD_DATABASE_URL  postgres://… to use PostgreSQL instead of SQLite
  STEWARD_PORT          port \`start\` listens on (default 3000)
  STEWARD_HOST          address \`start\` binds to (default 127.0.0.1)
  STEWARD_LOG_LEVEL     fatal, error, warn, info (default), debug, trace or silent

Exit status: 0 on success, 1 for invalid input, a conflict or something not
found (the message says which), 2 for an unexpected failure.`,
  );
  return program;
}
