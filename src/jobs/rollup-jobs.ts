import { rollupDay, rollupHour } from '../domain/monitoring/rollups.ts';
import { ROLLUP_DAY_JOB, ROLLUP_HOUR_JOB } from '../domain/monitoring/rollups-ledger.ts';
import { refreshRollupsForChanges } from '../domain/monitoring/rollups-refresh.ts';
import {
  DAY_MS,
  dayLabel,
  floorDay,
  floorHour,
  HOUR_MS,
  hourLabel,
  parseLabel,
} from '../domain/monitoring/rollups-time.ts';
import { type JobContext, runSlot } from './job-context.ts';
import { edgeSlotLabel, expiredSlotLabels, slotKey, slotsBetween } from './job-slots.ts';

// Slots already claimed are looked at again this far back from the newest one: a slot whose runner
// died is found here (and by its expired lease) without scanning the whole history.
const RESCAN_MS = 48 * HOUR_MS;

/** The oldest period still to be rolled up when this returns (claimed by another runner, or failed); null if none. */
export type RollupRun = { ran: string[]; pendingFromMs: number | null };

/**
 * Rolls up every finished hour not yet rolled up (all of them after an outage of the process),
 * oldest first, then every UTC day whose 24 hours are done.
 */
export async function runRollupJobs(jc: JobContext): Promise<RollupRun> {
  const ran: string[] = [];
  let pendingFromMs: number | null = null;
  const pending = (ms: number) => {
    pendingFromMs = pendingFromMs === null ? ms : Math.min(pendingFromMs, ms);
  };
  const nowMs = jc.clock.now();
  const lastHourMs = floorHour(nowMs - jc.settleMs) - HOUR_MS;
  const oldestKeptMs = floorDay(nowMs) - jc.retention.rollupRetentionDays * DAY_MS;

  const hours = await dueHours(jc, nowMs, lastHourMs, oldestKeptMs);
  if (hours.heldFromMs !== null) pending(hours.heldFromMs);
  for (const hourMs of hours.due) {
    if (jc.isStopping()) {
      pending(hourMs);
      break;
    }
    const key = slotKey(ROLLUP_HOUR_JOB, hourLabel(hourMs));
    const outcome = await runSlot(jc, key, async () => {
      await rollupHour(jc.db, hourMs, jc.clock.now(), { yieldBetweenChunks: jc.pause });
      // Changes recorded in this hour and the one before: overlapping windows (re-rolling is
      // idempotent) tolerate a write that lands up to an hour after the time it carries.
      await refreshRollupsForChanges(jc.db, {
        changedFromMs: hourMs - HOUR_MS,
        changedToMs: hourMs + HOUR_MS,
        beforeHourMs: hourMs,
        notBeforeMs: oldestKeptMs,
      });
      return true;
    });
    if (outcome === 'done') ran.push(key);
    else pending(hourMs);
    // Hours are done in order: after a failure, later ones wait for the retry.
    if (outcome === 'failed') return { ran, pendingFromMs };
  }

  for (const dayMs of await dueDays(jc, nowMs, lastHourMs, oldestKeptMs)) {
    if (jc.isStopping()) break;
    const key = slotKey(ROLLUP_DAY_JOB, dayLabel(dayMs));
    const outcome = await runSlot(jc, key, async () => {
      await rollupDay(jc.db, dayMs, { yieldBetweenChunks: jc.pause });
      return true;
    });
    if (outcome === 'done') ran.push(key);
  }
  return { ran, pendingFromMs };
}

/**
 * Hours up to lastHourMs whose slot is neither finished nor held by a live runner, oldest first;
 * and the oldest hour a live runner still holds.
 */
async function dueHours(jc: JobContext, nowMs: number, lastHourMs: number, oldestKeptMs: number) {
  // Nothing before the UTC day the first monitor was created (that day gets all 24 hours).
  const first = await jc.db
    .selectFrom('monitors')
    .select((eb) => eb.fn.min('created_at').as('created_at'))
    .executeTakeFirst();
  if (first?.created_at === null || first?.created_at === undefined) return { due: [], heldFromMs: null };
  const newest = await edgeSlotLabel(jc.db, ROLLUP_HOUR_JOB, 'newest');
  let fromMs = floorDay(Number(first.created_at));
  if (newest) fromMs = Math.max(fromMs, parseLabel(newest) - RESCAN_MS);
  fromMs = Math.max(fromMs, oldestKeptMs);
  const expired = (await expiredSlotLabels(jc.db, ROLLUP_HOUR_JOB, nowMs, jc.leaseMs)).map(parseLabel);
  const due = new Set(expired.filter((ms) => ms >= oldestKeptMs && ms < fromMs));
  let heldFromMs: number | null = null;
  if (fromMs <= lastHourMs) {
    const slots = await slotsBetween(jc.db, ROLLUP_HOUR_JOB, hourLabel(fromMs), hourLabel(lastHourMs));
    for (let h = fromMs; h <= lastHourMs; h += HOUR_MS) {
      const slot = slots.get(slotKey(ROLLUP_HOUR_JOB, hourLabel(h)));
      if (!slot || (slot.finished_at === null && slot.claimed_at <= nowMs - jc.leaseMs)) due.add(h);
      else if (slot.finished_at === null) heldFromMs ??= h;
    }
  }
  return { due: [...due].sort((a, b) => a - b), heldFromMs };
}

/** UTC days whose 24 hour slots are finished and whose own slot is not, oldest first. */
async function dueDays(jc: JobContext, nowMs: number, lastHourMs: number, oldestKeptMs: number) {
  const lastDayMs = floorDay(lastHourMs + HOUR_MS) - DAY_MS;
  const newest = await edgeSlotLabel(jc.db, ROLLUP_DAY_JOB, 'newest');
  const oldestHour = newest ? null : await edgeSlotLabel(jc.db, ROLLUP_HOUR_JOB, 'oldest');
  if (!newest && !oldestHour) return [];
  const fromMs = Math.max(
    newest ? parseLabel(newest) - 2 * DAY_MS : floorDay(parseLabel(oldestHour ?? '')),
    oldestKeptMs,
  );
  if (fromMs > lastDayMs) return [];
  const days = await slotsBetween(jc.db, ROLLUP_DAY_JOB, dayLabel(fromMs), dayLabel(lastDayMs));
  const hours = await slotsBetween(jc.db, ROLLUP_HOUR_JOB, hourLabel(fromMs), hourLabel(lastDayMs + DAY_MS - HOUR_MS));
  const hourDone = (ms: number) => hours.get(slotKey(ROLLUP_HOUR_JOB, hourLabel(ms)))?.finished_at != null;
  const due: number[] = [];
  for (let d = fromMs; d <= lastDayMs; d += DAY_MS) {
    const slot = days.get(slotKey(ROLLUP_DAY_JOB, dayLabel(d)));
    if (slot && (slot.finished_at !== null || slot.claimed_at > nowMs - jc.leaseMs)) continue;
    let complete = true;
    for (let h = d; h < d + DAY_MS && complete; h += HOUR_MS) complete = hourDone(h);
    if (complete) due.push(d);
  }
  return due;
}
