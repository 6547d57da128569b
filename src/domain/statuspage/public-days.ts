import { DateTime } from 'luxon';
import type { Interval } from '../monitoring/maintenance-intervals.ts';
import { computeUptime } from '../monitoring/uptime.ts';
import type { PublicDay } from './public-types.ts';

export type LocalDay = { date: string; startMs: number; endMs: number };

/** The `count` local days in `timeZone` ending with today (today included); 23- and 25-hour days as they are. */
export function localDays(nowMs: number, timeZone: string, count: number): LocalDay[] {
  const today = DateTime.fromMillis(nowMs, { zone: timeZone }).startOf('day');
  const out: LocalDay[] = [];
  for (let i = count - 1; i >= 0; i--) {
    const start = today.minus({ days: i });
    out.push({ date: start.toISODate() ?? '', startMs: start.toMillis(), endMs: start.plus({ days: 1 }).toMillis() });
  }
  return out;
}

/** Index of the day holding `ms`, or -1 outside them (days are sorted and contiguous). */
export function dayIndexOf(days: LocalDay[], ms: number): number {
  let lo = 0;
  let hi = days.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const d = days[mid] as LocalDay;
    if (ms < d.startMs) hi = mid - 1;
    else if (ms >= d.endMs) lo = mid + 1;
    else return mid;
  }
  return -1;
}

export type ComponentTimeline = {
  /** When measuring began (start of the hour the first monitor was created in) and ended (now, unless all are archived). */
  measuredFromMs: number;
  measuredToMs: number;
  incidents: Array<{ startedAt: number; resolvedAt: number | null }>;
  maintenance: Interval[];
  /** Latency sums per day index. */
  latency: Map<number, { count: number; sumMs: number }>;
  /** The component has checks that answer with a response time (not only heartbeats). */
  answersChecks?: boolean;
};

/**
 * One bar per day: uptime per domain.md (downtime = union of incident time outside maintenance,
 * maintenance excluded), over the part of the day that was measured and is not in the future.
 */
export function buildDays(days: LocalDay[], nowMs: number, t: ComponentTimeline): PublicDay[] {
  return days.map((day, i) => {
    const fromMs = Math.max(day.startMs, t.measuredFromMs);
    const toMs = Math.min(day.endMs, nowMs, t.measuredToMs);
    const lat = t.latency.get(i);
    const avgResponseMs = lat && lat.count > 0 ? Math.round(lat.sumMs / lat.count) : null;
    const dayEndMs = Math.min(day.endMs, nowMs);
    const incidents = t.incidents.filter((x) => x.startedAt < dayEndMs && (x.resolvedAt ?? nowMs) > day.startMs).length;
    if (fromMs >= toMs) {
      return { ...day, uptimeRatio: null, downtimeMs: 0, maintenanceMs: 0, incidents, avgResponseMs };
    }
    const f = computeUptime(fromMs, toMs, t.incidents, t.maintenance);
    // A past day on which no check answered and nothing happened was not measured (the monitor
    // was paused, or no checks ran): it is shown as "no data", not as a perfect day.
    if (t.answersChecks && !lat && incidents === 0 && f.excludedMs === 0 && day.endMs <= nowMs) {
      return { ...day, uptimeRatio: null, downtimeMs: 0, maintenanceMs: 0, incidents, avgResponseMs };
    }
    return {
      ...day,
      uptimeRatio: f.uptimeRatio,
      downtimeMs: f.downtimeMs,
      maintenanceMs: f.excludedMs,
      incidents,
      avgResponseMs,
    };
  });
}

/** Uptime over all the days shown (the measured part of them). */
export function rangeUptime(days: LocalDay[], nowMs: number, t: ComponentTimeline): number | null {
  const first = days[0];
  if (!first) return null;
  const fromMs = Math.max(first.startMs, t.measuredFromMs);
  const toMs = Math.min(nowMs, t.measuredToMs);
  if (fromMs >= toMs) return null;
  return computeUptime(fromMs, toMs, t.incidents, t.maintenance).uptimeRatio;
}
