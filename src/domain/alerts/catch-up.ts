import type { Ctx } from '../context.ts';
import { enqueueAlertsFor } from './enqueue-alerts.ts';

/** How far back the catch-up looks: longer than any restart, short enough to stay cheap. */
export const CATCH_UP_LOOKBACK_MS = 15 * 60_000;

/**
 * Alerts are queued right after the engine commits an incident change; a process killed in
 * between would lose them. This sweep queues the down and recovery alerts of recent incidents
 * that have neither an outbox row nor a maintenance silence. Idempotent like every enqueue.
 * Returns the number of alerts queued.
 */
export async function enqueueMissedAlerts(ctx: Ctx, lookbackMs = CATCH_UP_LOOKBACK_MS): Promise<number> {
  const nowMs = ctx.clock.now();
  const sinceMs = nowMs - lookbackMs;
  const unalertedOpen = await ctx.db
    .selectFrom('incidents')
    .select(['id', 'detected_at'])
    .where('status', '=', 'open')
    .where('detected_at', '>=', sinceMs)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('alert_outbox')
            .select('alert_outbox.id')
            .whereRef('alert_outbox.incident_id', '=', 'incidents.id')
            .where('alert_outbox.event_kind', '=', 'down'),
        ),
      ),
    )
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('alert_silences')
            .select('dedupe_key')
            .whereRef('alert_silences.incident_id', '=', 'incidents.id')
            .where('alert_silences.event_kind', '=', 'down'),
        ),
      ),
    )
    .execute();
  // A recovery only goes to channels told of the outage, so only incidents with such alerts qualify.
  const unalertedResolved = await ctx.db
    .selectFrom('incidents')
    .select(['id', 'resolved_at'])
    .where('status', '=', 'resolved')
    .where('resolved_at', '>=', sinceMs)
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('alert_outbox')
          .select('alert_outbox.id')
          .whereRef('alert_outbox.incident_id', '=', 'incidents.id')
          .where('alert_outbox.event_kind', 'in', ['down', 'reminder'])
          .where('alert_outbox.status', '!=', 'cancelled'),
      ),
    )
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('alert_outbox')
            .select('alert_outbox.id')
            .whereRef('alert_outbox.incident_id', '=', 'incidents.id')
            .where('alert_outbox.event_kind', '=', 'recovery')
            .whereRef('alert_outbox.created_at', '>=', 'incidents.updated_at'),
        ),
      ),
    )
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('alert_silences')
            .select('dedupe_key')
            .whereRef('alert_silences.incident_id', '=', 'incidents.id')
            .where('alert_silences.event_kind', '=', 'recovery')
            .whereRef('alert_silences.at', '>=', 'incidents.resolved_at'),
        ),
      ),
    )
    .execute();
  let count = 0;
  for (const i of unalertedOpen) {
    count += (await enqueueAlertsFor(ctx, { kind: 'down', incidentId: i.id, atMs: i.detected_at })).queuedIds.length;
  }
  for (const i of unalertedResolved) {
    const atMs = i.resolved_at ?? nowMs;
    count += (await enqueueAlertsFor(ctx, { kind: 'recovery', incidentId: i.id, atMs })).queuedIds.length;
  }
  return count;
}
