import type { Ctx } from '../context.ts';
import { enqueueAlertsFor } from './enqueue-alerts.ts';

/** An unacknowledged incident reminds 30 min after it was detected, then every 2 h. */
export const REMINDER_FIRST_DELAY_MS = 30 * 60_000;
export const REMINDER_REPEAT_MS = 2 * 60 * 60_000;

/** The latest reminder due at nowMs (1 = the first); 0 before the first is due. */
export function reminderNumberAt(detectedAtMs: number, nowMs: number): number {
  const sinceFirstMs = nowMs - detectedAtMs - REMINDER_FIRST_DELAY_MS;
  return sinceFirstMs < 0 ? 0 : 1 + Math.floor(sinceFirstMs / REMINDER_REPEAT_MS);
}

/** When reminder number n falls due. */
export const reminderDueAt = (detectedAtMs: number, n: number) =>
  detectedAtMs + REMINDER_FIRST_DELAY_MS + (n - 1) * REMINDER_REPEAT_MS;

/**
 * Queues the reminder now due for each open, unacknowledged incident. Reminders missed while no
 * worker ran are not sent in a burst: only the latest one. Idempotent, so every worker may sweep.
 * Returns the number of alerts queued.
 */
export async function enqueueDueReminders(ctx: Ctx): Promise<number> {
  const nowMs = ctx.clock.now();
  const incidents = await ctx.db
    .selectFrom('incidents')
    .select(['id', 'detected_at'])
    .where('status', '=', 'open')
    .where('acknowledged_at', 'is', null)
    .where('detected_at', '<=', nowMs - REMINDER_FIRST_DELAY_MS)
    .execute();
  if (incidents.length === 0) return 0;
  const ids = incidents.map((i) => i.id);
  // Most sweeps find every due reminder already queued (or silenced); skip those without a transaction.
  const [queued, silenced] = await Promise.all([
    ctx.db
      .selectFrom('alert_outbox')
      .select('dedupe_key as key')
      .where('incident_id', 'in', ids)
      .where('event_kind', '=', 'reminder')
      .execute(),
    ctx.db.selectFrom('alert_silences').select('dedupe_key as key').where('incident_id', 'in', ids).execute(),
  ]);
  const seen = new Set([...silenced.map((s) => s.key), ...queued.map((q) => q.key.slice(0, q.key.lastIndexOf(':')))]);
  let count = 0;
  for (const incident of incidents) {
    const number = reminderNumberAt(incident.detected_at, nowMs);
    if (seen.has(`reminder:${incident.id}:${number}`)) continue;
    const atMs = reminderDueAt(incident.detected_at, number);
    const outcome = await enqueueAlertsFor(ctx, { kind: 'reminder', incidentId: incident.id, atMs, number });
    count += outcome.queuedIds.length;
  }
  return count;
}
