import { conflict, notFound } from '../../errors.ts';
import { newId } from '../../ids.ts';
import { isUniqueViolation } from '../../storage/database.ts';
import type { SlaHolidaysTable } from '../../storage/schema.ts';
import type { Actor, Ctx } from '../context.ts';
import { requireRole } from '../shared/permissions.ts';
import { invalidField, isoDateSchema, parseInput } from '../shared/validation.ts';
import {
  addHolidaySchema,
  type CalendarHoliday,
  type HolidayImportResult,
  importHolidaysSchema,
  MAX_ICS_BYTES,
  MAX_IMPORTED_DATES,
  toHoliday,
} from './calendar-schemas.ts';
import { assertEditable, findCalendarRow } from './calendars.ts';
import { parseIcsHolidays } from './ical.ts';

// Holidays: local dates in the calendar's zone on which no business time counts. One per date.

const CHANGE = 'change SLA calendars';
/** Rows per INSERT: well under SQLite's and PostgreSQL's limits on bound parameters. */
const INSERT_CHUNK = 500;

export async function addHoliday(ctx: Ctx, actor: Actor, calendarId: string, input: unknown): Promise<CalendarHoliday> {
  requireRole(actor, 'admin', CHANGE);
  const data = parseInput(addHolidaySchema, input);
  const calendar = await findCalendarRow(ctx.db, calendarId);
  assertEditable(calendar);
  const row: SlaHolidaysTable = {
    id: newId('hol'),
    calendar_id: calendar.id,
    on_date: data.date,
    name: data.name,
    source: 'manual',
    created_at: ctx.clock.now(),
  };
  try {
    await ctx.db.insertInto('sla_holidays').values(row).execute();
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict(`${calendar.name} already has a holiday on ${data.date}`);
    throw err;
  }
  return toHoliday(row);
}

export async function removeHoliday(ctx: Ctx, actor: Actor, calendarId: string, date: unknown): Promise<void> {
  requireRole(actor, 'admin', CHANGE);
  const onDate = parseInput(isoDateSchema, date);
  const calendar = await findCalendarRow(ctx.db, calendarId);
  assertEditable(calendar);
  const res = await ctx.db
    .deleteFrom('sla_holidays')
    .where('calendar_id', '=', calendar.id)
    .where('on_date', '=', onDate)
    .executeTakeFirst();
  if (Number(res.numDeletedRows) !== 1) throw notFound('Holiday');
}

/**
 * Adds the dates of an iCalendar file; dates the calendar already has are left as they are and
 * counted. All or nothing: a file that cannot be read adds no date at all.
 */
export async function importHolidays(
  ctx: Ctx,
  actor: Actor,
  calendarId: string,
  input: unknown,
): Promise<HolidayImportResult> {
  requireRole(actor, 'admin', CHANGE);
  const { ics } = parseInput(importHolidaysSchema, input);
  if (Buffer.byteLength(ics, 'utf8') > MAX_ICS_BYTES) throw invalidField('ics', 'is larger than 1 MiB');
  const calendar = await findCalendarRow(ctx.db, calendarId);
  assertEditable(calendar);
  const parsed = parseIcsHolidays(ics, {
    timeZone: calendar.time_zone,
    nowMs: ctx.clock.now(),
    maxDates: MAX_IMPORTED_DATES,
  });
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      const existing = await trx
        .selectFrom('sla_holidays')
        .select('on_date')
        .where('calendar_id', '=', calendar.id)
        .execute();
      const present = new Set(existing.map((h) => h.on_date));
      const nowMs = ctx.clock.now();
      const rows: SlaHolidaysTable[] = parsed.holidays
        .filter((h) => !present.has(h.date))
        .map((h) => ({
          id: newId('hol'),
          calendar_id: calendar.id,
          on_date: h.date,
          name: h.name,
          source: 'ical',
          created_at: nowMs,
        }));
      for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
        await trx
          .insertInto('sla_holidays')
          .values(rows.slice(i, i + INSERT_CHUNK))
          .execute();
      }
      return { added: rows.length, alreadyPresent: parsed.holidays.length - rows.length, skipped: parsed.skipped };
    });
  } catch (err) {
    if (isUniqueViolation(err))
      throw conflict(`Someone changed the holidays of ${calendar.name} meanwhile; import again`);
    throw err;
  }
}
