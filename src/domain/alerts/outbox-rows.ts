import { newId } from '../../ids.ts';
import type { AlertChannelsTable, AlertOutboxTable, Executor } from '../../storage/schema.ts';
import { appendIncidentEvent } from '../incidents/incident-events.ts';
import type { AlertEventKind, AlertPayload } from './alert-payload.ts';

const SYSTEM = { kind: 'system' } as const;

/** Timeline data for one alert: enough to tell which channel and which event. */
export const alertEventData = (row: Pick<AlertOutboxTable, 'id' | 'event_kind'>, channel: AlertChannelsTable) => ({
  alertId: row.id,
  alertKind: row.event_kind,
  channelId: channel.id,
  channelKind: channel.kind,
  channelName: channel.name,
});

/**
 * Queues one alert for one channel unless the same (event, channel) was ever queued: the unique
 * dedupe key makes a repeated or concurrent enqueue a no-op. Returns the new row's id, or null.
 */
export async function queueAlert(
  db: Executor,
  a: {
    eventKey: string;
    kind: AlertEventKind;
    channel: AlertChannelsTable;
    payload: AlertPayload;
    incidentId: string | null;
    monitorId: string;
    dueAtMs: number;
    nowMs: number;
  },
): Promise<string | null> {
  const row: AlertOutboxTable = {
    id: newId('alr'),
    dedupe_key: `${a.eventKey}:${a.channel.id}`,
    channel_id: a.channel.id,
    event_kind: a.kind,
    incident_id: a.incidentId,
    monitor_id: a.monitorId,
    payload: JSON.stringify(a.payload),
    status: 'pending',
    attempts: 0,
    next_attempt_at: a.dueAtMs,
    locked_until: null,
    last_error: null,
    created_at: a.nowMs,
    sent_at: null,
  };
  const inserted = await db
    .insertInto('alert_outbox')
    .values(row)
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!inserted) return null;
  if (a.incidentId) {
    await appendIncidentEvent(db, {
      incidentId: a.incidentId,
      kind: 'alert_queued',
      actor: SYSTEM,
      atMs: a.nowMs,
      data: { ...alertEventData(row, a.channel), dueAt: new Date(a.dueAtMs).toISOString() },
    });
  }
  return row.id;
}

/**
 * Cancels a queued alert that is not being delivered right now (a claimed one is left to its
 * worker, which re-checks relevance itself), or, with `claimedUntil`, the caller's own claim.
 * True when this call cancelled it.
 */
export async function cancelQueuedAlert(
  db: Executor,
  row: Pick<AlertOutboxTable, 'id' | 'event_kind' | 'incident_id'>,
  channel: AlertChannelsTable,
  reason: string,
  nowMs: number,
  claimedUntil?: number,
): Promise<boolean> {
  const res = await db
    .updateTable('alert_outbox')
    .set({ status: 'cancelled', last_error: reason, locked_until: null })
    .where('id', '=', row.id)
    .where('status', '=', 'pending')
    .where((eb) =>
      claimedUntil === undefined
        ? eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', nowMs)])
        : eb('locked_until', '=', claimedUntil),
    )
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) return false;
  if (row.incident_id) {
    await appendIncidentEvent(db, {
      incidentId: row.incident_id,
      kind: 'alert_cancelled',
      actor: SYSTEM,
      atMs: nowMs,
      data: { ...alertEventData(row, channel), reason },
    });
  }
  return true;
}
