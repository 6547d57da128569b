import { DateTime } from 'luxon';

export type TimeTick = { atMs: number; label: string };

/**
 * Axis ticks in the agency's time zone: every 3 hours for a day, daily for a week, weekly
 * (Mondays) for a month, fortnightly beyond. Placed with Luxon so they sit on local midnights
 * and hours across DST changes.
 */
export function timeTicks(fromMs: number, toMs: number, range: string, timeZone: string): TimeTick[] {
  const start = DateTime.fromMillis(fromMs, { zone: timeZone });
  const plan =
    range === '24h'
      ? { first: start.startOf('day'), step: { hours: 3 }, format: 'HH:mm' }
      : range === '7d'
        ? { first: start.startOf('day'), step: { days: 1 }, format: 'ccc d' }
        : range === '30d'
          ? { first: start.startOf('week'), step: { weeks: 1 }, format: 'd LLL' }
          : { first: start.startOf('week'), step: { weeks: 2 }, format: 'd LLL' };
  const ticks: TimeTick[] = [];
  for (let t = plan.first; t.toMillis() <= toMs && ticks.length < 60; t = t.plus(plan.step)) {
    if (t.toMillis() >= fromMs) ticks.push({ atMs: t.toMillis(), label: t.setLocale('en-GB').toFormat(plan.format) });
  }
  return ticks;
}
