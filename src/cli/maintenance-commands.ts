import type { Command } from 'commander';
import { wholeNumber } from './monitors-commands.ts';

export function registerMaintenanceCommands(program: Command): void {
  const maintenance = program
    .command('maintenance')
    .summary('Schedule and list maintenance windows')
    .description('Maintenance windows: checks go on, alerts are silenced and the time is left out of uptime')
    .addHelpText(
      'after',
      `
Examples:
  $ npx steward maintenance add --client cli_0123456789abcdefghjk --title "Server move" \\
      --from 2026-03-07T22:00:00+01:00 --to 2026-03-08T02:00:00+01:00
  $ npx steward maintenance add --client cli_0123456789abcdefghjk --title "Weekly updates" \\
      --weekly sun --at 03:00 --minutes 60
  $ npx steward maintenance list`,
    );

  maintenance
    .command('add')
    .description('Schedule a one-off (--from/--to) or weekly (--weekly/--at/--minutes) window; prints its id')
    .requiredOption('--client <id>', 'the client, from `clients list` (required)')
    .option('--site <id>', "only this site of the client (default: all the client's sites)")
    .requiredOption('--title <text>', 'what the maintenance is, e.g. "PHP upgrade" (required)')
    .option('--from <instant>', 'one-off: start, ISO 8601 with offset, e.g. 2026-03-07T22:00:00+01:00')
    .option('--to <instant>', 'one-off: end, ISO 8601 with offset')
    .option('--weekly <days>', 'weekly: days as mon,tue,wed,thu,fri,sat,sun')
    .option('--at <HH:MM>', "weekly: start time in the client's time zone")
    .option('--minutes <n>', 'weekly: how long each window lasts', wholeNumber)
    .option('--json', 'print the new window as JSON instead of its id')
    .addHelpText(
      'after',
      `
Weekly windows follow the client's time zone, so 03:00 stays 03:00 across
daylight-saving changes.

Examples:
  $ npx steward maintenance add --client cli_0123456789abcdefghjk --title "PHP upgrade" \\
      --from 2026-03-07T22:00:00Z --to 2026-03-07T23:30:00Z
  $ npx steward maintenance add --client cli_0123456789abcdefghjk --site site_0123456789abcdefghjk \\
      --title "Backups" --weekly mon,wed --at 02:00 --minutes 30`,
    )
    .action(async (opts) => (await import('./maintenance-actions.ts')).addWindow(opts));

  maintenance
    .command('list')
    .description('List active maintenance windows, oldest first')
    .option('--client <id>', 'only the windows of this client (cli_…)')
    .option('--json', 'print JSON instead of a table')
    .addHelpText(
      'after',
      `
Examples:
  $ npx steward maintenance list
  $ npx steward maintenance list --client cli_0123456789abcdefghjk --json`,
    )
    .action(async (opts) => (await import('./maintenance-actions.ts')).listWindows(opts));
}
