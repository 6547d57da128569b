import type { Executor, MaintenanceWindowsTable, MonitorStatus, PublicIncidentStatus } from '../../storage/schema.ts';
import { chunk } from '../monitoring/rollups-sources.ts';

// The rows a public page is built from, loaded for the whole page at once (a few queries per page,
// never per day or per component). Only the columns the public may see are read: no URLs, no
// error classes or messages, no notes.

export type TargetMonitor = {
  id: string;
  siteId: string;
  kind: string;
  status: MonitorStatus;
  enabled: boolean;
  createdAt: number;
  archivedAt: number | null;
};

export type VisibleComponent = {
  id: string;
  name: string;
  group: string | null;
  siteId: string;
  /** Every monitor whose incidents count (archived ones too, for the history). */
  monitors: TargetMonitor[];
};

/**
 * Published components whose site or monitor is live and belongs to the page's client. A site
 * stands for its availability monitors (HTTP, TCP, DNS, TLS): heartbeats watch internal jobs
 * such as backups, which are not the public's business; add one as its own component to show it.
 */
export async function loadVisibleComponents(
  db: Executor,
  page: { id: string; client_id: string },
): Promise<VisibleComponent[]> {
  const components = await db
    .selectFrom('status_page_components')
    .selectAll()
    .where('page_id', '=', page.id)
    .where('published', '=', 1)
    .orderBy('position')
    .orderBy('id')
    .execute();
  if (components.length === 0) return [];
  const siteIds = components.flatMap((c) => (c.site_id ? [c.site_id] : []));
  const monitorIds = components.flatMap((c) => (c.monitor_id ? [c.monitor_id] : []));
  const rows = await db
    .selectFrom('monitors')
    .innerJoin('sites', 'sites.id', 'monitors.site_id')
    .select([
      'monitors.id as id',
      'monitors.site_id as site_id',
      'monitors.kind as kind',
      'monitors.status as status',
      'monitors.enabled as enabled',
      'monitors.created_at as created_at',
      'monitors.archived_at as archived_at',
      'sites.archived_at as site_archived_at',
    ])
    .where('sites.client_id', '=', page.client_id)
    .where((eb) =>
      eb.or([
        ...(siteIds.length > 0 ? [eb('monitors.site_id', 'in', siteIds)] : []),
        ...(monitorIds.length > 0 ? [eb('monitors.id', 'in', monitorIds)] : []),
      ]),
    )
    .execute();
  const toMonitor = (r: (typeof rows)[number]): TargetMonitor => ({
    id: r.id,
    siteId: r.site_id,
    kind: r.kind,
    status: r.status,
    enabled: r.enabled === 1,
    createdAt: r.created_at,
    archivedAt: r.archived_at,
  });
  const liveSites = new Set(
    siteIds.length === 0
      ? []
      : (
          await db
            .selectFrom('sites')
            .select('id')
            .where('id', 'in', siteIds)
            .where('client_id', '=', page.client_id)
            .where('archived_at', 'is', null)
            .execute()
        ).map((r) => r.id),
  );
  const out: VisibleComponent[] = [];
  for (const c of components) {
    const base = { id: c.id, name: c.display_name, group: c.group_name };
    if (c.site_id) {
      // A site of another client or an archived site is not shown.
      if (!liveSites.has(c.site_id)) continue;
      const ofSite = rows.filter((r) => r.site_id === c.site_id && r.kind !== 'heartbeat');
      out.push({ ...base, siteId: c.site_id, monitors: ofSite.map(toMonitor) });
    } else {
      const m = rows.find((r) => r.id === c.monitor_id);
      if (!m || m.archived_at !== null || m.site_archived_at !== null) continue;
      out.push({ ...base, siteId: m.site_id, monitors: [toMonitor(m)] });
    }
  }
  return out;
}

export type IncidentRow = { id: string; monitorId: string; startedAt: number; resolvedAt: number | null };

/** Incidents of these monitors open at some time in [fromMs, toMs). */
export async function loadIncidents(db: Executor, monitorIds: string[], fromMs: number, toMs: number) {
  const out: IncidentRow[] = [];
  for (const ids of chunk(monitorIds)) {
    const rows = await db
      .selectFrom('incidents')
      .select(['id', 'monitor_id', 'started_at', 'resolved_at'])
      .where('monitor_id', 'in', ids)
      .where('started_at', '<', toMs)
      .where((eb) => eb.or([eb('resolved_at', 'is', null), eb('resolved_at', '>', fromMs)]))
      .execute();
    for (const r of rows) {
      out.push({ id: r.id, monitorId: r.monitor_id, startedAt: r.started_at, resolvedAt: r.resolved_at });
    }
  }
  return out;
}

export type UpdateRow = { incidentId: string; status: PublicIncidentStatus; message: string; postedAt: number };

/** Public updates and public titles of these incidents. */
export async function loadIncidentTexts(db: Executor, incidentIds: string[]) {
  const updates: UpdateRow[] = [];
  const titles = new Map<string, string>();
  for (const ids of chunk(incidentIds)) {
    const rows = await db
      .selectFrom('incident_updates')
      .select(['incident_id', 'status', 'message', 'posted_at'])
      .where('incident_id', 'in', ids)
      .orderBy('posted_at', 'desc')
      .orderBy('id', 'desc')
      .execute();
    for (const r of rows) {
      updates.push({ incidentId: r.incident_id, status: r.status, message: r.message, postedAt: r.posted_at });
    }
    const named = await db
      .selectFrom('incident_public')
      .select(['incident_id', 'title'])
      .where('incident_id', 'in', ids)
      .execute();
    for (const r of named) titles.set(r.incident_id, r.title);
  }
  return { updates, titles };
}

/** The client's maintenance windows that can matter from fromMs on. */
export async function loadWindows(db: Executor, clientId: string, fromMs: number): Promise<MaintenanceWindowsTable[]> {
  return db
    .selectFrom('maintenance_windows')
    .selectAll()
    .where('client_id', '=', clientId)
    .where((eb) => eb.or([eb('archived_at', 'is', null), eb('archived_at', '>', fromMs)]))
    .execute();
}
