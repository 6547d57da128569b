import type { Clock } from '../clock.ts';

/** A cancellable wake-up. */
export type TimerHandle = { cancel(): void };

/**
 * What the engine needs from time: "now" (wall clock, epoch ms) and wake-ups. Injected so tests
 * can run hours of schedule in milliseconds with a manual timer.
 */
export type Timer = Clock & {
  setTimeout(fn: () => void, delayMs: number): TimerHandle;
};

/** Real time. Wake-ups keep the process alive (a worker has nothing else); stop() cancels them. */
export const systemTimer: Timer = {
  now: () => Date.now(),
  setTimeout(fn, delayMs) {
    const handle = setTimeout(fn, Math.max(0, delayMs));
    return { cancel: () => clearTimeout(handle) };
  },
};

type Pending = { atMs: number; seq: number; fn: () => void; cancelled: boolean };

export type ManualTimer = Timer & {
  /** Moves time forward, firing each wake-up at its own time, in order. */
  advance(ms: number): void;
  /** Like advance, but lets promises (I/O, DB writes) settle after every fired wake-up. */
  advanceAsync(ms: number, settle?: () => Promise<void>): Promise<void>;
  set(ms: number): void;
  readonly pendingCount: number;
};

/** A timer that moves only when told to; for tests and simulations. */
export function manualTimer(startMs: number): ManualTimer {
  let nowMs = startMs;
  let seq = 0;
  let pending: Pending[] = [];

  const takeNextDue = (untilMs: number): Pending | undefined => {
    let best: Pending | undefined;
    for (const p of pending) {
      if (p.cancelled || p.atMs > untilMs) continue;
      if (!best || p.atMs < best.atMs || (p.atMs === best.atMs && p.seq < best.seq)) best = p;
    }
    if (best) pending = pending.filter((p) => p !== best && !p.cancelled);
    return best;
  };

  const timer: ManualTimer = {
    now: () => nowMs,
    setTimeout(fn, delayMs) {
      const entry: Pending = { atMs: nowMs + Math.max(0, delayMs), seq: seq++, fn, cancelled: false };
      pending.push(entry);
      return { cancel: () => (entry.cancelled = true) };
    },
    advance(ms) {
      const untilMs = nowMs + ms;
      for (let next = takeNextDue(untilMs); next; next = takeNextDue(untilMs)) {
        nowMs = Math.max(nowMs, next.atMs);
        next.fn();
      }
      nowMs = untilMs;
    },
    async advanceAsync(ms, settle = flushPromises) {
      const untilMs = nowMs + ms;
      await settle();
      for (let next = takeNextDue(untilMs); next; next = takeNextDue(untilMs)) {
        nowMs = Math.max(nowMs, next.atMs);
        next.fn();
        await settle();
      }
      nowMs = untilMs;
    },
    set(ms) {
      nowMs = ms;
    },
    get pendingCount() {
      return pending.filter((p) => !p.cancelled).length;
    },
  };
  return timer;
}

/** Lets queued promise callbacks and one turn of I/O run. */
export async function flushPromises(): Promise<void> {
  await new Promise<void>((resolve) => setImmediate(resolve));
}
