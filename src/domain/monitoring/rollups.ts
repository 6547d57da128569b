import type { CheckRollupsTable, Executor } from '../../storage/schema.ts';
import { mergeHistograms, parseHistogram, serializeHistogram } from './latency-histogram.ts';
import { aggregateResults, emptyAggregate } from './rollups-results.ts';
import { chunk, loadMonitorRefs, loadTimeSources, type MonitorRef, timeParts } from './rollups-sources.ts';
import { DAY_MS, floorDay, floorHour, HOUR_MS } from './rollups-time.ts';

// Hour rollups summarise raw results (counts, latency) and incidents/maintenance (downtime_ms,
// maintenance_ms: the same maths as computeUptime, so uptime from rollups equals uptime from raw
// data). Day rollups are sums of their 24 UTC hours. Every write is an upsert of the whole row,
// so recomputing a period gives the same rows.

// A chunk of an hour's results for 100 monitors (at 30 s, 12 000 rows) keeps each statement short.
const MONITOR_CHUNK = 100;

export type RollupOptions = {
  /** Only these monitors (default: every monitor that existed in the period). */
  monitorIds?: string[];
  /** Called between chunks of monitors, to let other work (checks being written) run. */
  yieldBetweenChunks?: () => Promise<void>;
};

/** Recomputes the hour rollups of [hourStartMs, +1 h) from raw results, incidents and maintenance. */
export async function rollupHour(db: Executor, hourStartMs: number, nowMs: number, options: RollupOptions = {}) {
  if (hourStartMs !== floorHour(hourStartMs)) throw new RangeError('not the start of an hour');
  const endMs = hourStartMs + HOUR_MS;
  // An open incident would count to the end of an hour that has not happened yet.
  if (endMs > nowMs) throw new RangeError('the hour is not over yet');
  const refs = await loadMonitorRefs(db, { ids: options.monitorIds, activeIn: { startMs: hourStartMs, endMs } });
  let written = 0;
  for (const part of chunk(refs, MONITOR_CHUNK)) {
    const results = await aggregateResults(
      db,
      part.map((r) => r.id),
      hourStartMs,
      endMs,
    );
    const sources = await loadTimeSources(db, part, hourStartMs, endMs);
    const rows = part.map((ref): CheckRollupsTable => {
      const agg = results.get(ref.id) ?? emptyAggregate();
      const { downtimeMs, maintenanceMs } = timeParts(sources, ref, hourStartMs, endMs);
      return {
        monitor_id: ref.id,
        period: 'hour',
        period_start: hourStartMs,
        checks_total: agg.checksTotal,
        checks_up: agg.checksUp,
        checks_degraded: agg.checksDegraded,
        checks_down: agg.checksDown,
        downtime_ms: downtimeMs,
        maintenance_ms: maintenanceMs,
        latency_count: agg.latencyCount,
        latency_sum_ms: agg.latencySumMs,
        latency_min_ms: agg.latencyMinMs,
        latency_max_ms: agg.latencyMaxMs,
        latency_histogram: serializeHistogram(agg.histogram),
      };
    });
    written += await upsertRollups(db, rows);
    await options.yieldBetweenChunks?.();
  }
  return written;
}

/** Recomputes the day rollups of the UTC day starting at dayStartMs as sums of its hour rollups. */
export async function rollupDay(db: Executor, dayStartMs: number, options: RollupOptions = {}) {
  if (dayStartMs !== floorDay(dayStartMs)) throw new RangeError('not the start of a UTC day');
  const endMs = dayStartMs + DAY_MS;
  const refs = await loadMonitorRefs(db, { ids: options.monitorIds, activeIn: { startMs: dayStartMs, endMs } });
  let written = 0;
  for (const part of chunk(refs, MONITOR_CHUNK)) {
    const hours = await db
      .selectFrom('check_rollups')
      .selectAll()
      .where('period', '=', 'hour')
      .where(
        'monitor_id',
        'in',
        part.map((r) => r.id),
      )
      .where('period_start', '>=', dayStartMs)
      .where('period_start', '<', endMs)
      .execute();
    const byMonitor = new Map<string, CheckRollupsTable[]>();
    for (const h of hours) {
      const list = byMonitor.get(h.monitor_id);
      if (list) list.push(h);
      else byMonitor.set(h.monitor_id, [h]);
    }
    const rows = part
      .filter((ref) => byMonitor.has(ref.id))
      .map((ref) => sumHours(ref, dayStartMs, byMonitor.get(ref.id) ?? []));
    written += await upsertRollups(db, rows);
    await options.yieldBetweenChunks?.();
  }
  return written;
}

function sumHours(ref: MonitorRef, dayStartMs: number, hours: CheckRollupsTable[]): CheckRollupsTable {
  const sum = (pick: (h: CheckRollupsTable) => number) => hours.reduce((s, h) => s + Number(pick(h)), 0);
  const present = (values: Array<number | null>) => values.filter((v): v is number => v !== null).map(Number);
  const mins = present(hours.map((h) => h.latency_min_ms));
  const maxes = present(hours.map((h) => h.latency_max_ms));
  return {
    monitor_id: ref.id,
    period: 'day',
    period_start: dayStartMs,
    checks_total: sum((h) => h.checks_total),
    checks_up: sum((h) => h.checks_up),
    checks_degraded: sum((h) => h.checks_degraded),
    checks_down: sum((h) => h.checks_down),
    downtime_ms: sum((h) => h.downtime_ms),
    maintenance_ms: sum((h) => h.maintenance_ms),
    latency_count: sum((h) => h.latency_count),
    latency_sum_ms: sum((h) => h.latency_sum_ms),
    latency_min_ms: mins.length ? Math.min(...mins) : null,
    latency_max_ms: maxes.length ? Math.max(...maxes) : null,
    latency_histogram: serializeHistogram(mergeHistograms(hours.map((h) => parseHistogram(h.latency_histogram)))),
  };
}

const ROW_CHUNK = 200;

/** Inserts rollup rows, replacing whole rows that exist: re-running a period gives the same rows. */
export async function upsertRollups(db: Executor, rows: CheckRollupsTable[]): Promise<number> {
  for (const part of chunk(rows, ROW_CHUNK)) {
    await db
      .insertInto('check_rollups')
      .values(part)
      .onConflict((oc) =>
        oc.columns(['monitor_id', 'period', 'period_start']).doUpdateSet((eb) => ({
          checks_total: eb.ref('excluded.checks_total'),
          checks_up: eb.ref('excluded.checks_up'),
          checks_degraded: eb.ref('excluded.checks_degraded'),
          checks_down: eb.ref('excluded.checks_down'),
          downtime_ms: eb.ref('excluded.downtime_ms'),
          maintenance_ms: eb.ref('excluded.maintenance_ms'),
          latency_count: eb.ref('excluded.latency_count'),
          latency_sum_ms: eb.ref('excluded.latency_sum_ms'),
          latency_min_ms: eb.ref('excluded.latency_min_ms'),
          latency_max_ms: eb.ref('excluded.latency_max_ms'),
          latency_histogram: eb.ref('excluded.latency_histogram'),
        })),
      )
      .execute();
  }
  return rows.length;
}
