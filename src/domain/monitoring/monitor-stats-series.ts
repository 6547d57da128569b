import { z } from 'zod';
import type { Ctx } from '../context.ts';
import { parseInput } from '../shared/validation.ts';
import { readLatencyBuckets } from './latency-buckets-view.ts';
import { estimatePercentile, mergeHistograms, parseHistogram } from './latency-histogram.ts';
import { getMonitorRow } from './monitors.ts';
import { rolledPeriods } from './rollups-ledger.ts';
import { aggregateResults, emptyAggregate, type ResultAggregate } from './rollups-results.ts';
import { DAY_MS, HOUR_MS } from './rollups-time.ts';

export type ResponseTimePoint = {
  /** Start of the bucket (a multiple of bucketMs since the epoch). */
  atMs: number;
  checks: number;
  downChecks: number;
  /** Averages over answered checks (up, degraded). */
  avgTotalMs: number | null;
  /** Rollup series only. */
  minTotalMs: number | null;
  maxTotalMs: number | null;
  /** Rollup series only, and APPROXIMATE: the upper bound of the histogram bucket holding the 95th percentile. */
  p95TotalMs: number | null;
  /** Raw series only: rollups keep the total time, not the phases. */
  phases: { dnsMs: number | null; connectMs: number | null; tlsMs: number | null; firstByteMs: number | null } | null;
};

export type ResponseTimeSeries = {
  monitorId: string;
  fromMs: number;
  toMs: number;
  bucketMs: number;
  /** 'raw': results of the last 24 hours, with phases; 'rollups': longer ranges, totals only. */
  source: 'raw' | 'rollups';
  /** Buckets without checks are left out: a gap in the chart, not a zero. */
  points: ResponseTimePoint[];
};

const RAW_RANGE_MS = 24 * HOUR_MS;
const MAX_POINTS = 300;
const RAW_BUCKETS_MS = [60_000, 5 * 60_000, 10 * 60_000, 15 * 60_000, 30 * 60_000, HOUR_MS];
const ROLLUP_BUCKETS_MS = [HOUR_MS, 3 * HOUR_MS, 6 * HOUR_MS, 12 * HOUR_MS, DAY_MS, 7 * DAY_MS];

const querySchema = z
  .object({
    fromMs: z.number().int().min(0),
    toMs: z.number().int().min(0),
    bucketMs: z.number().int().min(60_000).optional(),
  })
  .refine((q) => q.toMs > q.fromMs, { message: 'must end after it starts', path: ['toMs'] })
  .refine((q) => q.toMs - q.fromMs <= 800 * DAY_MS, {
    message: 'ranges longer than 800 days are not kept',
    path: ['fromMs'],
  });

const pickBucket = (choices: number[], rangeMs: number) =>
  choices.find((b) => rangeMs / b <= MAX_POINTS) ?? (choices[choices.length - 1] as number);

/**
 * Response time per bucket for a chart: from raw results (per phase) when the range lies within the
 * last 24 hours, otherwise from hour rollups (total time, min/max and an approximate p95), with
 * the hours not rolled up yet taken from raw results the same way.
 */
export async function responseTimeSeries(
  ctx: Ctx,
  monitorId: string,
  input: { fromMs: number; toMs: number; bucketMs?: number },
): Promise<ResponseTimeSeries> {
  const q = parseInput(querySchema, input);
  await getMonitorRow(ctx.db, monitorId);
  const nowMs = ctx.clock.now();
  const toMs = Math.min(q.toMs, nowMs);
  if (q.fromMs >= nowMs - RAW_RANGE_MS) {
    const bucketMs = q.bucketMs ?? pickBucket(RAW_BUCKETS_MS, toMs - q.fromMs);
    const fromMs = Math.floor(q.fromMs / bucketMs) * bucketMs;
    const buckets = (await readLatencyBuckets(ctx.db, [monitorId], fromMs, toMs, bucketMs)).get(monitorId) ?? [];
    const points = buckets.map((b) => ({
      atMs: b.atMs,
      checks: b.checks,
      downChecks: b.downChecks,
      avgTotalMs: b.totalMs,
      minTotalMs: null,
      maxTotalMs: null,
      p95TotalMs: null,
      phases: { dnsMs: b.dnsMs, connectMs: b.connectMs, tlsMs: b.tlsMs, firstByteMs: b.firstByteMs },
    }));
    return { monitorId, fromMs, toMs, bucketMs, source: 'raw', points };
  }
  // Rollup buckets are whole hours, so a bucket never splits an hour rollup.
  const bucketMs = Math.max(
    HOUR_MS,
    Math.ceil((q.bucketMs ?? pickBucket(ROLLUP_BUCKETS_MS, toMs - q.fromMs)) / HOUR_MS) * HOUR_MS,
  );
  const fromMs = Math.floor(q.fromMs / bucketMs) * bucketMs;
  const byBucket = new Map<number, ResultAggregate[]>();
  const add = (atMs: number, agg: ResultAggregate) => {
    const key = Math.floor(atMs / bucketMs) * bucketMs;
    const list = byBucket.get(key);
    if (list) list.push(agg);
    else byBucket.set(key, [agg]);
  };
  const hours = await ctx.db
    .selectFrom('check_rollups')
    .selectAll()
    .where('monitor_id', '=', monitorId)
    .where('period', '=', 'hour')
    .where('period_start', '>=', fromMs)
    .where('period_start', '<', toMs)
    .execute();
  for (const h of hours) add(h.period_start, rowAggregate(h));
  const rolled = await rolledPeriods(ctx.db, { startMs: fromMs, endMs: toMs });
  for (let h = fromMs; h < toMs; h += HOUR_MS) {
    if (rolled.hours.has(h)) continue;
    const agg = (await aggregateResults(ctx.db, [monitorId], h, Math.min(h + HOUR_MS, toMs))).get(monitorId);
    if (agg) add(h, agg);
  }
  const points = [...byBucket.entries()].sort(([a], [b]) => a - b).map(([atMs, aggs]) => toPoint(atMs, aggs));
  return { monitorId, fromMs, toMs, bucketMs, source: 'rollups', points: points.filter((p) => p.checks > 0) };
}

function rowAggregate(h: {
  checks_total: number;
  checks_up: number;
  checks_degraded: number;
  checks_down: number;
  latency_count: number;
  latency_sum_ms: number;
  latency_min_ms: number | null;
  latency_max_ms: number | null;
  latency_histogram: string;
}): ResultAggregate {
  return {
    checksTotal: Number(h.checks_total),
    checksUp: Number(h.checks_up),
    checksDegraded: Number(h.checks_degraded),
    checksDown: Number(h.checks_down),
    latencyCount: Number(h.latency_count),
    latencySumMs: Number(h.latency_sum_ms),
    latencyMinMs: h.latency_min_ms === null ? null : Number(h.latency_min_ms),
    latencyMaxMs: h.latency_max_ms === null ? null : Number(h.latency_max_ms),
    histogram: parseHistogram(h.latency_histogram),
  };
}

function toPoint(atMs: number, aggs: ResultAggregate[]): ResponseTimePoint {
  const total = emptyAggregate();
  for (const a of aggs) {
    total.checksTotal += a.checksTotal;
    total.checksDown += a.checksDown;
    total.latencyCount += a.latencyCount;
    total.latencySumMs += a.latencySumMs;
    total.latencyMinMs = combine(total.latencyMinMs, a.latencyMinMs, Math.min);
    total.latencyMaxMs = combine(total.latencyMaxMs, a.latencyMaxMs, Math.max);
  }
  const histogram = mergeHistograms(aggs.map((a) => a.histogram));
  return {
    atMs,
    checks: total.checksTotal,
    downChecks: total.checksDown,
    avgTotalMs: total.latencyCount > 0 ? Math.round((total.latencySumMs / total.latencyCount) * 10) / 10 : null,
    minTotalMs: total.latencyMinMs,
    maxTotalMs: total.latencyMaxMs,
    p95TotalMs: estimatePercentile(histogram, 0.95, total.latencyMaxMs),
    phases: null,
  };
}

const combine = (a: number | null, b: number | null, pick: (x: number, y: number) => number) =>
  a === null ? b : b === null ? a : pick(a, b);
