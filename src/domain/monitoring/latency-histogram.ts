/**
 * Upper bounds (inclusive, in ms) of the latency buckets kept in rollups; the last bucket has no
 * upper bound. Changing these bounds changes the meaning of every stored histogram, so it needs a
 * migration that rewrites check_rollups.latency_histogram.
 */
export const LATENCY_BUCKET_BOUNDS_MS = [
  10,
  25,
  50,
  100,
  200,
  300,
  500,
  750,
  1000,
  1500,
  2000,
  3000,
  5000,
  10_000,
  Number.POSITIVE_INFINITY,
] as const;

export const LATENCY_BUCKET_COUNT = LATENCY_BUCKET_BOUNDS_MS.length;

/** Counts per bucket, in the order of LATENCY_BUCKET_BOUNDS_MS. */
export type LatencyHistogram = number[];

export function emptyHistogram(): LatencyHistogram {
  return new Array<number>(LATENCY_BUCKET_COUNT).fill(0);
}

/** Index of the bucket a latency falls in: the first whose upper bound is ≥ the value. */
export function bucketIndex(latencyMs: number): number {
  for (let i = 0; i < LATENCY_BUCKET_COUNT; i++) {
    if (latencyMs <= (LATENCY_BUCKET_BOUNDS_MS[i] as number)) return i;
  }
  return LATENCY_BUCKET_COUNT - 1; // NaN lands in the open bucket rather than vanishing
}

/** Adds one observation in place and returns the histogram. */
export function addLatency(histogram: LatencyHistogram, latencyMs: number): LatencyHistogram {
  const i = bucketIndex(latencyMs);
  histogram[i] = (histogram[i] ?? 0) + 1;
  return histogram;
}

/** A new histogram with the counts of all given ones. */
export function mergeHistograms(histograms: Iterable<LatencyHistogram>): LatencyHistogram {
  const out = emptyHistogram();
  for (const h of histograms) {
    for (let i = 0; i < LATENCY_BUCKET_COUNT; i++) out[i] = (out[i] as number) + (h[i] ?? 0);
  }
  return out;
}

export function histogramCount(histogram: LatencyHistogram): number {
  return histogram.reduce((sum, n) => sum + n, 0);
}

/**
 * APPROXIMATE percentile (0 < p ≤ 1) from bucket counts: it returns the upper bound of the bucket
 * holding the p-th observation, so the true value is at most this and above the previous bound.
 * When the observed maximum is given, the estimate never exceeds it (which also answers for the
 * open last bucket); without it, the open bucket answers +Infinity. Null when there is no data.
 * Percentiles from rollups are therefore estimates; only raw results give exact ones.
 */
export function estimatePercentile(histogram: LatencyHistogram, p: number, maxMs?: number | null): number | null {
  if (!(p > 0 && p <= 1)) throw new RangeError(`percentile must be in (0, 1], got ${p}`);
  const total = histogramCount(histogram);
  if (total === 0) return null;
  const rank = Math.ceil(p * total);
  let seen = 0;
  for (let i = 0; i < LATENCY_BUCKET_COUNT; i++) {
    seen += histogram[i] ?? 0;
    if (seen >= rank) {
      const upper = LATENCY_BUCKET_BOUNDS_MS[i] as number;
      return maxMs === null || maxMs === undefined ? upper : Math.min(upper, maxMs);
    }
  }
  return maxMs ?? Number.POSITIVE_INFINITY;
}

/** The stored form (JSON array of counts). */
export function serializeHistogram(histogram: LatencyHistogram): string {
  return JSON.stringify(histogram);
}

/** Reads the stored form; a malformed value reads as empty rather than breaking a chart. */
export function parseHistogram(text: string | null | undefined): LatencyHistogram {
  const out = emptyHistogram();
  if (!text) return out;
  try {
    const parsed: unknown = JSON.parse(text);
    if (!Array.isArray(parsed)) return out;
    for (let i = 0; i < LATENCY_BUCKET_COUNT; i++) {
      const n = Number(parsed[i] ?? 0);
      out[i] = Number.isFinite(n) && n > 0 ? n : 0;
    }
  } catch {
    // keep the empty histogram
  }
  return out;
}
