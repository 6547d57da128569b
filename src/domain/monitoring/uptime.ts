import { mergeIntervals } from './maintenance-intervals.ts';

type Span = { startMs: number; endMs: number };

function clip(spans: Span[], fromMs: number, toMs: number): Span[] {
  return spans
    .map((s) => ({ startMs: Math.max(s.startMs, fromMs), endMs: Math.min(s.endMs, toMs) }))
    .filter((s) => s.startMs < s.endMs);
}

function totalMs(spans: Span[]): number {
  return spans.reduce((sum, s) => sum + (s.endMs - s.startMs), 0);
}

/** Length of the parts of `a` that are not covered by `b` (both already merged). */
function subtractMs(a: Span[], b: Span[]): number {
  let remaining = 0;
  for (const s of a) {
    let cursor = s.startMs;
    for (const x of b) {
      if (x.endMs <= cursor || x.startMs >= s.endMs) continue;
      if (x.startMs > cursor) remaining += x.startMs - cursor;
      cursor = Math.max(cursor, x.endMs);
    }
    if (cursor < s.endMs) remaining += s.endMs - cursor;
  }
  return remaining;
}

export type UptimeFigures = {
  windowMs: number;
  downtimeMs: number;
  excludedMs: number;
  /** null when the whole window was excluded (nothing to measure). */
  uptimeRatio: number | null;
};

/**
 * Uptime per domain.md: (window − downtime − excluded) / (window − excluded), where downtime is
 * the union of incident intervals (open ones run to the end of the window) outside maintenance.
 */
export function computeUptime(
  fromMs: number,
  toMs: number,
  incidents: Array<{ startedAt: number; resolvedAt: number | null }>,
  maintenance: Span[],
): UptimeFigures {
  const windowMs = Math.max(0, toMs - fromMs);
  const excluded = mergeIntervals(clip(maintenance, fromMs, toMs));
  const down = mergeIntervals(
    clip(
      incidents.map((i) => ({ startMs: i.startedAt, endMs: i.resolvedAt ?? toMs })),
      fromMs,
      toMs,
    ),
  );
  const excludedMs = totalMs(excluded);
  const downtimeMs = subtractMs(down, excluded);
  const measuredMs = windowMs - excludedMs;
  return {
    windowMs,
    downtimeMs,
    excludedMs,
    uptimeRatio: measuredMs > 0 ? (measuredMs - downtimeMs) / measuredMs : null,
  };
}
