import { z } from 'zod';

// A calendar's weekly business hours: ISO weekday ("1" = Monday … "7" = Sunday) → ranges of local
// 'HH:MM' time. A range never crosses midnight (an end of '24:00' reaches it), ranges of a day
// never overlap, and they are stored sorted, every day present (an empty list = closed).

export const ISO_WEEKDAYS = ['1', '2', '3', '4', '5', '6', '7'] as const;
export type IsoWeekday = (typeof ISO_WEEKDAYS)[number];
export type TimeRange = [string, string];
export type WeeklyHoursInput = Partial<Record<IsoWeekday, TimeRange[]>>;
export type WeeklyHoursMap = Record<IsoWeekday, TimeRange[]>;

export const MAX_RANGES_PER_DAY = 12;
export const WEEKDAY_NAMES: Record<IsoWeekday, string> = {
  '1': 'Monday',
  '2': 'Tuesday',
  '3': 'Wednesday',
  '4': 'Thursday',
  '5': 'Friday',
  '6': 'Saturday',
  '7': 'Sunday',
};

const START = /^([01]\d|2[0-3]):[0-5]\d$/;
const END = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;
const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

const daySchema = z
  .array(z.tuple([z.string().max(5), z.string().max(5)]))
  .max(MAX_RANGES_PER_DAY, `must have at most ${MAX_RANGES_PER_DAY} ranges`)
  .optional();

/** The problem with one day's ranges, or undefined when they are fine. */
export function dayRangesProblem(ranges: TimeRange[]): string | undefined {
  for (const [start, end] of ranges) {
    if (!START.test(start)) return `${start || '(empty)'} is not a start time as HH:MM (00:00 to 23:59)`;
    if (!END.test(end)) return `${end || '(empty)'} is not an end time as HH:MM (00:01 to 24:00)`;
    if (minutesOf(end) <= minutesOf(start)) {
      return `${start}-${end} must end after it starts (a range cannot cross midnight: split it at 24:00)`;
    }
  }
  const sorted = sortRanges(ranges);
  for (let i = 1; i < sorted.length; i += 1) {
    const [prev, next] = [sorted[i - 1] as TimeRange, sorted[i] as TimeRange];
    if (minutesOf(next[0]) < minutesOf(prev[1])) return `${prev[0]}-${prev[1]} and ${next[0]}-${next[1]} overlap`;
  }
  return undefined;
}

const sortRanges = (ranges: TimeRange[]) =>
  [...ranges].sort((a, b) => minutesOf(a[0]) - minutesOf(b[0]) || minutesOf(a[1]) - minutesOf(b[1]));

export const weeklyHoursSchema = z
  .object({
    '1': daySchema,
    '2': daySchema,
    '3': daySchema,
    '4': daySchema,
    '5': daySchema,
    '6': daySchema,
    '7': daySchema,
  })
  .strict()
  .superRefine((week, ctx) => {
    let open = 0;
    for (const day of ISO_WEEKDAYS) {
      const ranges = week[day] ?? [];
      open += ranges.length;
      const problem = dayRangesProblem(ranges);
      if (problem) ctx.addIssue({ code: 'custom', path: [day], message: problem });
    }
    if (open === 0) {
      ctx.addIssue({ code: 'custom', message: 'must have business hours on at least one day of the week' });
    }
  })
  .transform(
    (week): WeeklyHoursMap =>
      Object.fromEntries(ISO_WEEKDAYS.map((d) => [d, sortRanges(week[d] ?? [])])) as WeeklyHoursMap,
  )
  .describe('ISO weekday ("1" = Monday … "7" = Sunday) → [["09:00","18:00"], …]; a missing or empty day is closed');

/** "09:00-13:00, 15:00-19:00" (what the console's fields show); '' for a closed day. */
export function formatDayRanges(ranges: readonly TimeRange[], separator = '-'): string {
  return ranges.map(([s, e]) => `${s}${separator}${e}`).join(', ');
}

/**
 * Reads "9:00-13:00, 15:00–19:00" into ranges ('' = closed). Pieces it cannot read come back as
 * they were typed, so validation names them; `unreadable` says the text was not understood.
 */
export function parseDayRangesText(text: string): { ranges: TimeRange[]; unreadable: boolean } {
  const pieces = text
    .split(/[,;]/)
    .map((p) => p.trim())
    .filter(Boolean);
  let unreadable = false;
  const ranges = pieces.map((piece): TimeRange => {
    const m = /^(\d{1,2}(?::\d{2})?)\s*(?:-|–|—|to)\s*(\d{1,2}(?::\d{2})?)$/i.exec(piece);
    if (!m) {
      unreadable = true;
      return [piece.slice(0, 5), ''];
    }
    return [padTime(m[1] ?? ''), padTime(m[2] ?? '')];
  });
  return { ranges, unreadable };
}

/** "9" → "09:00", "9:30" → "09:30". */
function padTime(text: string): string {
  const [h = '', m = '00'] = text.split(':');
  return `${h.padStart(2, '0')}:${m}`;
}

const SHORT_DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** "Mon-Fri 09:00-18:00; Sat 10:00-14:00": consecutive days with the same hours grouped. */
export function summarizeWeek(week: WeeklyHoursMap): string {
  const groups: Array<{ from: number; to: number; text: string }> = [];
  ISO_WEEKDAYS.forEach((day, i) => {
    const text = formatDayRanges(week[day] ?? []);
    const last = groups[groups.length - 1];
    if (last && last.text === text && last.to === i - 1) last.to = i;
    else groups.push({ from: i, to: i, text });
  });
  const open = groups.filter((g) => g.text !== '');
  if (open.length === 0) return 'closed';
  if (open.length === 1 && open[0]?.from === 0 && open[0].to === 6) return `every day ${open[0].text}`;
  return open.map((g) => `${SHORT_DAYS[g.from]}${g.to > g.from ? `-${SHORT_DAYS[g.to]}` : ''} ${g.text}`).join('; ');
}
