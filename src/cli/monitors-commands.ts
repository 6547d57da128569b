import { type Command, InvalidArgumentError, Option } from 'commander';

// Mirrors MONITOR_KINDS and DNS_RECORD_TYPES in src/domain and src/probes (test/cli/monitoring-cli.test.ts
// checks they agree); kept here so `--help` does not load the domain.
export const MONITOR_KINDS = ['http', 'tcp', 'dns', 'tls', 'heartbeat'] as const;
export const DNS_RECORD_TYPES = ['A', 'AAAA', 'CNAME', 'MX', 'TXT', 'NS'] as const;

/** A whole number of seconds, ports and the like; anything else is refused before the domain loads. */
export function wholeNumber(value: string): number {
  if (!/^\d{1,9}$/.test(value.trim())) throw new InvalidArgumentError('must be a whole number');
  return Number.parseInt(value, 10);
}

export function registerMonitorsCommands(program: Command): void {
  const monitors = program
    .command('monitors')
    .summary('List and add uptime monitors')
    .description('List and add monitors: the checks that watch a site (HTTP, TCP, DNS, TLS, heartbeat)')
    .addHelpText(
      'after',
      `
Examples:
  $ npx steward monitors add --site site_0123456789abcdefghjk --kind http
  $ npx steward monitors add --site site_0123456789abcdefghjk --kind heartbeat --period 86400
  $ npx steward monitors list --site site_0123456789abcdefghjk`,
    );

  monitors
    .command('list')
    .description('List active monitors with their status, last check and uptime over 24 hours')
    .option('--site <id>', 'only the monitors of this site (site_…)')
    .option('--json', 'print JSON instead of a table')
    .addHelpText(
      'after',
      `
Status is up, degraded, down, unknown (not checked yet) or paused.

Examples:
  $ npx steward monitors list
  $ npx steward monitors list --site site_0123456789abcdefghjk --json`,
    )
    .action(async (opts) => (await import('./monitors-actions.ts')).listAllMonitors(opts));

  monitors
    .command('add')
    .description('Add a monitor to a site and print its id (and, for a heartbeat, its secret ping URL)')
    .requiredOption('--site <id>', 'the site to watch, from `sites list` (required)')
    .addOption(new Option('--kind <kind>', 'what to check (required)').choices(MONITOR_KINDS).makeOptionMandatory())
    .option('--name <name>', 'a display name (default: kind and site name)')
    .option('--url <url>', "http: the address to request (default: the site's URL)")
    .option('--keyword <text>', 'http: text the page must contain')
    .option('--host <host>', "tcp, tls: the host to connect to (default: the site's host)")
    .option('--port <n>', 'tcp (required), tls (default 443): the port', wholeNumber)
    .option('--hostname <name>', "dns: the name to resolve (default: the site's host)")
    .addOption(new Option('--record-type <type>', 'dns: the record type (default A)').choices(DNS_RECORD_TYPES))
    .option('--expected <value>', 'dns: a value the answer must contain')
    .option('--period <seconds>', 'heartbeat (required): how often the job pings', wholeNumber)
    .option('--grace <seconds>', 'heartbeat: extra time before a missed ping counts (default 300)', wholeNumber)
    .option('--interval <seconds>', "check every N seconds (default: the site's plan; never shorter)", wholeNumber)
    .option('--json', 'print the new monitor as JSON instead of its id')
    .addHelpText(
      'after',
      `
The interval follows the site's plan (Basic 180 s, Standard 60 s, Premium 30 s by
default); a shorter one is refused with the plan that allows it. A heartbeat's
ping URL is shown only this once: call it from the job (curl -fsS URL).

Examples:
  $ npx steward monitors add --site site_0123456789abcdefghjk --kind http --keyword "Add to cart"
  $ npx steward monitors add --site site_0123456789abcdefghjk --kind tcp --port 22
  $ npx steward monitors add --site site_0123456789abcdefghjk --kind dns --record-type MX
  $ npx steward monitors add --site site_0123456789abcdefghjk --kind heartbeat --period 86400 --grace 3600`,
    )
    .action(async (opts) => (await import('./monitors-actions.ts')).addMonitor(opts));
}
