import type { AlertChannelsTable, Executor, IncidentsTable } from '../../storage/schema.ts';
import { buildAlertPayload, type SlaAlertFacts } from './alert-payload.ts';
import { queueAlert } from './outbox-rows.ts';
import { loadAlertSubject } from './site-channels.ts';

// SLA warnings and breaches are for the agency's staff, not the client: they go to the agency's own
// channels (client_id null) of every kind, whatever the client's plan includes, and maintenance does
// not silence them (the clocks already stand still during maintenance).

export type SlaAlert = {
  kind: 'sla_warning' | 'sla_breach';
  incident: IncidentsTable;
  sla: SlaAlertFacts;
  /** When the clock crossed the threshold (the alert's occurredAt). */
  atMs: number;
  nowMs: number;
};

export const slaAlertKey = (kind: SlaAlert['kind'], incidentId: string, metric: string) =>
  `${kind}:${incidentId}:${metric}`;

export async function agencyChannels(db: Executor): Promise<AlertChannelsTable[]> {
  return db
    .selectFrom('alert_channels')
    .selectAll()
    .where('enabled', '=', 1)
    .where('archived_at', 'is', null)
    .where('client_id', 'is', null)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** One outbox row per agency channel; a repeat for the same incident, metric and kind is a no-op. */
export async function queueSlaAlert(db: Executor, a: SlaAlert): Promise<string[]> {
  const subject = await loadAlertSubject(db, a.incident.monitor_id);
  const payload = buildAlertPayload(a.kind, a.atMs, subject, a.incident, { sla: a.sla });
  const queued: string[] = [];
  for (const channel of await agencyChannels(db)) {
    const id = await queueAlert(db, {
      eventKey: slaAlertKey(a.kind, a.incident.id, a.sla.metric),
      kind: a.kind,
      channel,
      payload,
      incidentId: a.incident.id,
      monitorId: a.incident.monitor_id,
      dueAtMs: a.nowMs,
      nowMs: a.nowMs,
    });
    if (id) queued.push(id);
  }
  return queued;
}
