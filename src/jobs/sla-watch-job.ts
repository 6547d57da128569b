import { type SlaWatchOutcome, watchSlaClocks } from '../domain/incidents/sla-watch.ts';
import { type MinuteJobOptions, runMinuteSlot, startMinuteJob, stoppedTogether } from './minute-job.ts';

// The SLA watch runs once a minute in one process. What it queues is idempotent anyway (see
// sla-watch.ts); the minute slot only saves the others the computation.

export const SLA_WATCH_JOB = 'sla-watch';
export { minuteLabel } from './minute-job.ts';
export type SlaWatchOptions = MinuteJobOptions;

/** One run for the current minute; null when another runner has (or had) the slot. */
export async function runSlaWatchOnce(o: SlaWatchOptions & { runnerId: string }): Promise<SlaWatchOutcome | null> {
  const outcome = await runMinuteSlot({ ...o, job: SLA_WATCH_JOB }, () => watchSlaClocks(o.ctx));
  if (outcome && outcome.warnings + outcome.breaches > 0) o.logger.info({ ...outcome }, 'SLA clocks crossed');
  return outcome;
}

/** Runs the watch now and then every tickMs (a minute) until stopped. */
export function startSlaWatch(o: SlaWatchOptions): { stop(): Promise<void> } {
  return startMinuteJob(o, (runnerId) => runSlaWatchOnce({ ...o, runnerId }));
}

/** The periodic jobs with the SLA watch beside them, stopped together (main.ts registers both at once). */
export function withSlaWatch(jobs: { stop(): Promise<void> }, o: SlaWatchOptions): { stop(): Promise<void> } {
  return stoppedTogether(jobs, startSlaWatch(o));
}
