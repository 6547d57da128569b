import { ceilHour, DAY_MS, floorHour, HOUR_MS, type Span } from './rollups-time.ts';

/** A window cut into what day rollups, hour rollups and raw data answer; disjoint, covering it. */
export type Segments = { days: Span[]; hours: Span[]; raw: Span[] };

/**
 * Whole UTC days that are rolled up come from day rollups, other whole hours that are rolled up
 * from hour rollups, and the rest (partial hours at the edges, hours not rolled up yet) from raw
 * results and incidents. Adjacent pieces are merged, so each list stays short.
 */
export function segmentWindow(fromMs: number, toMs: number, rolledHours: Set<number>, rolledDays: Set<number>) {
  const seg: Segments = { days: [], hours: [], raw: [] };
  if (toMs <= fromMs) return seg;
  const firstHour = ceilHour(fromMs);
  const endHour = floorHour(toMs);
  if (firstHour >= endHour) {
    push(seg.raw, fromMs, toMs);
    return seg;
  }
  push(seg.raw, fromMs, firstHour);
  for (let h = firstHour; h < endHour; ) {
    if (h % DAY_MS === 0 && h + DAY_MS <= endHour && rolledDays.has(h)) {
      push(seg.days, h, h + DAY_MS);
      h += DAY_MS;
      continue;
    }
    push(rolledHours.has(h) ? seg.hours : seg.raw, h, h + HOUR_MS);
    h += HOUR_MS;
  }
  push(seg.raw, endHour, toMs);
  return seg;
}

function push(list: Span[], startMs: number, endMs: number) {
  if (startMs >= endMs) return;
  const last = list[list.length - 1];
  if (last && last.endMs === startMs) last.endMs = endMs;
  else list.push({ startMs, endMs });
}

/** Total length of the parts of `spans` inside `within`. */
export function overlapMs(spans: Span[], within: Span): number {
  let total = 0;
  for (const s of spans) total += Math.max(0, Math.min(s.endMs, within.endMs) - Math.max(s.startMs, within.startMs));
  return total;
}
