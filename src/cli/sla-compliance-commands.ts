import type { Command } from 'commander';

export function registerSlaComplianceCommands(sla: Command): void {
  sla
    .command('compliance')
    .summary('Monthly SLA compliance per client and site: uptime, targets met, credits due')
    .description(
      "A month's SLA compliance per client and site: uptime (maintenance excluded), downtime, incidents, first-response and resolution targets met or breached, and the service credit due",
    )
    .requiredOption('--month <YYYY-MM>', "the month, counted in each client's own time zone (required)")
    .option('--client <id>', 'only this client (cli_…)')
    .option('--json', 'print the JSON of GET /api/v1/sla/compliance instead of a table')
    .addHelpText(
      'after',
      `
Uptime is shown with three decimals, rounded down (99.9996 % shows as 99.999 %). The credit is
computed on the client's site with the lowest uptime. A past month gives the same figures every
time; the running month is month to date.

Examples:
  $ npx steward sla compliance --month 2026-03
  $ npx steward sla compliance --month 2026-03 --client cli_0123456789abcdefghjk --json`,
    )
    .action(async (opts) => (await import('./sla-compliance-actions.ts')).showCompliance(opts));
}
