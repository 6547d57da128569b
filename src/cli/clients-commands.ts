import { type Command, Option } from 'commander';
import { LOCALES } from './choices.ts';

export function registerClientsCommands(program: Command): void {
  const clients = program
    .command('clients')
    .summary('List and add clients')
    .description('List and add clients: the companies whose sites you maintain')
    .addHelpText(
      'after',
      `
Examples:
  $ npx steward clients add --name "Acme Ltd" --contact-name "Ann Lee" --contact-email ann@acme.example
  $ npx steward clients list --q acme`,
    );

  clients
    .command('list')
    .description('List active clients, oldest first')
    .option('-q, --q <text>', 'only clients whose name contains this text (any case)')
    .option('--json', 'print JSON instead of a table')
    .addHelpText(
      'after',
      `
Examples:
  $ npx steward clients list
  $ npx steward clients list --q acme --json`,
    )
    .action(async (opts) => (await import('./clients-actions.ts')).listAllClients(opts));

  clients
    .command('add')
    .description("Add a client; locale, time zone and currency default to the agency's settings")
    .requiredOption('--name <name>', 'company name (required)')
    .addOption(new Option('--locale <code>', 'language for reports, portal and e-mails').choices(LOCALES))
    .option('--time-zone <zone>', 'IANA time zone for reports and business hours, e.g. Europe/Madrid')
    .option('--currency <code>', 'ISO 4217 currency for invoices, e.g. EUR')
    .option('--contact-name <name>', 'a first contact person (needs --contact-email)')
    .option('--contact-email <address>', "the contact's e-mail address (needs --contact-name)")
    .option('--json', 'print the new client as JSON instead of its id')
    .addHelpText(
      'after',
      `
The new client's id is printed on stdout; use it with \`sites add --client\`.

Examples:
  $ npx steward clients add --name "Acme Ltd"
  $ npx steward clients add --name "Bäckerei Graf" --locale de --time-zone Europe/Berlin --currency EUR \\
      --contact-name "Greta Graf" --contact-email greta@graf.example`,
    )
    .action(async (opts) => (await import('./clients-actions.ts')).addClient(opts));
}
