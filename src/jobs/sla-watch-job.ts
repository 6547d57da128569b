import { hostname } from 'node:os';
import type { Ctx } from '../domain/context.ts';
import { type SlaWatchOutcome, watchSlaClocks } from '../domain/incidents/sla-watch.ts';
import { systemTimer, type Timer, type TimerHandle } from '../engine/timer.ts';
import { newId } from '../ids.ts';
import type { JobLogger } from './job-context.ts';
import { claimSlot, finishSlot, pruneSlots, releaseSlot, slotKey } from './job-slots.ts';

// The SLA watch runs once a minute: one slot per UTC minute ("sla-watch:2026-03-02T09:31Z"), so of
// several processes one does the work. What it queues is idempotent anyway (see sla-watch.ts); the
// slot only saves the others the computation. Slots older than a day are forgotten as it goes.

export const SLA_WATCH_JOB = 'sla-watch';
const MINUTE_MS = 60_000;
const KEEP_SLOTS_MS = 86_400_000;
/** A run takes well under a minute; a claim this old belongs to a runner that died. */
const LEASE_MS = 5 * MINUTE_MS;

export const minuteLabel = (ms: number) =>
  `${new Date(Math.floor(ms / MINUTE_MS) * MINUTE_MS).toISOString().slice(0, 16)}Z`;

export type SlaWatchOptions = {
  ctx: Ctx;
  logger: JobLogger;
  timer?: Pick<Timer, 'setTimeout'>;
  tickMs?: number;
  runnerId?: string;
};

/** One run for the current minute; null when another runner has (or had) the slot. */
export async function runSlaWatchOnce(o: SlaWatchOptions & { runnerId: string }): Promise<SlaWatchOutcome | null> {
  const { db, clock } = o.ctx;
  const key = slotKey(SLA_WATCH_JOB, minuteLabel(clock.now()));
  if (!(await claimSlot(db, key, o.runnerId, clock.now(), LEASE_MS))) return null;
  try {
    const outcome = await watchSlaClocks(o.ctx);
    await finishSlot(db, key, o.runnerId, clock.now());
    await pruneSlots(db, SLA_WATCH_JOB, minuteLabel(clock.now() - KEEP_SLOTS_MS));
    if (outcome.warnings + outcome.breaches > 0) o.logger.info({ slot: key, ...outcome }, 'SLA clocks crossed');
    return outcome;
  } catch (err) {
    o.logger.error({ err, slot: key }, 'SLA watch failed; retrying at the next tick');
    await releaseSlot(db, key, o.runnerId).catch(() => {});
    return null;
  }
}

/** Runs the watch now and then every tickMs (a minute) until stopped. */
export function startSlaWatch(o: SlaWatchOptions): { stop(): Promise<void> } {
  const timer = o.timer ?? systemTimer;
  const runnerId = o.runnerId ?? `${hostname()}:${process.pid}:${newId('run')}`;
  let stopped = false;
  let pending: TimerHandle | null = null;
  let inFlight: Promise<unknown> | null = null;
  const tick = () => {
    pending = null;
    inFlight = runSlaWatchOnce({ ...o, runnerId }).finally(() => {
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

/** The periodic jobs with the SLA watch beside them, stopped together (main.ts registers both at once). */
export function withSlaWatch(jobs: { stop(): Promise<void> }, o: SlaWatchOptions): { stop(): Promise<void> } {
  const watch = startSlaWatch(o);
  return { stop: async () => void (await Promise.all([jobs.stop(), watch.stop()])) };
}
