// Rollup periods are UTC hours and UTC days. Client-zone days and months (reports) are assembled
// from hours, which is why hour rollups are kept as long as day rollups: a zone with a non-whole
// hour offset (e.g. +05:30) is the one case an hour rollup cannot split.

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

export const floorHour = (ms: number) => Math.floor(ms / HOUR_MS) * HOUR_MS;
export const ceilHour = (ms: number) => Math.ceil(ms / HOUR_MS) * HOUR_MS;
export const floorDay = (ms: number) => Math.floor(ms / DAY_MS) * DAY_MS;

/** "2026-03-02T09:00Z": fixed width, so text order is time order (used in job slot keys). */
export function hourLabel(hourStartMs: number): string {
  return `${new Date(hourStartMs).toISOString().slice(0, 13)}:00Z`;
}

/** "2026-03-02". */
export function dayLabel(dayStartMs: number): string {
  return new Date(dayStartMs).toISOString().slice(0, 10);
}

/** Parses hourLabel/dayLabel back to epoch ms; NaN for anything else. */
export function parseLabel(label: string): number {
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:00Z$/.test(label)) return Date.parse(label.replace(':00Z', ':00:00Z'));
  if (/^\d{4}-\d{2}-\d{2}$/.test(label)) return Date.parse(`${label}T00:00:00Z`);
  return Number.NaN;
}

/** Hour starts h with fromMs ≤ h < toMs (both expected on hour boundaries). */
export function hoursIn(fromMs: number, toMs: number): number[] {
  const out: number[] = [];
  for (let h = ceilHour(fromMs); h < toMs; h += HOUR_MS) out.push(h);
  return out;
}

export type Span = { startMs: number; endMs: number };

/**
 * The hours a monitor has rollups for: from the start of the hour it was created in, to the end
 * of the hour it was archived in. Uptime is measured over this span only, from rollups and raw data alike.
 */
export function monitoredSpan(m: { created_at: number; archived_at: number | null }): Span {
  return {
    startMs: floorHour(m.created_at),
    endMs: m.archived_at === null ? Number.POSITIVE_INFINITY : ceilHour(m.archived_at),
  };
}

export function intersect(a: Span, b: Span): Span | null {
  const startMs = Math.max(a.startMs, b.startMs);
  const endMs = Math.min(a.endMs, b.endMs);
  return startMs < endMs ? { startMs, endMs } : null;
}
