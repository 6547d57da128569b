import { sql } from 'kysely';
import type { Executor } from '../../storage/schema.ts';
import { emptyHistogram, LATENCY_BUCKET_BOUNDS_MS, type LatencyHistogram } from './latency-histogram.ts';
import { chunk } from './rollups-sources.ts';

/** What one period's raw results add up to for one monitor. */
export type ResultAggregate = {
  checksTotal: number;
  checksUp: number;
  checksDegraded: number;
  checksDown: number;
  /** Latency is taken from answered checks only (up, degraded): a down check's total is mostly its timeout. */
  latencyCount: number;
  latencySumMs: number;
  latencyMinMs: number | null;
  latencyMaxMs: number | null;
  histogram: LatencyHistogram;
};

export const emptyAggregate = (): ResultAggregate => ({
  checksTotal: 0,
  checksUp: 0,
  checksDegraded: 0,
  checksDown: 0,
  latencyCount: 0,
  latencySumMs: 0,
  latencyMinMs: null,
  latencyMaxMs: null,
  histogram: emptyHistogram(),
});

const answered = sql`outcome <> 'down'`;
const countWhen = (cond: ReturnType<typeof sql>) => sql<number>`sum(case when ${cond} then 1 else 0 end)`;

// One "count in bucket" column per latency bucket: the histogram is built by the database, so an
// hour of results for many monitors never travels to the process row by row.
const bucketColumns = LATENCY_BUCKET_BOUNDS_MS.map((upper, i) => {
  const lower = i === 0 ? null : LATENCY_BUCKET_BOUNDS_MS[i - 1];
  const parts = [answered];
  if (lower !== null && lower !== undefined) parts.push(sql`total_ms > ${sql.lit(lower)}`);
  if (Number.isFinite(upper)) parts.push(sql`total_ms <= ${sql.lit(upper)}`);
  return countWhen(sql.join(parts, sql` and `)).as(`b${i}`);
});

/** Raw results of [fromMs, toMs) summed per monitor; monitors without results are absent. */
export async function aggregateResults(
  db: Executor,
  monitorIds: string[],
  fromMs: number,
  toMs: number,
): Promise<Map<string, ResultAggregate>> {
  const out = new Map<string, ResultAggregate>();
  for (const ids of chunk(monitorIds)) {
    const rows = await db
      .selectFrom('check_results')
      .select([
        'monitor_id',
        sql<number>`count(*)`.as('total'),
        countWhen(sql`outcome = 'up'`).as('up'),
        countWhen(sql`outcome = 'degraded'`).as('degraded'),
        countWhen(sql`outcome = 'down'`).as('down'),
        countWhen(answered).as('latency_count'),
        // PostgreSQL keeps timings as real (float4); summing in double keeps hours of sums exact enough.
        sql<number>`sum(case when ${answered} then cast(total_ms as double precision) else 0 end)`.as('latency_sum'),
        sql<number | null>`min(case when ${answered} then total_ms end)`.as('latency_min'),
        sql<number | null>`max(case when ${answered} then total_ms end)`.as('latency_max'),
        ...bucketColumns,
      ])
      .where('monitor_id', 'in', ids)
      .where('started_at', '>=', fromMs)
      .where('started_at', '<', toMs)
      .groupBy('monitor_id')
      .execute();
    for (const r of rows as Array<Record<string, unknown> & { monitor_id: string }>) {
      out.set(r.monitor_id, {
        checksTotal: Number(r.total),
        checksUp: Number(r.up),
        checksDegraded: Number(r.degraded),
        checksDown: Number(r.down),
        latencyCount: Number(r.latency_count),
        latencySumMs: Number(r.latency_sum ?? 0),
        latencyMinMs: r.latency_min === null ? null : Number(r.latency_min),
        latencyMaxMs: r.latency_max === null ? null : Number(r.latency_max),
        histogram: LATENCY_BUCKET_BOUNDS_MS.map((_, i) => Number(r[`b${i}`] ?? 0)),
      });
    }
  }
  return out;
}

export type OutcomeCounts = { total: number; up: number; degraded: number; down: number };

/** Only the counts by outcome of [fromMs, toMs) per monitor: much lighter than aggregateResults. */
export async function countResults(
  db: Executor,
  monitorIds: string[],
  fromMs: number,
  toMs: number,
): Promise<Map<string, OutcomeCounts>> {
  const out = new Map<string, OutcomeCounts>();
  for (const ids of chunk(monitorIds)) {
    const rows = await db
      .selectFrom('check_results')
      .select(['monitor_id', 'outcome', sql<number>`count(*)`.as('n')])
      .where('monitor_id', 'in', ids)
      .where('started_at', '>=', fromMs)
      .where('started_at', '<', toMs)
      .groupBy(['monitor_id', 'outcome'])
      .execute();
    for (const r of rows) {
      const counts = out.get(r.monitor_id) ?? { total: 0, up: 0, degraded: 0, down: 0 };
      counts[r.outcome] += Number(r.n);
      counts.total += Number(r.n);
      out.set(r.monitor_id, counts);
    }
  }
  return out;
}
