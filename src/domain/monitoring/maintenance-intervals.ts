import { DateTime } from 'luxon';

export type WindowRule =
  | { id: string; kind: 'once'; startsAt: number; endsAt: number }
  | {
      id: string;
      kind: 'weekly';
      /** ISO weekdays, 1 = Monday … 7 = Sunday, in timeZone. */
      weekdays: number[];
      /** 'HH:MM' local time. */
      startLocal: string;
      durationMin: number;
      timeZone: string;
    };

export type Interval = { windowId: string; startMs: number; endMs: number };

/**
 * Concrete maintenance intervals overlapping [fromMs, toMs), clipped to it. Weekly windows are
 * placed in the client's zone: 02:00 local stays 02:00 across DST; a start inside a skipped hour
 * moves to the first valid instant after it.
 */
export function maintenanceIntervals(rules: WindowRule[], fromMs: number, toMs: number): Interval[] {
  const out: Interval[] = [];
  for (const rule of rules) {
    if (rule.kind === 'once') {
      const startMs = Math.max(rule.startsAt, fromMs);
      const endMs = Math.min(rule.endsAt, toMs);
      if (startMs < endMs) out.push({ windowId: rule.id, startMs, endMs });
      continue;
    }
    const [hour, minute] = rule.startLocal.split(':').map(Number) as [number, number];
    const durationMs = rule.durationMin * 60_000;
    // Start one day early so a window that began yesterday and runs into the range is found.
    let day = DateTime.fromMillis(fromMs - durationMs, { zone: rule.timeZone }).startOf('day');
    const lastDay = DateTime.fromMillis(toMs, { zone: rule.timeZone }).startOf('day');
    while (day <= lastDay) {
      if (rule.weekdays.includes(day.weekday)) {
        const start = day.set({ hour, minute, second: 0, millisecond: 0 }).toMillis();
        const startMs = Math.max(start, fromMs);
        const endMs = Math.min(start + durationMs, toMs);
        if (startMs < endMs) out.push({ windowId: rule.id, startMs, endMs });
      }
      day = day.plus({ days: 1 });
    }
  }
  return out.sort((a, b) => a.startMs - b.startMs);
}

/** The union of intervals, merged where they overlap or touch. */
export function mergeIntervals(intervals: Array<{ startMs: number; endMs: number }>) {
  const sorted = [...intervals].sort((a, b) => a.startMs - b.startMs);
  const merged: Array<{ startMs: number; endMs: number }> = [];
  for (const i of sorted) {
    const last = merged[merged.length - 1];
    if (last && i.startMs <= last.endMs) last.endMs = Math.max(last.endMs, i.endMs);
    else merged.push({ startMs: i.startMs, endMs: i.endMs });
  }
  return merged;
}

export function isInMaintenance(rules: WindowRule[], atMs: number): boolean {
  return maintenanceIntervals(rules, atMs, atMs + 1).length > 0;
}
