import { z } from 'zod';
import type { SlaCalendarsTable, SlaHolidaysTable } from '../../storage/schema.ts';
import { isoDateSchema, nameSchema, timeZoneSchema } from '../shared/validation.ts';
import { type WeeklyHoursMap, weeklyHoursSchema } from './weekly-hours.ts';

export const listCalendarsQuerySchema = z.object({
  archived: z.enum(['true', 'false', 'all']).default('false'),
});

export const createCalendarSchema = z
  .object({ name: nameSchema, timeZone: timeZoneSchema, weeklyHours: weeklyHoursSchema })
  .strict();

export const updateCalendarSchema = z
  .object({
    name: nameSchema.optional(),
    timeZone: timeZoneSchema.optional(),
    weeklyHours: weeklyHoursSchema.optional(),
  })
  .strict();

export const addHolidaySchema = z.object({ date: isoDateSchema, name: nameSchema }).strict();

export const holidayParamsSchema = z.object({ id: z.string().min(1).max(64), date: isoDateSchema });

/** The largest iCalendar text accepted, and the most dates one import may add. */
export const MAX_ICS_BYTES = 1024 * 1024;
export const MAX_IMPORTED_DATES = 5000;

export const importHolidaysSchema = z
  .object({ ics: z.string().min(1, 'must not be empty').describe('the text of an iCalendar (.ics) file') })
  .strict();

export type CalendarHoliday = { date: string; name: string; source: 'manual' | 'ical' };

export type SlaCalendar = {
  id: string;
  name: string;
  /** '24x7': the built-in calendar, read-only. */
  kind: 'business' | '24x7';
  timeZone: string;
  weeklyHours: WeeklyHoursMap;
  holidayCount: number;
  createdAt: string;
  updatedAt: string;
  archivedAt: string | null;
};

export type SlaCalendarDetail = SlaCalendar & {
  holidays: CalendarHoliday[];
  /** Policies that are not archived and count time under this calendar. */
  policies: Array<{ id: string; name: string }>;
};

export type HolidayImportResult = {
  added: number;
  alreadyPresent: number;
  skipped: Array<{ summary: string; reason: string }>;
};

const iso = (ms: number) => new Date(ms).toISOString();

export function toCalendar(row: SlaCalendarsTable, holidayCount: number): SlaCalendar {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    timeZone: row.time_zone,
    weeklyHours: JSON.parse(row.weekly_hours) as WeeklyHoursMap,
    holidayCount,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
    archivedAt: row.archived_at === null ? null : iso(row.archived_at),
  };
}

export const toHoliday = (row: Pick<SlaHolidaysTable, 'on_date' | 'name' | 'source'>): CalendarHoliday => ({
  date: row.on_date,
  name: row.name,
  source: row.source,
});
