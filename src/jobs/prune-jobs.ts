import { pruneRawResults, pruneRollups, rawCutoffMs, rollupCutoffMs } from '../domain/monitoring/retention.ts';
import { ROLLUP_DAY_JOB, ROLLUP_HOUR_JOB } from '../domain/monitoring/rollups-ledger.ts';
import { dayLabel, floorDay, hourLabel } from '../domain/monitoring/rollups-time.ts';
import { type JobContext, runSlot } from './job-context.ts';
import { pruneSlots, slotKey } from './job-slots.ts';

export const PRUNE_RAW_JOB = 'prune-raw';
export const PRUNE_ROLLUPS_JOB = 'prune-rollups';

/**
 * Once per UTC day: raw results older than rawRetentionDays, and rollups (with their job slots)
 * older than rollupRetentionDays. Raw rows of an hour not rolled up yet are never deleted:
 * `keepFromMs` (the oldest pending hour) holds the cutoff back.
 */
export async function runPruneJobs(jc: JobContext, keepFromMs: number | null): Promise<string[]> {
  const ran: string[] = [];
  const nowMs = jc.clock.now();
  const today = dayLabel(floorDay(nowMs));

  const rawKey = slotKey(PRUNE_RAW_JOB, today);
  const rawCutoff = Math.min(rawCutoffMs(nowMs, jc.retention.rawRetentionDays), keepFromMs ?? Number.POSITIVE_INFINITY);
  const rawOutcome = await runSlot(jc, rawKey, async (renew) => {
    const batches = betweenBatches(jc, renew);
    const deleted = await pruneRawResults(jc.db, rawCutoff, { batchSize: jc.batchSize, between: batches.between });
    jc.logger.info({ slot: rawKey, cutoff: new Date(rawCutoff).toISOString(), deleted }, 'pruned raw check results');
    return !batches.stopped;
  });
  if (rawOutcome === 'done') ran.push(rawKey);
  if (jc.isStopping()) return ran;

  const rollupKey = slotKey(PRUNE_ROLLUPS_JOB, today);
  const rollupCutoff = rollupCutoffMs(nowMs, jc.retention.rollupRetentionDays);
  const rollupOutcome = await runSlot(jc, rollupKey, async (renew) => {
    const batches = betweenBatches(jc, renew);
    const deleted = await pruneRollups(jc.db, rollupCutoff, { batchSize: jc.batchSize, between: batches.between });
    if (batches.stopped) return false;
    // Slots of periods past retention would never run again; keep the ledger as long as the rollups.
    await pruneSlots(jc.db, ROLLUP_HOUR_JOB, hourLabel(rollupCutoff));
    await pruneSlots(jc.db, ROLLUP_DAY_JOB, dayLabel(rollupCutoff));
    await pruneSlots(jc.db, PRUNE_RAW_JOB, dayLabel(rollupCutoff));
    await pruneSlots(jc.db, PRUNE_ROLLUPS_JOB, dayLabel(rollupCutoff));
    jc.logger.info({ slot: rollupKey, cutoff: new Date(rollupCutoff).toISOString(), deleted }, 'pruned rollups');
    return true;
  });
  if (rollupOutcome === 'done') ran.push(rollupKey);
  return ran;
}

/** Between two DELETE batches: stop on shutdown, else renew the claim and pause briefly. */
function betweenBatches(jc: JobContext, renew: () => Promise<void>) {
  const state = {
    stopped: false,
    between: async () => {
      if (jc.isStopping()) {
        state.stopped = true;
        return false;
      }
      await renew();
      await jc.pause();
      return true;
    },
  };
  return state;
}
