import type { AlertChannelsTable, Executor, IncidentsTable } from '../../storage/schema.ts';
import { type AlertEventKind, buildAlertPayload } from './alert-payload.ts';
import { maintenanceWindowAt, recordSilencedAlert } from './maintenance-silence.ts';
import { queueAlert } from './outbox-rows.ts';
import { type AlertSubject, channelsFor } from './site-channels.ts';

export type EnqueueOutcome = { queuedIds: string[]; silencedByWindowId: string | null; cancelledCount: number };

export const nothing = (): EnqueueOutcome => ({ queuedIds: [], silencedByWindowId: null, cancelledCount: 0 });

export type FanOut = {
  eventKey: string;
  kind: AlertEventKind;
  subject: AlertSubject;
  incident: IncidentsTable | null;
  atMs: number;
  nowMs: number;
  dueAtMs?: number;
  /** Default: every channel the site's plan allows. */
  channels?: AlertChannelsTable[];
  tls?: { validTo: string; daysToExpiry: number; thresholdDays: number };
  reminder?: { number: number; unacknowledgedForMin: number };
};

/** One event to its channels, unless maintenance silences it (then noted once, nothing queued). */
export async function fanOut(db: Executor, f: FanOut): Promise<EnqueueOutcome> {
  const windowId = await maintenanceWindowAt(db, f.subject, f.atMs);
  const incidentId = f.incident?.id ?? null;
  if (windowId) {
    await recordSilencedAlert(db, {
      eventKey: f.eventKey,
      kind: f.kind,
      incidentId,
      monitorId: f.subject.monitor.id,
      windowId,
      atMs: f.atMs,
    });
    return { ...nothing(), silencedByWindowId: windowId };
  }
  const payload = buildAlertPayload(f.kind, f.atMs, f.subject, f.incident, { tls: f.tls, reminder: f.reminder });
  const queuedIds: string[] = [];
  for (const channel of f.channels ?? (await channelsFor(db, f.subject))) {
    const id = await queueAlert(db, {
      eventKey: f.eventKey,
      kind: f.kind,
      channel,
      payload,
      incidentId,
      monitorId: f.subject.monitor.id,
      dueAtMs: f.dueAtMs ?? f.nowMs,
      nowMs: f.nowMs,
    });
    if (id) queuedIds.push(id);
  }
  return { ...nothing(), queuedIds };
}
