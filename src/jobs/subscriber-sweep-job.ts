import { hostname } from 'node:os';
import type { Ctx } from '../domain/context.ts';
import { type NotifyOptions, type NotifyOutcome, notifySubscribers } from '../domain/statuspage/notify-subscribers.ts';
import { systemTimer, type Timer, type TimerHandle } from '../engine/timer.ts';
import { newId } from '../ids.ts';
import type { JobLogger } from './job-context.ts';
import { claimSlot, finishSlot, pruneSlots, releaseSlot, slotKey } from './job-slots.ts';
import { minuteLabel } from './sla-watch-job.ts';

// Status page subscribers are mailed by a sweep once a minute rather than from the code paths that
// open incidents, post updates or create windows: those live in several processes (engine, API,
// console), and a sweep over recent rows also catches what a crash would have dropped. The minute
// slot spares other runners the work; subscriber_notifications is what guarantees one mail.

export const SUBSCRIBER_SWEEP_JOB = 'subscriber-sweep';
const MINUTE_MS = 60_000;
const KEEP_SLOTS_MS = 86_400_000;
const LEASE_MS = 5 * MINUTE_MS;

export type SubscriberSweepOptions = NotifyOptions & {
  ctx: Ctx;
  logger: JobLogger;
  timer?: Pick<Timer, 'setTimeout'>;
  tickMs?: number;
  runnerId?: string;
};

/** One sweep for the current minute; null when another runner has (or had) the slot. */
export async function runSubscriberSweepOnce(
  o: SubscriberSweepOptions & { runnerId: string },
): Promise<NotifyOutcome | null> {
  const { db, clock } = o.ctx;
  const key = slotKey(SUBSCRIBER_SWEEP_JOB, minuteLabel(clock.now()));
  if (!(await claimSlot(db, key, o.runnerId, clock.now(), LEASE_MS))) return null;
  try {
    const outcome = await notifySubscribers(o.ctx, { send: o.send, publicUrl: o.publicUrl, logger: o.logger });
    await finishSlot(db, key, o.runnerId, clock.now());
    await pruneSlots(db, SUBSCRIBER_SWEEP_JOB, minuteLabel(clock.now() - KEEP_SLOTS_MS));
    if (outcome.sent + outcome.failed > 0) o.logger.info({ slot: key, ...outcome }, 'status page subscribers notified');
    return outcome;
  } catch (err) {
    o.logger.error({ err, slot: key }, 'subscriber sweep failed; retrying at the next tick');
    await releaseSlot(db, key, o.runnerId).catch(() => {});
    return null;
  }
}

/** Sweeps now and then every tickMs (a minute) until stopped. */
export function startSubscriberSweep(o: SubscriberSweepOptions): { stop(): Promise<void> } {
  const timer = o.timer ?? systemTimer;
  const runnerId = o.runnerId ?? `${hostname()}:${process.pid}:${newId('run')}`;
  let stopped = false;
  let pending: TimerHandle | null = null;
  let inFlight: Promise<unknown> | null = null;
  const tick = () => {
    pending = null;
    inFlight = runSubscriberSweepOnce({ ...o, runnerId }).finally(() => {
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

/** The periodic jobs with the subscriber sweep beside them, stopped together. */
export function withSubscriberSweep(
  jobs: { stop(): Promise<void> },
  o: SubscriberSweepOptions,
): { stop(): Promise<void> } {
  const sweep = startSubscriberSweep(o);
  return { stop: async () => void (await Promise.all([jobs.stop(), sweep.stop()])) };
}
