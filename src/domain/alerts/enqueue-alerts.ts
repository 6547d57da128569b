import { notFound } from '../../errors.ts';
import type { Executor } from '../../storage/schema.ts';
import type { Ctx } from '../context.ts';
import { inTransaction } from '../incidents/incident-lifecycle.ts';
import { type EnqueueOutcome, fanOut, nothing } from './fan-out.ts';
import { enqueueRecovery, withdrawRecovery } from './recovery-alerts.ts';
import { loadAlertSubject } from './site-channels.ts';
import { tlsThresholdCrossed } from './tls-thresholds.ts';

export type { EnqueueOutcome } from './fan-out.ts';
export { RECOVERY_MARGIN_MS, requeueDown } from './recovery-alerts.ts';

/**
 * What happened, as the alerting needs it. `reopened` sends nothing by itself: it withdraws a
 * recovery still waiting out the flap grace, and re-alerts only channels already told "recovered".
 */
export type AlertTrigger =
  | { kind: 'down' | 'recovery' | 'reopened'; incidentId: string; atMs: number }
  | { kind: 'reminder'; incidentId: string; atMs: number; number: number }
  | { kind: 'tls_expiry'; monitorId: string; atMs: number; validToMs: number; daysToExpiry: number };

/** Queues one outbox row per (event, channel); safe to call again for the same event. */
export async function enqueueAlertsFor(ctx: Ctx, trigger: AlertTrigger): Promise<EnqueueOutcome> {
  const nowMs = ctx.clock.now();
  return inTransaction(ctx.db, async (trx) => {
    if (trigger.kind === 'tls_expiry') return enqueueTlsWarning(trx, trigger, nowMs);
    const incident = await trx
      .selectFrom('incidents')
      .selectAll()
      .where('id', '=', trigger.incidentId)
      .executeTakeFirst();
    if (!incident) throw notFound('Incident');
    const subject = await loadAlertSubject(trx, incident.monitor_id);
    switch (trigger.kind) {
      case 'down':
        return fanOut(trx, {
          eventKey: `down:${incident.id}`,
          kind: 'down',
          subject,
          incident,
          atMs: trigger.atMs,
          nowMs,
        });
      case 'reminder':
        if (incident.status !== 'open' || incident.acknowledged_at !== null) return nothing();
        return fanOut(trx, {
          eventKey: `reminder:${incident.id}:${trigger.number}`,
          kind: 'reminder',
          subject,
          incident,
          atMs: trigger.atMs,
          nowMs,
          reminder: {
            number: trigger.number,
            unacknowledgedForMin: Math.floor((trigger.atMs - incident.detected_at) / 60_000),
          },
        });
      case 'recovery':
        return enqueueRecovery(trx, subject, incident, trigger.atMs, nowMs);
      case 'reopened':
        return withdrawRecovery(trx, subject, incident, trigger.atMs, nowMs);
    }
  });
}

async function enqueueTlsWarning(db: Executor, t: Extract<AlertTrigger, { kind: 'tls_expiry' }>, nowMs: number) {
  const subject = await loadAlertSubject(db, t.monitorId);
  const thresholdDays = tlsThresholdCrossed(subject.monitor.config, t.daysToExpiry);
  if (thresholdDays === null) return nothing();
  return fanOut(db, {
    // Once per certificate and threshold: a renewed certificate (new validTo) warns again.
    eventKey: `tls:${t.monitorId}:${t.validToMs}:${thresholdDays}`,
    kind: 'tls_expiry',
    subject,
    incident: null,
    atMs: t.atMs,
    nowMs,
    tls: { validTo: new Date(t.validToMs).toISOString(), daysToExpiry: t.daysToExpiry, thresholdDays },
  });
}
