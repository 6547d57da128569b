import { DateTime } from 'luxon';
import { invalidField } from '../shared/validation.ts';
import {
  type IcsComponent,
  type IcsProperty,
  type IcsTime,
  parseCalendar,
  parseIcsDuration,
  parseIcsTime,
  unescapeText,
} from './ical-lines.ts';
import { parseYearlyRule, shiftYears, type YearlyRule } from './ical-rrule.ts';

// Holidays from an iCalendar file: each VEVENT gives the local dates (in the calendar's zone) it
// covers. An event the importer cannot read exactly is skipped and reported, never half-imported.

export type IcsHoliday = { date: string; name: string };
export type IcsSkipped = { summary: string; reason: string };
export type IcsHolidays = { holidays: IcsHoliday[]; skipped: IcsSkipped[] };
export type IcsOptions = { timeZone: string; nowMs: number; maxDates: number };

/** Yearly repeats are expanded up to this many years after now. */
export const REPEAT_HORIZON_YEARS = 3;
const NAME_MAX = 200;

/** Length of an event from its start: whole days for all-day events, milliseconds for timed ones. */
type EventLength = { days: number } | { ms: number } | null;
type ParsedEvent = { name: string; start: IcsTime; length: EventLength; rule: YearlyRule | null; except: Set<string> };

export function parseIcsHolidays(text: string, options: IcsOptions): IcsHolidays {
  const calendar = parseCalendar(text);
  if (!calendar) throw invalidField('ics', 'is not an iCalendar file (it must start with BEGIN:VCALENDAR)');
  const byDate = new Map<string, string>();
  const skipped: IcsSkipped[] = [];
  const horizon = DateTime.fromMillis(options.nowMs, { zone: options.timeZone })
    .plus({ years: REPEAT_HORIZON_YEARS })
    .toISODate() as string;
  for (const component of calendar.components) {
    if (component.name !== 'VEVENT') continue;
    const summary = summaryOf(component);
    const event = readEvent(component, summary, options.timeZone);
    if (typeof event === 'string') {
      skipped.push({ summary: summary || '(no summary)', reason: event });
      continue;
    }
    for (const date of eventDates(event, options.timeZone, horizon)) {
      if (!byDate.has(date)) byDate.set(date, event.name);
      if (byDate.size > options.maxDates) {
        throw invalidField('ics', `gives more than ${options.maxDates} dates; split the file`);
      }
    }
  }
  const holidays = [...byDate].map(([date, name]) => ({ date, name })).sort((a, b) => a.date.localeCompare(b.date));
  return { holidays, skipped };
}

const first = (c: IcsComponent, name: string) => c.properties.find((p) => p.name === name);
const all = (c: IcsComponent, name: string) => c.properties.filter((p) => p.name === name);

function summaryOf(c: IcsComponent): string {
  const raw = first(c, 'SUMMARY');
  return raw ? unescapeText(raw.value).replace(/\s+/g, ' ').trim() : '';
}

function readEvent(c: IcsComponent, summary: string, zone: string): ParsedEvent | string {
  if (first(c, 'STATUS')?.value.trim().toUpperCase() === 'CANCELLED') return 'the event is cancelled';
  const dtstart = first(c, 'DTSTART');
  if (!dtstart) return 'no DTSTART';
  const start = timeOf(dtstart, zone);
  if (typeof start === 'string') return `DTSTART: ${start}`;
  const length = lengthOf(c, start, zone);
  if (typeof length === 'string') return length;
  if (first(c, 'RDATE')) return 'RDATE (extra dates) is not supported';
  const rrules = all(c, 'RRULE');
  if (rrules.length > 1) return 'more than one RRULE';
  let rule: YearlyRule | null = null;
  if (rrules[0]) {
    const on = start.kind === 'date' ? DateTime.fromISO(start.date) : start.at;
    const parsed = parseYearlyRule(rrules[0].value, { month: on.month, day: on.day }, (v) => parseIcsTime(v, {}, zone));
    if (typeof parsed === 'string') return parsed;
    rule = parsed;
  }
  const except = new Set<string>();
  for (const prop of all(c, 'EXDATE')) {
    for (const value of prop.value.split(',')) {
      const time = parseIcsTime(value, prop.params, zone);
      if (typeof time === 'string') return `EXDATE: ${time}`;
      except.add(localDateOf(time, zone));
    }
  }
  return { name: (summary || 'Holiday').slice(0, NAME_MAX), start, length, rule, except };
}

const timeOf = (p: IcsProperty, zone: string) => parseIcsTime(p.value, p.params, zone);

function lengthOf(c: IcsComponent, start: IcsTime, zone: string): EventLength | string {
  const dtend = first(c, 'DTEND');
  if (dtend) {
    const end = timeOf(dtend, zone);
    if (typeof end === 'string') return `DTEND: ${end}`;
    if (start.kind === 'date') {
      const endDate = end.kind === 'date' ? end.date : (end.at.toISODate() as string);
      return { days: DateTime.fromISO(endDate).diff(DateTime.fromISO(start.date), 'days').days };
    }
    const endMs =
      end.kind === 'date' ? DateTime.fromISO(end.date, { zone: start.at.zone }).toMillis() : end.at.toMillis();
    return { ms: endMs - start.at.toMillis() };
  }
  const durationProp = first(c, 'DURATION');
  if (!durationProp) return null;
  const duration = parseIcsDuration(durationProp.value);
  if (typeof duration === 'string') return `DURATION: ${duration}`;
  if (start.kind === 'date') return { days: Math.trunc(duration.as('days')) };
  return { ms: start.at.plus(duration).toMillis() - start.at.toMillis() };
}

function localDateOf(time: IcsTime, zone: string): string {
  return time.kind === 'date' ? time.date : (time.at.setZone(zone).toISODate() as string);
}

/** Every date of every occurrence; yearly repeats stop at COUNT, UNTIL or the horizon. */
function* eventDates(event: ParsedEvent, zone: string, horizon: string): Generator<string> {
  if (!event.rule) {
    yield* occurrenceDates(event.start, event.length, zone);
    return;
  }
  const { interval, count, until } = event.rule;
  const untilDate = until ? localDateOf(until, zone) : null;
  const startYear = Number(localDateOf(event.start, zone).slice(0, 4));
  const lastYear = Number(horizon.slice(0, 4)) + 1;
  let generated = 0;
  for (let years = 0; startYear + years <= lastYear; years += interval) {
    const start = shiftYears(event.start, years);
    if (!start) continue; // 29 February in a common year: no occurrence (RFC 5545)
    const date = localDateOf(start, zone);
    if ((count !== null && generated >= count) || (untilDate && date > untilDate) || date > horizon) return;
    generated += 1;
    if (!event.except.has(date)) yield* occurrenceDates(start, event.length, zone);
  }
}

function* occurrenceDates(start: IcsTime, length: EventLength, zone: string): Generator<string> {
  if (start.kind === 'date') {
    const days = length && 'days' in length ? Math.max(1, length.days) : 1;
    const from = DateTime.fromISO(start.date, { zone: 'UTC' });
    for (let i = 0; i < days; i += 1) yield from.plus({ days: i }).toISODate() as string;
    return;
  }
  const from = start.at.setZone(zone);
  const ms = length && 'ms' in length ? length.ms : 0;
  // DTEND is exclusive: an event ending at local midnight does not cover the day that begins then.
  const lastDate = ms > 0 ? (from.plus({ milliseconds: ms - 1 }).toISODate() as string) : from.toISODate();
  let day = DateTime.fromISO(from.toISODate() as string, { zone: 'UTC' });
  while ((day.toISODate() as string) <= (lastDate as string)) {
    yield day.toISODate() as string;
    day = day.plus({ days: 1 });
  }
}
