import type { Executor, StatusPagesTable } from '../../storage/schema.ts';
import { maintenanceIntervals } from '../monitoring/maintenance-intervals.ts';
import { toRule } from '../monitoring/maintenance-windows.ts';
import { publicIncidentId } from './public-ids.ts';
import { loadVisibleComponents } from './public-sources.ts';
import type { MailText } from './subscriber-mail.ts';

const WEEK_MS = 7 * 86_400_000;

/** Something subscribers hear about once: the key names it across sweeps and workers. */
export type SubscriberEvent = {
  key: string;
  kind: 'incident_opened' | 'incident_update' | 'incident_resolved' | 'maintenance_scheduled';
  atMs: number;
  /** Subject and paragraphs in the subscriber's language; the detail link is relative to the page. */
  render(text: MailText, pageTitle: string): { subject: string; paragraphs: string[]; detailsPath: string };
};

/**
 * What happened on the page's published components since sinceMs: incidents opened and resolved,
 * public updates posted, maintenance windows created for the client or a shown site. Only public
 * facts: component names, public titles and update texts, never URLs or error messages.
 */
export async function collectSubscriberEvents(
  db: Executor,
  page: StatusPagesTable,
  sinceMs: number,
  nowMs: number,
): Promise<SubscriberEvent[]> {
  const components = await loadVisibleComponents(db, page);
  const namesOf = new Map<string, string[]>();
  for (const c of components) for (const m of c.monitors) namesOf.set(m.id, [...(namesOf.get(m.id) ?? []), c.name]);
  const monitorIds = [...namesOf.keys()];
  const events: SubscriberEvent[] = [];
  if (monitorIds.length > 0) events.push(...(await incidentEvents(db, monitorIds, namesOf, sinceMs)));
  const siteIds = new Set(components.map((c) => c.siteId));
  const windows = await db
    .selectFrom('maintenance_windows')
    .selectAll()
    .where('client_id', '=', page.client_id)
    .where('archived_at', 'is', null)
    .where('created_at', '>=', sinceMs)
    .execute();
  for (const w of windows) {
    if (w.site_id !== null && !siteIds.has(w.site_id)) continue;
    const next =
      w.kind === 'once'
        ? { startMs: w.starts_at ?? 0, endMs: w.ends_at ?? 0 }
        : maintenanceIntervals([toRule(w)], nowMs, nowMs + WEEK_MS + 86_400_000)[0];
    if (!next || next.endMs <= nowMs) continue;
    const names =
      w.site_id === null
        ? components.map((c) => c.name)
        : components.filter((c) => c.siteId === w.site_id).map((c) => c.name);
    events.push({
      key: `maintenance:${w.id}`,
      kind: 'maintenance_scheduled',
      atMs: w.created_at,
      render: (text, title) => ({
        subject: text.t('mailMaintenanceSubject', { title, maintenance: w.title }),
        paragraphs: [
          text.t('mailMaintenanceBody', {
            start: text.dateTime(next.startMs),
            end: text.dateTime(next.endMs),
            components: names.length > 0 ? text.list(names) : text.t('maintenanceAll'),
          }),
        ],
        detailsPath: '',
      }),
    });
  }
  return events.sort((a, b) => a.atMs - b.atMs);
}

async function incidentEvents(
  db: Executor,
  monitorIds: string[],
  namesOf: Map<string, string[]>,
  sinceMs: number,
): Promise<SubscriberEvent[]> {
  const incidents = await db
    .selectFrom('incidents')
    .leftJoin('incident_public', 'incident_public.incident_id', 'incidents.id')
    .select([
      'incidents.id as id',
      'incidents.monitor_id as monitor_id',
      'incidents.started_at as started_at',
      'incidents.detected_at as detected_at',
      'incidents.resolved_at as resolved_at',
      'incidents.reopen_count as reopen_count',
      'incident_public.title as title',
    ])
    .where('incidents.monitor_id', 'in', monitorIds)
    .where((eb) => eb.or([eb('incidents.detected_at', '>=', sinceMs), eb('incidents.resolved_at', '>=', sinceMs)]))
    .execute();
  const updates = await db
    .selectFrom('incident_updates')
    .innerJoin('incidents', 'incidents.id', 'incident_updates.incident_id')
    .leftJoin('incident_public', 'incident_public.incident_id', 'incidents.id')
    .select([
      'incident_updates.id as id',
      'incident_updates.status as status',
      'incident_updates.message as message',
      'incident_updates.posted_at as posted_at',
      'incidents.id as incident_id',
      'incidents.monitor_id as monitor_id',
      'incident_public.title as title',
    ])
    .where('incidents.monitor_id', 'in', monitorIds)
    .where('incident_updates.posted_at', '>=', sinceMs)
    .execute();
  const titled = (text: MailText, r: { title: string | null; monitor_id: string }) =>
    r.title ?? text.t('incidentDefaultTitle', { components: text.list(namesOf.get(r.monitor_id) ?? []) });
  const out: SubscriberEvent[] = [];
  for (const i of incidents) {
    const detailsPath = `/incidents/${publicIncidentId(i.id)}`;
    const components = (text: MailText) => text.list(namesOf.get(i.monitor_id) ?? []);
    if (i.detected_at >= sinceMs)
      out.push({
        key: `opened:${i.id}`,
        kind: 'incident_opened',
        atMs: i.detected_at,
        render: (text, title) => ({
          subject: text.t('mailOpenedSubject', { title, incident: titled(text, i) }),
          paragraphs: [text.t('mailOpenedBody', { components: components(text), time: text.dateTime(i.started_at) })],
          detailsPath,
        }),
      });
    const resolvedAt = i.resolved_at;
    if (resolvedAt !== null && resolvedAt >= sinceMs)
      out.push({
        key: `resolved:${i.id}:${i.reopen_count}`,
        kind: 'incident_resolved',
        atMs: resolvedAt,
        render: (text, title) => ({
          subject: text.t('mailResolvedSubject', { title, incident: titled(text, i) }),
          paragraphs: [
            text.t('mailResolvedBody', {
              components: components(text),
              time: text.dateTime(resolvedAt),
              duration: text.duration(resolvedAt - i.started_at),
            }),
          ],
          detailsPath,
        }),
      });
  }
  for (const u of updates) {
    out.push({
      key: `update:${u.id}`,
      kind: 'incident_update',
      atMs: u.posted_at,
      render: (text, title) => ({
        subject: text.t('mailUpdateSubject', { title, stage: text.t(`stage.${u.status}`), incident: titled(text, u) }),
        paragraphs: [u.message],
        detailsPath: `/incidents/${publicIncidentId(u.incident_id)}`,
      }),
    });
  }
  return out;
}
