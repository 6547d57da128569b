import { DateTime } from 'luxon';

export const MONTH_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** A calendar month ('YYYY-MM') in a zone, as [fromMs, toMs): 23- and 25-hour days included. */
export function monthWindow(month: string, timeZone: string): { fromMs: number; toMs: number } {
  const m = MONTH_PATTERN.exec(month);
  if (!m) throw new Error(`not a month (YYYY-MM): ${month}`);
  const start = DateTime.fromObject({ year: Number(m[1]), month: Number(m[2]), day: 1 }, { zone: timeZone });
  return { fromMs: start.toMillis(), toMs: start.plus({ months: 1 }).toMillis() };
}

/** The month ('YYYY-MM') an instant falls in, in a zone. */
export function monthOf(epochMs: number, timeZone: string): string {
  return DateTime.fromMillis(epochMs, { zone: timeZone }).toFormat('yyyy-MM');
}
