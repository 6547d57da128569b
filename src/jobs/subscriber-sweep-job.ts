import { type NotifyOptions, type NotifyOutcome, notifySubscribers } from '../domain/statuspage/notify-subscribers.ts';
import { type MinuteJobOptions, runMinuteSlot, startMinuteJob, stoppedTogether } from './minute-job.ts';

// Status page subscribers are mailed by a sweep once a minute rather than from the code paths that
// open incidents, post updates or create windows: those live in several processes (engine, API,
// console), and a sweep over recent rows also catches what a crash would have dropped. The minute
// slot spares other runners the work; subscriber_notifications is what guarantees one mail.

export const SUBSCRIBER_SWEEP_JOB = 'subscriber-sweep';

export type SubscriberSweepOptions = NotifyOptions & MinuteJobOptions;

/** One sweep for the current minute; null when another runner has (or had) the slot. */
export async function runSubscriberSweepOnce(
  o: SubscriberSweepOptions & { runnerId: string },
): Promise<NotifyOutcome | null> {
  const outcome = await runMinuteSlot({ ...o, job: SUBSCRIBER_SWEEP_JOB }, () =>
    notifySubscribers(o.ctx, { send: o.send, publicUrl: o.publicUrl, logger: o.logger }),
  );
  if (outcome && outcome.sent + outcome.failed > 0) o.logger.info({ ...outcome }, 'status page subscribers notified');
  return outcome;
}

/** Sweeps now and then every tickMs (a minute) until stopped. */
export function startSubscriberSweep(o: SubscriberSweepOptions): { stop(): Promise<void> } {
  return startMinuteJob(o, (runnerId) => runSubscriberSweepOnce({ ...o, runnerId }));
}

/** The periodic jobs with the subscriber sweep beside them, stopped together. */
export function withSubscriberSweep(
  jobs: { stop(): Promise<void> },
  o: SubscriberSweepOptions,
): { stop(): Promise<void> } {
  return stoppedTogether(jobs, startSubscriberSweep(o));
}
