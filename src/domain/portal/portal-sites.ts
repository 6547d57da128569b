import type { Executor, MaintenanceWindowsTable, SitesTable } from '../../storage/schema.ts';
import type { Ctx } from '../context.ts';
import { isInMaintenance } from '../monitoring/maintenance-intervals.ts';
import { toRule } from '../monitoring/maintenance-windows.ts';
import { monitorsUptime } from '../monitoring/monitor-stats.ts';
import { localDate } from '../shared/time.ts';
import { loadHourLatency } from '../statuspage/public-latency.ts';
import type { TargetMonitor } from '../statuspage/public-sources.ts';
import { componentStatus } from '../statuspage/public-state.ts';
import type { ComponentStatus } from '../statuspage/public-types.ts';
import { type PortalScope, scopedSite, scopedSites, scopedTimeZone } from './portal-scope.ts';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

export type SiteUptime = { uptime24h: number | null; uptime30d: number | null; uptime90d: number | null };

/** What a contact sees of a site: its name, status and uptime. No URLs or monitor details (as on status pages). */
export type PortalSite = { id: string; name: string; status: ComponentStatus } & SiteUptime;

export type DailyResponse = { date: string; averageMs: number | null };

/**
 * The availability monitors of the sites (HTTP, TCP, DNS, TLS), like a status page: heartbeats
 * watch internal jobs. Archived monitors are kept for the history of uptime.
 */
async function loadMonitors(db: Executor, siteIds: string[]): Promise<TargetMonitor[]> {
  if (siteIds.length === 0) return [];
  const rows = await db
    .selectFrom('monitors')
    .select(['id', 'site_id', 'kind', 'status', 'enabled', 'created_at', 'archived_at'])
    .where('site_id', 'in', siteIds)
    .where('kind', '!=', 'heartbeat')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    siteId: r.site_id,
    kind: r.kind,
    status: r.status,
    enabled: r.enabled === 1,
    createdAt: r.created_at,
    archivedAt: r.archived_at,
  }));
}

async function openIncidentMonitors(db: Executor, scope: PortalScope): Promise<Set<string>> {
  const rows = await db
    .selectFrom('incidents')
    .select('monitor_id')
    .where('client_id', '=', scope.clientId)
    .where('status', '=', 'open')
    .execute();
  return new Set(rows.map((r) => r.monitor_id));
}

/** The client's windows (live or archived after fromMs). */
export async function clientWindows(db: Executor, scope: PortalScope, fromMs: number) {
  return db
    .selectFrom('maintenance_windows')
    .selectAll()
    .where('client_id', '=', scope.clientId)
    .where((eb) => eb.or([eb('archived_at', 'is', null), eb('archived_at', '>', fromMs)]))
    .execute();
}

const appliesTo = (w: MaintenanceWindowsTable, siteId: string) => w.site_id === null || w.site_id === siteId;

/**
 * A site's uptime is that of its worst availability monitor over each window: the site is only as
 * available as the weakest thing checked about it (monitorsUptime: incidents, maintenance excluded).
 */
async function uptimeBySite(ctx: Ctx, monitors: TargetMonitor[]): Promise<Map<string, SiteUptime>> {
  const nowMs = ctx.clock.now();
  const windows = [DAY_MS, 30 * DAY_MS, 90 * DAY_MS].map((ms) => ({ fromMs: nowMs - ms, toMs: nowMs }));
  const reports = await monitorsUptime(
    ctx,
    monitors.map((m) => m.id),
    windows,
  );
  const out = new Map<string, SiteUptime>();
  const worst = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : Math.min(a, b));
  for (const m of monitors) {
    const [d1, d30, d90] = reports.get(m.id) ?? [];
    const prev = out.get(m.siteId) ?? { uptime24h: null, uptime30d: null, uptime90d: null };
    out.set(m.siteId, {
      uptime24h: worst(prev.uptime24h, d1?.uptimeRatio ?? null),
      uptime30d: worst(prev.uptime30d, d30?.uptimeRatio ?? null),
      uptime90d: worst(prev.uptime90d, d90?.uptimeRatio ?? null),
    });
  }
  return out;
}

async function describeSites(ctx: Ctx, scope: PortalScope, sites: SitesTable[]): Promise<PortalSite[]> {
  const nowMs = ctx.clock.now();
  const monitors = await loadMonitors(
    ctx.db,
    sites.map((s) => s.id),
  );
  const [open, windows, uptime] = await Promise.all([
    openIncidentMonitors(ctx.db, scope),
    clientWindows(ctx.db, scope, nowMs),
    uptimeBySite(ctx, monitors),
  ]);
  return sites.map((s) => {
    const rules = windows.filter((w) => w.archived_at === null && appliesTo(w, s.id)).map(toRule);
    const status = componentStatus(
      monitors.filter((m) => m.siteId === s.id),
      open,
      isInMaintenance(rules, nowMs),
    );
    const u = uptime.get(s.id) ?? { uptime24h: null, uptime30d: null, uptime90d: null };
    return { id: s.id, name: s.name, status, ...u };
  });
}

/** Every live site of the client with its status now and its uptime over 24 h, 30 and 90 days. */
export async function listPortalSites(ctx: Ctx, scope: PortalScope): Promise<PortalSite[]> {
  return describeSites(ctx, scope, await scopedSites(ctx.db, scope));
}

/** One of the client's sites (another client's id: not found) with 30 days of daily response times. */
export async function getPortalSite(ctx: Ctx, scope: PortalScope, siteId: string) {
  const site = await scopedSite(ctx.db, scope, siteId);
  const [described] = await describeSites(ctx, scope, [site]);
  const timeZone = await scopedTimeZone(ctx.db, scope);
  const monitors = await loadMonitors(ctx.db, [site.id]);
  const responseDays = await dailyResponse(
    ctx.db,
    monitors.map((m) => m.id),
    ctx.clock.now(),
    timeZone,
  );
  return { site: described as PortalSite, responseDays };
}

/** Average response time per local day over the last 30 days (answered checks only), oldest first. */
async function dailyResponse(db: Executor, monitorIds: string[], nowMs: number, timeZone: string) {
  const days: string[] = [];
  for (let i = 29; i >= 0; i -= 1) days.push(localDate(nowMs - i * DAY_MS, timeZone));
  const byDay = new Map<string, { count: number; sumMs: number }>();
  const hours = await loadHourLatency(db, monitorIds, nowMs - 30 * DAY_MS, nowMs);
  for (const list of hours.values()) {
    for (const h of list) {
      const day = localDate(h.hourMs, timeZone);
      const acc = byDay.get(day) ?? { count: 0, sumMs: 0 };
      acc.count += h.count;
      acc.sumMs += h.sumMs;
      byDay.set(day, acc);
    }
  }
  return [...new Set(days)].map((date): DailyResponse => {
    const acc = byDay.get(date);
    return { date, averageMs: acc && acc.count > 0 ? Math.round(acc.sumMs / acc.count) : null };
  });
}
