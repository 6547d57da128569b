import { type Command, Option } from 'commander';
import { USER_ROLES } from './choices.ts';

export function registerAdminCommands(program: Command): void {
  const admin = program
    .command('admin')
    .summary('Create staff users who sign in to the console')
    .description('Manage staff users: owners, admins and technicians')
    .addHelpText(
      'after',
      `
Examples:
  $ npx steward admin create --email you@agency.example --password 'a long passphrase'`,
    );

  admin
    .command('create')
    .description('Create a staff user who signs in to the console (the first one must be an owner)')
    .requiredOption('--email <address>', 'e-mail address used to sign in (required)')
    .option('--password <password>', 'the password (it stays in your shell history; --password-stdin avoids that)')
    .option('--password-stdin', 'read the password from standard input instead')
    .option('--name <name>', 'display name (default: the part of the e-mail before @)')
    .addOption(new Option('--role <role>', 'what the user may do').choices(USER_ROLES).default('owner'))
    .addHelpText(
      'after',
      `
Owners and admins manage plans, contracts, users and settings; technicians do
the day-to-day work. Creating the first owner completes first-run setup, like
the /setup page does. The new user's id is printed on stdout.

Examples:
  $ npx steward admin create --email you@agency.example --password 'a long passphrase'
  $ npx steward admin create --email tech@agency.example --name "Tom" --role technician --password-stdin < pw.txt`,
    )
    .action(async (opts) => (await import('./admin-actions.ts')).createStaffUser(opts));
}
