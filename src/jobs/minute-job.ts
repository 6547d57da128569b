import { hostname } from 'node:os';
import type { Ctx } from '../domain/context.ts';
import { systemTimer, type Timer, type TimerHandle } from '../engine/timer.ts';
import { newId } from '../ids.ts';
import type { JobLogger } from './job-context.ts';
import { claimSlot, finishSlot, pruneSlots, releaseSlot, slotKey } from './job-slots.ts';

// Work that runs once a minute across processes: one slot per UTC minute ("<job>:2026-03-02T09:31Z"),
// so of several processes one does the work; slots older than a day are forgotten as it goes.

const MINUTE_MS = 60_000;
const KEEP_SLOTS_MS = 86_400_000;
/** A run takes well under a minute; a claim this old belongs to a runner that died. */
const LEASE_MS = 5 * MINUTE_MS;

export const minuteLabel = (ms: number) =>
  `${new Date(Math.floor(ms / MINUTE_MS) * MINUTE_MS).toISOString().slice(0, 16)}Z`;

export type MinuteJobOptions = {
  ctx: Ctx;
  logger: JobLogger;
  timer?: Pick<Timer, 'setTimeout'>;
  tickMs?: number;
  runnerId?: string;
};

/** Runs `work` for the current minute's slot; null when another runner has (or had) the slot or it failed. */
export async function runMinuteSlot<T>(
  o: { ctx: Ctx; logger: JobLogger; runnerId: string; job: string },
  work: () => Promise<T>,
): Promise<T | null> {
  const { db, clock } = o.ctx;
  const key = slotKey(o.job, minuteLabel(clock.now()));
  if (!(await claimSlot(db, key, o.runnerId, clock.now(), LEASE_MS))) return null;
  try {
    const outcome = await work();
    await finishSlot(db, key, o.runnerId, clock.now());
    await pruneSlots(db, o.job, minuteLabel(clock.now() - KEEP_SLOTS_MS));
    return outcome;
  } catch (err) {
    o.logger.error({ err, slot: key }, `${o.job} failed; retrying at the next tick`);
    await releaseSlot(db, key, o.runnerId).catch(() => {});
    return null;
  }
}

/** Calls `runOnce` now and then every tickMs (a minute) until stopped; a stop waits for a run in flight. */
export function startMinuteJob(
  o: Omit<MinuteJobOptions, 'ctx' | 'logger'>,
  runOnce: (runnerId: string) => Promise<unknown>,
): { stop(): Promise<void> } {
  const timer = o.timer ?? systemTimer;
  const runnerId = o.runnerId ?? `${hostname()}:${process.pid}:${newId('run')}`;
  let stopped = false;
  let pending: TimerHandle | null = null;
  let inFlight: Promise<unknown> | null = null;
  const tick = () => {
    pending = null;
    inFlight = runOnce(runnerId).finally(() => {
      inFlight = null;
      if (!stopped) pending = timer.setTimeout(tick, o.tickMs ?? MINUTE_MS);
    });
  };
  pending = timer.setTimeout(tick, 0);
  return {
    async stop() {
      stopped = true;
      pending?.cancel();
      await inFlight;
    },
  };
}

/** Two running things stopped together. */
export function stoppedTogether(a: { stop(): Promise<void> }, b: { stop(): Promise<void> }): { stop(): Promise<void> } {
  return { stop: async () => void (await Promise.all([a.stop(), b.stop()])) };
}
