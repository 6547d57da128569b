import type { Executor } from '../../storage/schema.ts';
import { appendIncidentEvent } from '../incidents/incident-events.ts';
import { siteMaintenanceIntervals } from '../monitoring/maintenance-windows.ts';
import type { AlertEventKind } from './alert-payload.ts';
import type { AlertSubject } from './site-channels.ts';

/** The maintenance window covering the site at atMs, if any. */
export async function maintenanceWindowAt(db: Executor, subject: AlertSubject, atMs: number): Promise<string | null> {
  const intervals = await siteMaintenanceIntervals(
    db,
    { id: subject.site.id, clientId: subject.site.clientId },
    atMs,
    atMs + 1,
  );
  return intervals[0]?.windowId ?? null;
}

/**
 * Notes an alert that maintenance silenced: once per event, however often it is seen (reminder
 * sweeps, several workers), so the timeline shows one 'maintenance' line per silenced alert.
 */
export async function recordSilencedAlert(
  db: Executor,
  s: {
    eventKey: string;
    kind: AlertEventKind;
    incidentId: string | null;
    monitorId: string;
    windowId: string;
    atMs: number;
  },
): Promise<void> {
  const inserted = await db
    .insertInto('alert_silences')
    .values({
      dedupe_key: s.eventKey,
      event_kind: s.kind,
      incident_id: s.incidentId,
      monitor_id: s.monitorId,
      window_id: s.windowId,
      at: s.atMs,
    })
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .returning('dedupe_key')
    .executeTakeFirst();
  if (!inserted || !s.incidentId) return;
  const title = await db
    .selectFrom('maintenance_windows')
    .select('title')
    .where('id', '=', s.windowId)
    .executeTakeFirst();
  await appendIncidentEvent(db, {
    incidentId: s.incidentId,
    kind: 'maintenance',
    actor: { kind: 'system' },
    atMs: s.atMs,
    data: { silencedAlert: s.kind, windowId: s.windowId, windowTitle: title?.title ?? null },
  });
}
