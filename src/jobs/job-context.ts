import type { Logger } from 'pino';
import type { Clock } from '../clock.ts';
import type { Config } from '../config.ts';
import type { Db } from '../storage/schema.ts';
import { claimSlot, finishSlot, releaseSlot, renewSlot } from './job-slots.ts';

export type JobLogger = Pick<Logger, 'info' | 'warn' | 'error' | 'debug'>;

/** What every periodic maintenance job gets. */
export type JobContext = {
  db: Db;
  clock: Clock;
  retention: Pick<Config, 'rawRetentionDays' | 'rollupRetentionDays'>;
  /** Unique per process: who holds a slot. */
  runnerId: string;
  logger: JobLogger;
  /** An hour is rolled up this long after it ended, so checks still in flight at its end are written. */
  settleMs: number;
  /** An unfinished claim older than this (not renewed) is taken over: its runner died. */
  leaseMs: number;
  /** Rows per DELETE when pruning. */
  batchSize: number;
  /** A short pause between batches, so the check writer is never held up for long. */
  pause(): Promise<void>;
  isStopping(): boolean;
};

export type SlotOutcome = 'done' | 'taken' | 'failed' | 'incomplete';

/**
 * Runs fn under a claimed slot: at most one runner at a time, once when it completes. fn returns
 * false when it stopped early (shutdown); the claim is then released, like after a failure, so the
 * next tick of any runner picks the slot up again.
 */
export async function runSlot(
  jc: JobContext,
  key: string,
  fn: (renew: () => Promise<void>) => Promise<boolean>,
): Promise<SlotOutcome> {
  if (!(await claimSlot(jc.db, key, jc.runnerId, jc.clock.now(), jc.leaseMs))) return 'taken';
  const startedAt = jc.clock.now();
  try {
    const complete = await fn(() => renewSlot(jc.db, key, jc.runnerId, jc.clock.now()));
    if (!complete) {
      await releaseSlot(jc.db, key, jc.runnerId);
      return 'incomplete';
    }
    await finishSlot(jc.db, key, jc.runnerId, jc.clock.now());
    jc.logger.debug({ slot: key, ms: jc.clock.now() - startedAt }, 'job done');
    return 'done';
  } catch (err) {
    jc.logger.error({ err, slot: key }, 'job failed; it will be retried');
    await releaseSlot(jc.db, key, jc.runnerId).catch(() => {});
    return 'failed';
  }
}
