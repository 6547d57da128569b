import { nextDueAt } from '../domain/monitoring/schedule.ts';
import { DueHeap, type HeapItem } from './due-heap.ts';
import type { Timer, TimerHandle } from './timer.ts';

export type SchedulableItem = HeapItem & {
  /** > 0: repeats on the drift-free grid (phase + k × interval); 0: due only when set explicitly. */
  intervalMs: number;
  phaseMs: number;
};

export type SchedulerStats = { scheduled: number; fired: number; skippedSlots: number };

/**
 * Wakes once for the earliest due item (one timer in total, not one per monitor) and hands every
 * item that is due to `onDue`. Repeating items go back on the grid computed from the epoch, so
 * lateness never accumulates; a slot more than a whole interval late is skipped and counted.
 */
export class Scheduler<T extends SchedulableItem> {
  private readonly heap = new DueHeap<T>();
  private wake: TimerHandle | null = null;
  private wakeAtMs = Number.POSITIVE_INFINITY;
  private running = false;
  private firing = false;
  private fired = 0;
  private skippedSlots = 0;

  constructor(
    private readonly timer: Timer,
    private readonly onDue: (item: T, dueMs: number) => void,
  ) {}

  start(): void {
    this.running = true;
    this.arm();
  }

  stop(): void {
    this.running = false;
    this.wake?.cancel();
    this.wake = null;
    this.wakeAtMs = Number.POSITIVE_INFINITY;
  }

  /** Puts a repeating item at its next grid slot after now (or `afterMs`). */
  scheduleNext(item: T, afterMs = this.timer.now() - 1): void {
    this.setDue(item, nextDueAt(afterMs, item.intervalMs, item.phaseMs));
  }

  setDue(item: T, dueMs: number): void {
    this.heap.reschedule(item, dueMs);
    if (dueMs < this.wakeAtMs && !this.firing) this.arm();
  }

  remove(item: T): void {
    this.heap.remove(item);
  }

  stats(): SchedulerStats {
    return { scheduled: this.heap.size, fired: this.fired, skippedSlots: this.skippedSlots };
  }

  private arm(): void {
    if (!this.running) return;
    const next = this.heap.peek();
    this.wake?.cancel();
    this.wake = null;
    this.wakeAtMs = next ? next.dueMs : Number.POSITIVE_INFINITY;
    if (!next) return;
    this.wake = this.timer.setTimeout(() => this.fire(), next.dueMs - this.timer.now());
  }

  private fire(): void {
    this.wake = null;
    this.wakeAtMs = Number.POSITIVE_INFINITY;
    const nowMs = this.timer.now();
    this.firing = true;
    for (let item = this.heap.peek(); item && item.dueMs <= nowMs && this.running; item = this.heap.peek()) {
      const dueMs = item.dueMs;
      if (item.intervalMs > 0) {
        const nextMs = nextDueAt(Math.max(dueMs, nowMs), item.intervalMs, item.phaseMs);
        this.skippedSlots += Math.max(0, Math.round((nextMs - dueMs) / item.intervalMs) - 1);
        this.heap.reschedule(item, nextMs);
      } else {
        this.heap.remove(item);
      }
      this.fired += 1;
      try {
        this.onDue(item, dueMs);
      } catch {
        // onDue reports its own errors; one bad monitor must not stop the others.
      }
    }
    this.firing = false;
    this.arm();
  }
}
