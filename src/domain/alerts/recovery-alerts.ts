import type { Executor, IncidentsTable } from '../../storage/schema.ts';
import { type EnqueueOutcome, fanOut, nothing } from './fan-out.ts';
import { cancelQueuedAlert } from './outbox-rows.ts';
import { type AlertSubject, channelsFor } from './site-channels.ts';

// Recovery alerts and flapping: a recovery waits out the monitor's flap grace; a reopen in the
// meantime withdraws it, and re-alerts only channels that were already told "recovered".

/**
 * A recovery is held this long past the flap grace: a reopening check may start just inside the
 * grace and finish (with its confirmation) a little after it.
 */
export const RECOVERY_MARGIN_MS = 30_000;

/**
 * "Recovered" goes only to channels that were told about the outage (a down silenced by
 * maintenance gets no recovery), and only after the flap grace, so a flapping service that
 * reopens the incident in the meantime produces no recovery at all.
 */
export async function enqueueRecovery(
  db: Executor,
  subject: AlertSubject,
  incident: IncidentsTable,
  atMs: number,
  nowMs: number,
) {
  if (incident.status !== 'resolved') return nothing();
  const alerted = await db
    .selectFrom('alert_outbox')
    .select('channel_id')
    .distinct()
    .where('incident_id', '=', incident.id)
    .where('event_kind', 'in', ['down', 'reminder'])
    .where('status', '!=', 'cancelled')
    .execute();
  const alertedIds = new Set(alerted.map((r) => r.channel_id));
  const channels = (await channelsFor(db, subject)).filter((c) => alertedIds.has(c.id));
  const graceEndMs = (incident.resolved_at ?? atMs) + subject.monitor.flap_grace_s * 1000 + RECOVERY_MARGIN_MS;
  return fanOut(db, {
    eventKey: `recovery:${incident.id}:${incident.reopen_count}`,
    kind: 'recovery',
    subject,
    incident,
    atMs,
    nowMs,
    channels,
    dueAtMs: Math.max(nowMs, graceEndMs),
  });
}

export async function withdrawRecovery(
  db: Executor,
  subject: AlertSubject,
  incident: IncidentsTable,
  atMs: number,
  nowMs: number,
) {
  const pending = await db
    .selectFrom('alert_outbox')
    .innerJoin('alert_channels', 'alert_channels.id', 'alert_outbox.channel_id')
    .selectAll('alert_channels')
    .select(['alert_outbox.id as alertId', 'alert_outbox.event_kind as eventKind'])
    .where('alert_outbox.incident_id', '=', incident.id)
    .where('alert_outbox.event_kind', '=', 'recovery')
    .where('alert_outbox.status', '=', 'pending')
    .execute();
  let cancelledCount = 0;
  for (const { alertId, eventKind, ...channel } of pending) {
    const row = { id: alertId, event_kind: eventKind, incident_id: incident.id };
    if (await cancelQueuedAlert(db, row, channel, 'the incident reopened within the flap grace period', nowMs)) {
      cancelledCount++;
    }
  }
  const previousCycle = `recovery:${incident.id}:${incident.reopen_count - 1}:`;
  const sent = await db
    .selectFrom('alert_outbox')
    .select(['channel_id', 'dedupe_key'])
    .where('incident_id', '=', incident.id)
    .where('event_kind', '=', 'recovery')
    .where('status', '=', 'sent')
    .execute();
  const told = new Set(sent.filter((r) => r.dedupe_key.startsWith(previousCycle)).map((r) => r.channel_id));
  const outcome = await requeueDown(db, subject, incident, told, atMs, nowMs);
  return { ...outcome, cancelledCount };
}

/** A channel that already heard "recovered" must hear that it is down again. */
export async function requeueDown(
  db: Executor,
  subject: AlertSubject,
  incident: IncidentsTable,
  channelIds: Set<string>,
  atMs: number,
  nowMs: number,
): Promise<EnqueueOutcome> {
  if (channelIds.size === 0 || incident.status !== 'open') return nothing();
  const channels = (await channelsFor(db, subject)).filter((c) => channelIds.has(c.id));
  const eventKey = `down:${incident.id}:r${incident.reopen_count}`;
  return fanOut(db, { eventKey, kind: 'down', subject, incident, atMs, nowMs, channels });
}
