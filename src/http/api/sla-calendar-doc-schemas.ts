import { z } from 'zod';

// Response shapes of the SLA calendar routes (strict: the API tests parse real responses with them).

const ts = z.string().describe('ISO 8601 instant, UTC');
const range = z.tuple([z.string(), z.string()]).describe('["HH:MM", "HH:MM"], local time; the end may be "24:00"');
const day = z.array(range);

const calendarFields = {
  id: z.string(),
  name: z.string(),
  kind: z.enum(['business', '24x7']).describe("'24x7': the built-in calendar (every minute counts), read-only"),
  timeZone: z.string().describe('IANA time zone the hours and holidays are read in'),
  weeklyHours: z
    .object({ '1': day, '2': day, '3': day, '4': day, '5': day, '6': day, '7': day })
    .strict()
    .describe('ISO weekday ("1" = Monday … "7" = Sunday) → sorted ranges; an empty day is closed'),
  holidayCount: z.number().int(),
  createdAt: ts,
  updatedAt: ts,
  archivedAt: ts.nullable(),
};

export const calendarDoc = z.object(calendarFields).strict();

export const holidayDoc = z
  .object({
    date: z.string().describe("YYYY-MM-DD, a local date in the calendar's zone"),
    name: z.string(),
    source: z.enum(['manual', 'ical']),
  })
  .strict();

export const calendarDetailDoc = z
  .object({
    ...calendarFields,
    holidays: z.array(holidayDoc).describe('in date order'),
    policies: z
      .array(z.object({ id: z.string(), name: z.string() }).strict())
      .describe('SLA policies (not archived) that count time under this calendar'),
  })
  .strict();

export const holidayImportDoc = z
  .object({
    added: z.number().int().describe('dates added'),
    alreadyPresent: z.number().int().describe('dates of the file the calendar already had (left as they were)'),
    skipped: z
      .array(z.object({ summary: z.string(), reason: z.string() }).strict())
      .describe('events that could not be read exactly, and why; none of their dates were added'),
  })
  .strict();
