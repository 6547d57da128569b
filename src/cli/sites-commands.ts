import { type Command, Option } from 'commander';
import { CMS_KINDS } from './choices.ts';

export function registerSitesCommands(program: Command): void {
  const sites = program
    .command('sites')
    .summary('List and add sites')
    .description("List and add sites: the websites under a client's maintenance plan")
    .addHelpText(
      'after',
      `
Examples:
  $ CLIENT=$(npx steward clients add --name "Acme Ltd")
  $ npx steward sites add --client "$CLIENT" --url acme.example --cms wordpress
  $ npx steward sites list --client "$CLIENT"`,
    );

  sites
    .command('list')
    .description("List active sites with their client and the plan of the client's live contract")
    .option('--client <id>', 'only the sites of this client (cli_…)')
    .option('--json', 'print JSON instead of a table')
    .addHelpText(
      'after',
      `
Examples:
  $ npx steward sites list
  $ npx steward sites list --client cli_0123456789abcdefghjk --json`,
    )
    .action(async (opts) => (await import('./sites-actions.ts')).listAllSites(opts));

  sites
    .command('add')
    .description('Add a site to a client')
    .requiredOption('--client <id>', 'id of the client it belongs to, from `clients list` (required)')
    .requiredOption('--url <url>', 'the public address, e.g. acme.example or https://acme.example/shop (required)')
    .option('--name <name>', 'a display name (default: the host name)')
    .addOption(new Option('--cms <kind>', 'what the site runs on').choices(CMS_KINDS).default('other'))
    .option('--json', 'print the new site as JSON instead of its id')
    .addHelpText(
      'after',
      `
A client cannot have the same URL twice. The new site's id is printed on stdout.

Examples:
  $ npx steward sites add --client cli_0123456789abcdefghjk --url https://acme.example --cms wordpress
  $ npx steward sites add --client cli_0123456789abcdefghjk --url shop.acme.example --name "Acme shop"`,
    )
    .action(async (opts) => (await import('./sites-actions.ts')).addSite(opts));
}
