import type { IcsTime } from './ical-lines.ts';

// Yearly repeats, the only kind holiday feeds need ("Christmas, every year"). Anything richer
// (BYDAY for "last Monday of May", monthly rules, …) is reported as unsupported, not guessed.

export type YearlyRule = { interval: number; count: number | null; until: IcsTime | null };

const IGNORED = new Set(['FREQ', 'WKST']);

/** FREQ=YEARLY with optional INTERVAL, COUNT, UNTIL, and BYMONTH/BYMONTHDAY equal to the start's. */
export function parseYearlyRule(
  text: string,
  start: { month: number; day: number },
  parseUntil: (value: string) => IcsTime | string,
): YearlyRule | string {
  const parts = new Map<string, string>();
  for (const piece of text.split(';')) {
    const [key = '', value = ''] = piece.split('=');
    if (key.trim()) parts.set(key.trim().toUpperCase(), value.trim());
  }
  const freq = parts.get('FREQ')?.toUpperCase();
  if (freq !== 'YEARLY') {
    return freq ? `repeats ${freq.toLowerCase()}; only yearly repeats are supported` : 'repeat rule without FREQ';
  }
  const rule: YearlyRule = { interval: 1, count: null, until: null };
  for (const [key, value] of parts) {
    if (IGNORED.has(key)) continue;
    const n = /^\d{1,4}$/.test(value) ? Number(value) : Number.NaN;
    if (key === 'INTERVAL' && n >= 1) rule.interval = n;
    else if (key === 'COUNT' && n >= 1) rule.count = n;
    else if (key === 'BYMONTH' && n === start.month) continue;
    else if (key === 'BYMONTHDAY' && n === start.day) continue;
    else if (key === 'UNTIL') {
      const until = parseUntil(value);
      if (typeof until === 'string') return `repeat rule UNTIL: ${until}`;
      rule.until = until;
    } else return `repeat rule ${key}=${value} is not supported (only yearly on the start date)`;
  }
  return rule;
}

/** The start moved by whole years; null when that date does not exist (29 February). */
export function shiftYears(time: IcsTime, years: number): IcsTime | null {
  if (years === 0) return time;
  if (time.kind === 'date') {
    const year = Number(time.date.slice(0, 4)) + years;
    const date = `${String(year).padStart(4, '0')}${time.date.slice(4)}`;
    const probe = new Date(`${date}T00:00:00Z`);
    return !Number.isNaN(probe.getTime()) && probe.toISOString().startsWith(date) ? { kind: 'date', date } : null;
  }
  const at = time.at.set({ year: time.at.year + years });
  return at.month === time.at.month && at.day === time.at.day ? { kind: 'datetime', at } : null;
}
