import type { Executor } from '../../storage/schema.ts';
import { DAY_MS, floorDay } from './rollups-time.ts';

export type PruneOptions = {
  /** Rows per DELETE statement: small, so the check writer waits at most one short statement. */
  batchSize?: number;
  /** Awaited between statements (a short pause); returning false stops early. */
  between?: () => Promise<unknown>;
};

const DEFAULT_BATCH = 2000;

/**
 * Raw results are kept for rawRetentionDays whole UTC days before the day of `nowMs`:
 * with 90 days, on 2026-06-01 everything that started before 2026-03-03T00:00Z goes.
 */
export const rawCutoffMs = (nowMs: number, rawRetentionDays: number) => floorDay(nowMs) - rawRetentionDays * DAY_MS;
export const rollupCutoffMs = (nowMs: number, rollupRetentionDays: number) =>
  floorDay(nowMs) - rollupRetentionDays * DAY_MS;

/**
 * Deletes raw check results that started before cutoffMs, oldest first, batchSize rows per
 * statement. A keyed subquery rather than DELETE … LIMIT, which PostgreSQL does not have.
 * Returns the number of rows deleted.
 */
export async function pruneRawResults(db: Executor, cutoffMs: number, options: PruneOptions = {}): Promise<number> {
  const batchSize = options.batchSize ?? DEFAULT_BATCH;
  return deleteInBatches(options, async () => {
    const res = await db
      .deleteFrom('check_results')
      .where(({ eb, refTuple, selectFrom }) =>
        eb(
          refTuple('monitor_id', 'started_at', 'location'),
          'in',
          selectFrom('check_results')
            .select(['monitor_id', 'started_at', 'location'])
            .where('started_at', '<', cutoffMs)
            .orderBy('started_at')
            .limit(batchSize)
            .$asTuple('monitor_id', 'started_at', 'location'),
        ),
      )
      .executeTakeFirst();
    return { deleted: Number(res.numDeletedRows), full: Number(res.numDeletedRows) >= batchSize };
  });
}

/** Deletes hour and day rollups of periods that started before cutoffMs, in batches like pruneRawResults. */
export async function pruneRollups(db: Executor, cutoffMs: number, options: PruneOptions = {}): Promise<number> {
  const batchSize = options.batchSize ?? DEFAULT_BATCH;
  return deleteInBatches(options, async () => {
    const res = await db
      .deleteFrom('check_rollups')
      .where(({ eb, refTuple, selectFrom }) =>
        eb(
          refTuple('monitor_id', 'period', 'period_start'),
          'in',
          selectFrom('check_rollups')
            .select(['monitor_id', 'period', 'period_start'])
            .where('period_start', '<', cutoffMs)
            .orderBy('period_start')
            .limit(batchSize)
            .$asTuple('monitor_id', 'period', 'period_start'),
        ),
      )
      .executeTakeFirst();
    return { deleted: Number(res.numDeletedRows), full: Number(res.numDeletedRows) >= batchSize };
  });
}

async function deleteInBatches(options: PruneOptions, deleteBatch: () => Promise<{ deleted: number; full: boolean }>) {
  let total = 0;
  for (;;) {
    const { deleted, full } = await deleteBatch();
    total += deleted;
    if (!full) return total;
    if ((await options.between?.()) === false) return total;
  }
}
