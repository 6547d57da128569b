import type { Command } from 'commander';

export function registerSlaCalendarCommands(sla: Command): void {
  const calendars = sla
    .command('calendars')
    .summary('List and show business-hours calendars')
    .description('Business-hours calendars: a time zone, weekly hours and holidays that SLA clocks count in')
    .addHelpText(
      'after',
      `
Calendars are created and edited in the console (/admin/sla/calendars) or the API.

Examples:
  $ npx steward sla calendars list
  $ npx steward sla calendars show cal_0123456789abcdefghjk`,
    );

  calendars
    .command('list')
    .description('List calendars by name, with their zone, hours and number of holidays')
    .option('--archived', 'list archived calendars instead')
    .option('--json', 'print JSON instead of a table')
    .addHelpText(
      'after',
      `
Examples:
  $ npx steward sla calendars list
  $ npx steward sla calendars list --archived --json`,
    )
    .action(async (opts) => (await import('./sla-calendars-actions.ts')).listAllCalendars(opts));

  calendars
    .command('show')
    .description('Show one calendar: weekly hours by day, holidays, and the policies that use it')
    .argument('<id>', 'the calendar id (cal_…), as shown by `sla calendars list`')
    .option('--json', 'print JSON instead of text')
    .addHelpText(
      'after',
      `
Example:
  $ npx steward sla calendars show cal_0123456789abcdefghjk`,
    )
    .action(async (id: string, opts) => (await import('./sla-calendars-actions.ts')).showCalendar(id, opts));

  const holidays = sla
    .command('holidays')
    .summary('Add holidays to a calendar, or import them from an iCal file')
    .description('Holidays: local dates on which no business time counts, one per date and calendar')
    .addHelpText(
      'after',
      `
Examples:
  $ npx steward sla holidays add --calendar cal_0123456789abcdefghjk --date 2026-12-25 --name Christmas
  $ npx steward sla holidays import --calendar cal_0123456789abcdefghjk --file holidays.ics`,
    );

  holidays
    .command('add')
    .description('Add one holiday to a calendar; prints its date')
    .requiredOption('--calendar <id>', 'the calendar (cal_…), from `sla calendars list` (required)')
    .requiredOption('--date <YYYY-MM-DD>', "the day, in the calendar's time zone (required)")
    .requiredOption('--name <text>', 'what the day is, e.g. "Christmas" (required)')
    .addHelpText(
      'after',
      `
Example:
  $ npx steward sla holidays add --calendar cal_0123456789abcdefghjk --date 2026-12-25 --name Christmas`,
    )
    .action(async (opts) => (await import('./sla-calendars-actions.ts')).addOneHoliday(opts));

  holidays
    .command('import')
    .description('Import the holidays of an iCalendar (.ics) file; prints how many were added')
    .requiredOption('--calendar <id>', 'the calendar (cal_…), from `sla calendars list` (required)')
    .requiredOption('--file <path.ics>', 'the iCalendar file, at most 1 MiB (required)')
    .option('--json', 'print the counts and skipped events as JSON')
    .addHelpText(
      'after',
      `
All-day and timed events give their dates in the calendar's time zone; multi-day
events give every day; yearly repeats are expanded three years ahead. Dates the
calendar already has are kept. Events that cannot be read exactly (other repeat
rules, unknown time zones) are skipped and listed.

Example:
  $ npx steward sla holidays import --calendar cal_0123456789abcdefghjk --file es-holidays.ics`,
    )
    .action(async (opts) => (await import('./sla-calendars-actions.ts')).importHolidayFile(opts));
}
