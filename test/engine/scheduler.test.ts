import { describe, expect, it } from 'vitest';
import { nextDueAt, phaseMs } from '../../src/domain/monitoring/schedule.ts';
import { type SchedulableItem, Scheduler } from '../../src/engine/scheduler.ts';
import { manualTimer, type Timer } from '../../src/engine/timer.ts';
import { newId } from '../../src/ids.ts';

type Item = SchedulableItem & { id: string };

const START_MS = Date.UTC(2026, 2, 2, 9, 0, 0);

function items(count: number, intervalMs: number): Item[] {
  return Array.from({ length: count }, () => {
    const id = newId('mon');
    return { id, intervalMs, phaseMs: phaseMs(id, intervalMs), dueMs: 0, heapIndex: -1 };
  });
}

/** A timer whose wake-ups come `lateMs` late, like an event loop that is busy. */
function lateTimer(base: ReturnType<typeof manualTimer>, lateMs: number): Timer {
  return { now: base.now, setTimeout: (fn, delayMs) => base.setTimeout(fn, delayMs + lateMs) };
}

describe('scheduler (injected clock)', () => {
  it('spreads 10 000 monitors at 30 s evenly over the interval: no thundering herd', () => {
    const timer = manualTimer(START_MS);
    const perSecond = new Array<number>(30).fill(0);
    const scheduler = new Scheduler<Item>(timer, (_item, dueMs) => {
      perSecond[Math.floor(((dueMs - START_MS) % 30_000) / 1000)]! += 1;
    });
    for (const item of items(10_000, 30_000)) scheduler.scheduleNext(item, START_MS);
    scheduler.start();
    timer.advance(30_000);
    expect(perSecond.reduce((a, b) => a + b)).toBe(10_000);
    // 333 per second on average; a uniform spread keeps every second within ±20 %.
    for (const count of perSecond) expect(Math.abs(count - 10_000 / 30)).toBeLessThan(67);
  });

  it('runs every slot exactly on the grid for 12 simulated hours, also when every wake-up is late', () => {
    for (const lateMs of [0, 700]) {
      const base = manualTimer(START_MS);
      const fired = new Map<string, number[]>();
      let maxLateMs = 0;
      const scheduler = new Scheduler<Item>(lateTimer(base, lateMs), (item, dueMs) => {
        maxLateMs = Math.max(maxLateMs, base.now() - dueMs);
        const slots = fired.get(item.id);
        if (slots) slots.push(dueMs);
        else fired.set(item.id, [dueMs]);
      });
      const all = [...items(50, 60_000), ...items(50, 30_000), ...items(20, 180_000)];
      for (const item of all) scheduler.scheduleNext(item, START_MS);
      scheduler.start();
      const hours = 12;
      for (let step = 0; step < hours * 60; step++) base.advance(60_000); // one minute at a time
      for (const item of all) {
        const slots = fired.get(item.id) ?? [];
        // From the first slot after the start to the end (a slot due within `lateMs` of the end may
        // still be waiting for its late wake-up), every slot once.
        expect(slots[0]).toBe(nextDueAt(START_MS, item.intervalMs, item.phaseMs));
        expect(slots.at(-1)! + item.intervalMs).toBeGreaterThan(START_MS + hours * 3_600_000 - lateMs);
        expect(slots.at(-1)!).toBeLessThanOrEqual(START_MS + hours * 3_600_000);
        // On the grid from the epoch (no drift) and exactly one interval apart (none lost or doubled).
        const offGrid = slots.filter((dueMs) => (dueMs - item.phaseMs) % item.intervalMs !== 0);
        const badGaps = slots.filter((dueMs, k) => k > 0 && dueMs - slots[k - 1]! !== item.intervalMs);
        expect({ offGrid, badGaps }).toEqual({ offGrid: [], badGaps: [] });
      }
      expect(scheduler.stats().skippedSlots).toBe(0);
      expect(maxLateMs).toBe(lateMs);
    }
  });

  it('skips (and counts) slots missed by more than a whole interval instead of firing a burst', () => {
    const base = manualTimer(START_MS);
    const fired: number[] = [];
    const [item] = items(1, 10_000) as [Item];
    const scheduler = new Scheduler<Item>(lateTimer(base, 35_000), (_i, dueMs) => fired.push(dueMs));
    scheduler.scheduleNext(item, START_MS);
    scheduler.start();
    base.advance(100_000);
    expect(fired.length).toBeLessThanOrEqual(3);
    expect(scheduler.stats().skippedSlots).toBeGreaterThan(0);
    for (const dueMs of fired) expect((dueMs - item.phaseMs) % 10_000).toBe(0);
  });

  it('moves and removes monitors: a new interval takes effect at its next slot, a removed one never fires', () => {
    const timer = manualTimer(START_MS);
    const fired: string[] = [];
    const scheduler = new Scheduler<Item>(timer, (item) => fired.push(item.id));
    const [a, b] = items(2, 60_000) as [Item, Item];
    scheduler.scheduleNext(a, START_MS);
    scheduler.scheduleNext(b, START_MS);
    scheduler.start();
    timer.advance(60_000);
    expect(fired.sort()).toEqual([a.id, b.id].sort());
    scheduler.remove(b);
    a.intervalMs = 30_000;
    a.phaseMs = phaseMs(a.id, 30_000);
    scheduler.scheduleNext(a, timer.now());
    fired.length = 0;
    timer.advance(120_000);
    expect(fired).toEqual([a.id, a.id, a.id, a.id]);
    expect(scheduler.stats().scheduled).toBe(1);
  });
});
