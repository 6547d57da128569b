import { z } from 'zod';
import type { Ctx } from '../context.ts';
import { parseInput } from '../shared/validation.ts';
import { type ResponseTimePoint, responseTimeSeries } from './monitor-stats-series.ts';

const DAY_MS = 86_400_000;

/** The ranges a chart offers; 24 h comes from raw results (per phase), longer ones from rollups (totals). */
export const SERIES_RANGES = { '24h': DAY_MS, '7d': 7 * DAY_MS, '30d': 30 * DAY_MS, '90d': 90 * DAY_MS } as const;
export type SeriesRange = keyof typeof SERIES_RANGES;
export const SERIES_RANGE_KEYS = Object.keys(SERIES_RANGES) as [SeriesRange, ...SeriesRange[]];

export const responseSeriesQuerySchema = z.object({ range: z.enum(SERIES_RANGE_KEYS).default('24h') });

export type ResponsePoint = Omit<ResponseTimePoint, 'atMs'> & { at: string };

export type ResponseSeries = {
  monitorId: string;
  range: SeriesRange;
  from: string;
  to: string;
  bucketS: number;
  source: 'raw' | 'rollups';
  points: ResponsePoint[];
};

/** Response time per bucket over the range ending now (see responseTimeSeries), instants as ISO text. */
export async function readResponseSeries(ctx: Ctx, monitorId: string, query: unknown = {}): Promise<ResponseSeries> {
  const { range } = parseInput(responseSeriesQuerySchema, query);
  const nowMs = ctx.clock.now();
  // One "now" for the whole read: responseTimeSeries picks raw results only for ranges inside the
  // last 24 hours, and a clock that moved on meanwhile would push "24h" just outside them.
  const frozen = { ...ctx, clock: { now: () => nowMs } };
  const s = await responseTimeSeries(frozen, monitorId, { fromMs: nowMs - SERIES_RANGES[range], toMs: nowMs });
  return {
    monitorId,
    range,
    from: new Date(s.fromMs).toISOString(),
    to: new Date(s.toMs).toISOString(),
    bucketS: s.bucketMs / 1000,
    source: s.source,
    points: s.points.map(({ atMs, ...rest }) => ({ at: new Date(atMs).toISOString(), ...rest })),
  };
}
