import fs from 'node:fs';
import { systemActor } from '../domain/context.ts';
import { MAX_ICS_BYTES, type SlaCalendarDetail } from '../domain/sla/calendar-schemas.ts';
import { getCalendar, listCalendars } from '../domain/sla/calendars.ts';
import { addHoliday, importHolidays } from '../domain/sla/holidays.ts';
import { formatDayRanges, ISO_WEEKDAYS, summarizeWeek, WEEKDAY_NAMES } from '../domain/sla/weekly-hours.ts';
import { CliError, type Explanations, explainErrors } from './errors.ts';
import { printJson, printTable, tell } from './output.ts';
import { withSession } from './session.ts';

const explainFor = (id: string): Explanations => ({
  options: { ics: '--file' },
  notFound: `there is no calendar ${id}; \`npx steward sla calendars list\` shows them`,
});

export async function listAllCalendars(opts: { archived?: boolean; json?: boolean }): Promise<void> {
  const calendars = await withSession(({ ctx }) => listCalendars(ctx, { archived: opts.archived ? 'true' : 'false' }));
  if (opts.json) return printJson(calendars);
  if (calendars.length === 0) return tell(opts.archived ? 'No archived calendars.' : 'No calendars.');
  printTable(
    ['id', 'name', 'time zone', 'holidays', 'hours'],
    calendars.map((c) => [
      c.id,
      c.name,
      c.kind === '24x7' ? '–' : c.timeZone,
      String(c.holidayCount),
      c.kind === '24x7' ? 'every minute (built in)' : summarizeWeek(c.weeklyHours),
    ]),
  );
}

export async function showCalendar(id: string, opts: { json?: boolean }): Promise<void> {
  const calendar = await explainErrors(() => withSession(({ ctx }) => getCalendar(ctx, id)), explainFor(id));
  if (opts.json) return printJson(calendar);
  console.log(describeCalendar(calendar));
}

export function describeCalendar(c: SlaCalendarDetail): string {
  const lines = [`${c.name} (${c.id})`];
  if (c.kind === '24x7') {
    lines.push('Built in: every minute of every day counts; it cannot be changed.');
  } else {
    lines.push(`Time zone: ${c.timeZone}${c.archivedAt ? ` · archived ${c.archivedAt.slice(0, 10)}` : ''}`, 'Hours:');
    for (const day of ISO_WEEKDAYS) {
      lines.push(`  ${WEEKDAY_NAMES[day].padEnd(10)} ${formatDayRanges(c.weeklyHours[day]) || 'closed'}`);
    }
    lines.push(c.holidays.length === 0 ? 'Holidays: none' : `Holidays (${c.holidays.length}):`);
    for (const h of c.holidays) lines.push(`  ${h.date}  ${h.name}${h.source === 'ical' ? '  (imported)' : ''}`);
  }
  lines.push(`Used by: ${c.policies.map((p) => p.name).join(', ') || 'no policy'}`);
  return lines.join('\n');
}

export async function addOneHoliday(opts: { calendar: string; date: string; name: string }): Promise<void> {
  const holiday = await explainErrors(
    () => withSession(({ ctx }) => addHoliday(ctx, systemActor, opts.calendar, { date: opts.date, name: opts.name })),
    explainFor(opts.calendar),
  );
  console.log(holiday.date);
  tell(`Added the holiday "${holiday.name}" on ${holiday.date}.`);
}

export async function importHolidayFile(opts: { calendar: string; file: string; json?: boolean }): Promise<void> {
  const ics = readIcsFile(opts.file);
  const result = await explainErrors(
    () => withSession(({ ctx }) => importHolidays(ctx, systemActor, opts.calendar, { ics })),
    explainFor(opts.calendar),
  );
  if (opts.json) return printJson(result);
  console.log(`added ${result.added}, already present ${result.alreadyPresent}, skipped ${result.skipped.length}`);
  for (const s of result.skipped) tell(`skipped "${s.summary}": ${s.reason}`);
}

function readIcsFile(file: string): string {
  let size: number;
  try {
    size = fs.statSync(file).size;
  } catch {
    throw new CliError(`cannot read --file ${file}: no such file`);
  }
  if (size > MAX_ICS_BYTES) throw new CliError(`--file ${file} is larger than 1 MiB`);
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new CliError(`cannot read --file ${file}: ${(err as Error).message}`);
  }
}
