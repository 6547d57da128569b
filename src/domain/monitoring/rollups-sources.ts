import type { Executor, MaintenanceWindowsTable } from '../../storage/schema.ts';
import type { Interval } from './maintenance-intervals.ts';
import { windowRowsIntervals } from './maintenance-windows.ts';
import { monitoredSpan, type Span } from './rollups-time.ts';
import { computeUptime } from './uptime.ts';

// What downtime and maintenance time are computed from, loaded for many monitors at once: the same
// sources and the same maths (computeUptime) for hour rollups and for the raw edges of a window.

export type MonitorRef = {
  id: string;
  siteId: string;
  clientId: string;
  createdAt: number;
  archivedAt: number | null;
  /** The hours this monitor has rollups for (see monitoredSpan). */
  span: Span;
};

export type IncidentSpan = { startedAt: number; resolvedAt: number | null };

const ID_CHUNK = 500;

export function chunk<T>(items: T[], size = ID_CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Monitors by id, or every monitor that has rollups in some hour of `activeIn`. */
export async function loadMonitorRefs(
  db: Executor,
  filter: { ids?: string[]; activeIn?: Span },
): Promise<MonitorRef[]> {
  const base = () => {
    let q = db
      .selectFrom('monitors')
      .innerJoin('sites', 'sites.id', 'monitors.site_id')
      .select([
        'monitors.id as id',
        'monitors.site_id as site_id',
        'sites.client_id as client_id',
        'monitors.created_at as created_at',
        'monitors.archived_at as archived_at',
      ]);
    const active = filter.activeIn;
    if (active) {
      // Same condition as monitoredSpan: created before the end, not archived before the start.
      q = q
        .where('monitors.created_at', '<', active.endMs)
        .where((eb) =>
          eb.or([eb('monitors.archived_at', 'is', null), eb('monitors.archived_at', '>', active.startMs)]),
        );
    }
    return q;
  };
  const rows = filter.ids
    ? (await Promise.all(chunk(filter.ids).map((ids) => base().where('monitors.id', 'in', ids).execute()))).flat()
    : await base().orderBy('monitors.id').execute();
  return rows.map((r) => ({
    id: r.id,
    siteId: r.site_id,
    clientId: r.client_id,
    createdAt: r.created_at,
    archivedAt: r.archived_at,
    span: monitoredSpan(r),
  }));
}

export type TimeSources = {
  incidents: Map<string, IncidentSpan[]>;
  windows: MaintenanceWindowsTable[];
};

/** Incidents and maintenance windows that can touch [fromMs, toMs) for these monitors. */
export async function loadTimeSources(
  db: Executor,
  refs: MonitorRef[],
  fromMs: number,
  toMs: number,
): Promise<TimeSources> {
  const incidents = new Map<string, IncidentSpan[]>(refs.map((r) => [r.id, []]));
  for (const ids of chunk(refs.map((r) => r.id))) {
    const rows = await db
      .selectFrom('incidents')
      .select(['monitor_id', 'started_at', 'resolved_at'])
      .where('monitor_id', 'in', ids)
      .where('started_at', '<', toMs)
      .where((eb) => eb.or([eb('resolved_at', 'is', null), eb('resolved_at', '>', fromMs)]))
      .execute();
    for (const r of rows) incidents.get(r.monitor_id)?.push({ startedAt: r.started_at, resolvedAt: r.resolved_at });
  }
  const windows: MaintenanceWindowsTable[] = [];
  for (const clientIds of chunk([...new Set(refs.map((r) => r.clientId))])) {
    windows.push(
      ...(await db
        .selectFrom('maintenance_windows')
        .selectAll()
        .where('client_id', 'in', clientIds)
        .where((eb) => eb.or([eb('archived_at', 'is', null), eb('archived_at', '>', fromMs)]))
        .execute()),
    );
  }
  return { incidents, windows };
}

export function maintenanceOf(src: TimeSources, ref: MonitorRef, fromMs: number, toMs: number): Interval[] {
  return windowRowsIntervals(src.windows, { id: ref.siteId, clientId: ref.clientId }, fromMs, toMs);
}

/**
 * Downtime (incident time outside maintenance) and maintenance time of one monitor in
 * [fromMs, toMs); an incident still open runs to toMs, so toMs must not be in the future.
 */
export function timeParts(src: TimeSources, ref: MonitorRef, fromMs: number, toMs: number) {
  const figures = computeUptime(fromMs, toMs, src.incidents.get(ref.id) ?? [], maintenanceOf(src, ref, fromMs, toMs));
  return { downtimeMs: figures.downtimeMs, maintenanceMs: figures.excludedMs };
}
