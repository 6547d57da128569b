import type { Executor } from '../../storage/schema.ts';
import { readLatencyBuckets } from '../monitoring/latency-buckets-view.ts';
import { chunk } from '../monitoring/rollups-sources.ts';
import { floorHour, HOUR_MS } from '../monitoring/rollups-time.ts';

export type HourLatency = { hourMs: number; count: number; sumMs: number };

/**
 * Response-time sums per monitor and hour over [fromMs, toMs), from hour rollups, and from raw
 * results for the hours after the newest rollup (not rolled up yet). Latency counts answered
 * checks only, as everywhere in monitoring. One query for the rollups, one for the raw tail.
 */
export async function loadHourLatency(
  db: Executor,
  monitorIds: string[],
  fromMs: number,
  toMs: number,
): Promise<Map<string, HourLatency[]>> {
  const out = new Map<string, HourLatency[]>(monitorIds.map((id) => [id, []]));
  if (monitorIds.length === 0) return out;
  const startHour = floorHour(fromMs);
  const rolled = new Set<string>();
  let newestRolledHour = startHour - HOUR_MS;
  for (const ids of chunk(monitorIds)) {
    const rows = await db
      .selectFrom('check_rollups')
      .select(['monitor_id', 'period_start', 'latency_count', 'latency_sum_ms'])
      .where('monitor_id', 'in', ids)
      .where('period', '=', 'hour')
      .where('period_start', '>=', startHour)
      .where('period_start', '<', toMs)
      .execute();
    for (const r of rows) {
      const hourMs = Number(r.period_start);
      rolled.add(`${r.monitor_id}:${hourMs}`);
      newestRolledHour = Math.max(newestRolledHour, hourMs);
      out.get(r.monitor_id)?.push({ hourMs, count: Number(r.latency_count), sumMs: Number(r.latency_sum_ms) });
    }
  }
  // Before the newest rolled-up hour every hour is rolled up (or had no checks), except for a
  // monitor whose rollups lag; the raw tail starts early enough to cover a lag of a day.
  const rawFromMs = Math.max(startHour, newestRolledHour + HOUR_MS - 24 * HOUR_MS);
  if (rawFromMs >= toMs) return out;
  const raw = await readLatencyBuckets(db, monitorIds, rawFromMs, toMs, HOUR_MS);
  for (const [monitorId, buckets] of raw) {
    for (const b of buckets) {
      if (rolled.has(`${monitorId}:${b.atMs}`) || b.totalMs === null) continue;
      const count = b.checks - b.downChecks;
      out.get(monitorId)?.push({ hourMs: b.atMs, count, sumMs: b.totalMs * count });
    }
  }
  return out;
}
