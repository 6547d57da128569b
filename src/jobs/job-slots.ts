import type { Executor, JobSlotsTable } from '../storage/schema.ts';

// A slot is "<job>:<slot label>", e.g. "rollup-hour:2026-03-02T09:00Z". Inserting it claims it:
// of two processes claiming the same slot, one inserts and the other sees the key taken. Labels
// are fixed-width timestamps, so key order is time order within a job.

export const slotKey = (job: string, label: string) => `${job}:${label}`;
export const slotLabel = (key: string) => key.slice(key.indexOf(':') + 1);

// ';' is the character after ':', so [job:, job;) is exactly the keys of one job: a key range the
// primary key index answers on both dialects.
const inJob = (job: string) => ({ lo: `${job}:`, hi: `${job};` });

/**
 * Claims a slot for this runner. True when it is ours: newly inserted, or taken over because the
 * previous claimant neither finished nor renewed it within leaseMs (it crashed).
 */
export async function claimSlot(db: Executor, key: string, runnerId: string, nowMs: number, leaseMs: number) {
  const inserted = await db
    .insertInto('job_slots')
    .values({ slot_key: key, claimed_by: runnerId, claimed_at: nowMs, finished_at: null })
    .onConflict((oc) => oc.column('slot_key').doNothing())
    .returning('slot_key')
    .executeTakeFirst();
  if (inserted) return true;
  const taken = await db
    .updateTable('job_slots')
    .set({ claimed_by: runnerId, claimed_at: nowMs })
    .where('slot_key', '=', key)
    .where('finished_at', 'is', null)
    .where('claimed_at', '<=', nowMs - leaseMs)
    .executeTakeFirst();
  return Number(taken.numUpdatedRows) === 1;
}

export async function finishSlot(db: Executor, key: string, runnerId: string, nowMs: number): Promise<boolean> {
  const res = await db
    .updateTable('job_slots')
    .set({ finished_at: nowMs })
    .where('slot_key', '=', key)
    .where('claimed_by', '=', runnerId)
    .where('finished_at', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** Gives up a claim after a failure, so the next tick (of any runner) retries without waiting for the lease. */
export async function releaseSlot(db: Executor, key: string, runnerId: string): Promise<void> {
  await db
    .deleteFrom('job_slots')
    .where('slot_key', '=', key)
    .where('claimed_by', '=', runnerId)
    .where('finished_at', 'is', null)
    .execute();
}

/** Slots of a job with labels in [fromLabel, toLabel] (inclusive), by key. */
export async function slotsBetween(db: Executor, job: string, fromLabel: string, toLabel: string) {
  const rows = await db
    .selectFrom('job_slots')
    .selectAll()
    .where('slot_key', '>=', slotKey(job, fromLabel))
    .where('slot_key', '<=', slotKey(job, toLabel))
    .execute();
  return new Map<string, JobSlotsTable>(rows.map((r) => [r.slot_key, r]));
}

/** The label of the newest (or oldest) slot of a job, claimed or finished; null when none. */
export async function edgeSlotLabel(db: Executor, job: string, edge: 'newest' | 'oldest'): Promise<string | null> {
  const { lo, hi } = inJob(job);
  const row = await db
    .selectFrom('job_slots')
    .select('slot_key')
    .where('slot_key', '>=', lo)
    .where('slot_key', '<', hi)
    .orderBy('slot_key', edge === 'newest' ? 'desc' : 'asc')
    .limit(1)
    .executeTakeFirst();
  return row ? slotLabel(row.slot_key) : null;
}

/** Labels of unfinished slots whose claim has expired (the claimant died mid-job). */
export async function expiredSlotLabels(db: Executor, job: string, nowMs: number, leaseMs: number) {
  const { lo, hi } = inJob(job);
  const rows = await db
    .selectFrom('job_slots')
    .select('slot_key')
    .where('slot_key', '>=', lo)
    .where('slot_key', '<', hi)
    .where('finished_at', 'is', null)
    .where('claimed_at', '<=', nowMs - leaseMs)
    .execute();
  return rows.map((r) => slotLabel(r.slot_key));
}

/** Forgets the slots of a job with labels before beforeLabel (past retention: never run again). */
export async function pruneSlots(db: Executor, job: string, beforeLabel: string): Promise<number> {
  const res = await db
    .deleteFrom('job_slots')
    .where('slot_key', '>=', inJob(job).lo)
    .where('slot_key', '<', slotKey(job, beforeLabel))
    .executeTakeFirst();
  return Number(res.numDeletedRows);
}

/** Renews a claim that is still in progress, so a long job is not taken over as if its runner had died. */
export async function renewSlot(db: Executor, key: string, runnerId: string, nowMs: number): Promise<void> {
  await db
    .updateTable('job_slots')
    .set({ claimed_at: nowMs })
    .where('slot_key', '=', key)
    .where('claimed_by', '=', runnerId)
    .where('finished_at', 'is', null)
    .execute();
}
