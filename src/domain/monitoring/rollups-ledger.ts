import type { Executor } from '../../storage/schema.ts';
import { dayLabel, floorDay, HOUR_MS, hourLabel, parseLabel, type Span } from './rollups-time.ts';

// The rollup jobs record each finished period in job_slots ("rollup-hour:<hour>", "rollup-day:<day>").
// Readers use the same ledger to know which periods they may read from rollups.

export const ROLLUP_HOUR_JOB = 'rollup-hour';
export const ROLLUP_DAY_JOB = 'rollup-day';

/** Hour starts and day starts in the range whose rollups are complete (their slot is finished). */
export async function rolledPeriods(db: Executor, range: Span): Promise<{ hours: Set<number>; days: Set<number> }> {
  const finished = async (job: string, fromLabel: string, toLabel: string) => {
    const rows = await db
      .selectFrom('job_slots')
      .select('slot_key')
      .where('slot_key', '>=', `${job}:${fromLabel}`)
      .where('slot_key', '<=', `${job}:${toLabel}`)
      .where('finished_at', 'is not', null)
      .execute();
    return new Set(rows.map((r) => parseLabel(r.slot_key.slice(job.length + 1))));
  };
  return {
    hours: await finished(ROLLUP_HOUR_JOB, hourLabel(range.startMs - HOUR_MS), hourLabel(range.endMs)),
    days: await finished(ROLLUP_DAY_JOB, dayLabel(floorDay(range.startMs)), dayLabel(range.endMs)),
  };
}

/**
 * Changes recorded before this instant (incident updates, maintenance entered after the fact) are
 * reflected in every hour rollup; later ones may not be yet (see refreshRollupsForChanges). The
 * slot of hour H re-rolls what changed in [H − 1 h, H + 1 h), so with every slot up to K finished,
 * changes before K are in; an hour still running holds the instant back; one more hour of margin
 * covers a write landing late. Null when nothing is rolled up.
 */
export async function changesReflectedBefore(db: Executor): Promise<number | null> {
  const edge = async (finished: boolean) => {
    const row = await db
      .selectFrom('job_slots')
      .select('slot_key')
      .where('slot_key', '>=', `${ROLLUP_HOUR_JOB}:`)
      .where('slot_key', '<', `${ROLLUP_HOUR_JOB};`)
      .where('finished_at', finished ? 'is not' : 'is', null)
      .orderBy('slot_key', finished ? 'desc' : 'asc')
      .limit(1)
      .executeTakeFirst();
    return row ? parseLabel(row.slot_key.slice(ROLLUP_HOUR_JOB.length + 1)) : null;
  };
  const newestFinished = await edge(true);
  if (newestFinished === null) return null;
  const oldestRunning = await edge(false);
  const reflected = oldestRunning === null ? newestFinished : Math.min(newestFinished, oldestRunning - HOUR_MS);
  return reflected - HOUR_MS;
}
