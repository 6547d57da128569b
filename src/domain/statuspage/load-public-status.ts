import type { Ctx } from '../context.ts';
import { windowRowsIntervals } from '../monitoring/maintenance-windows.ts';
import { ceilHour, floorHour } from '../monitoring/rollups-time.ts';
import { buildDays, type ComponentTimeline, dayIndexOf, type LocalDay, localDays, rangeUptime } from './public-days.ts';
import { buildPublicIncidents } from './public-incidents.ts';
import { loadHourLatency } from './public-latency.ts';
import { buildPublicMaintenance } from './public-maintenance.ts';
import { findServablePage, toPublicPage } from './public-page.ts';
import {
  type IncidentRow,
  loadIncidents,
  loadIncidentTexts,
  loadVisibleComponents,
  loadWindows,
  type VisibleComponent,
} from './public-sources.ts';
import { componentStatus, overallStatus } from './public-state.ts';
import type { PublicComponent, PublicPageKey, PublicStatus } from './public-types.ts';

export const PUBLIC_DAYS = 90;

/**
 * Everything a public status page shows, computed in a fixed number of queries (page, plan,
 * components, monitors, incidents, updates, windows, latency), whatever the number of days.
 * Undefined when no published page answers to the key (or the client's plan no longer has one).
 */
export async function loadPublicStatus(ctx: Ctx, key: PublicPageKey, nowMs: number): Promise<PublicStatus | undefined> {
  const servable = await findServablePage(ctx.db, key);
  if (!servable) return undefined;
  const { row } = servable;
  const days = localDays(nowMs, row.time_zone, PUBLIC_DAYS);
  const fromMs = (days[0] as LocalDay).startMs;
  const components = await loadVisibleComponents(ctx.db, row);
  const monitorIds = [...new Set(components.flatMap((c) => c.monitors.map((m) => m.id)))];
  const incidents = await loadIncidents(ctx.db, monitorIds, fromMs, nowMs + 1);
  const texts = await loadIncidentTexts(
    ctx.db,
    incidents.map((i) => i.id),
  );
  const windows = await loadWindows(ctx.db, row.client_id, fromMs);
  const latencyMonitors = components.flatMap(latencyMonitorIds);
  const latency = await loadHourLatency(ctx.db, [...new Set(latencyMonitors)], fromMs, nowMs);
  const openIds = new Set(incidents.filter((i) => i.resolvedAt === null).map((i) => i.monitorId));

  const publicComponents: PublicComponent[] = components.map((c) => {
    const site = { id: c.siteId, clientId: row.client_id };
    const timeline = componentTimeline(c, incidents, nowMs);
    timeline.maintenance = windowRowsIntervals(windows, site, fromMs, nowMs);
    timeline.latency = dailyLatency(days, latencyMonitorIds(c), latency);
    timeline.answersChecks = c.monitors.some((m) => m.kind !== 'heartbeat');
    const inMaintenance = windowRowsIntervals(windows, site, nowMs, nowMs + 1).length > 0;
    return {
      id: c.id,
      name: c.name,
      group: c.group,
      status: componentStatus(c.monitors, openIds, inMaintenance),
      uptimeRatio: rangeUptime(days, nowMs, timeline),
      days: buildDays(days, nowMs, timeline),
    };
  });
  const { active, past } = buildPublicIncidents(components, incidents, texts, fromMs);
  return {
    page: toPublicPage(servable),
    generatedAt: nowMs,
    fromMs,
    dayCount: days.length,
    overall: overallStatus(publicComponents.map((c) => c.status)),
    components: publicComponents,
    activeIncidents: active,
    pastIncidents: past,
    maintenance: buildPublicMaintenance(windows, components, nowMs),
  };
}

/** Measured from the hour the first monitor was created to now, or to the hour the last one was archived. */
function componentTimeline(c: VisibleComponent, incidents: IncidentRow[], nowMs: number): ComponentTimeline {
  const ids = new Set(c.monitors.map((m) => m.id));
  const live = c.monitors.some((m) => m.archivedAt === null);
  const created = c.monitors.map((m) => m.createdAt);
  const archived = c.monitors.map((m) => m.archivedAt ?? nowMs);
  return {
    measuredFromMs: created.length > 0 ? floorHour(Math.min(...created)) : nowMs,
    measuredToMs: live ? nowMs : archived.length > 0 ? ceilHour(Math.max(...archived)) : nowMs,
    incidents: incidents.filter((i) => ids.has(i.monitorId)),
    maintenance: [],
    latency: new Map(),
  };
}

/** Response time of a site is its web pages' (HTTP monitors), else its other availability checks'. */
function latencyMonitorIds(c: VisibleComponent): string[] {
  const http = c.monitors.filter((m) => m.kind === 'http');
  return (http.length > 0 ? http : c.monitors).map((m) => m.id);
}

function dailyLatency(
  days: LocalDay[],
  monitorIds: string[],
  latency: Map<string, Array<{ hourMs: number; count: number; sumMs: number }>>,
) {
  const out = new Map<number, { count: number; sumMs: number }>();
  for (const id of monitorIds) {
    for (const h of latency.get(id) ?? []) {
      const i = dayIndexOf(days, h.hourMs);
      if (i < 0 || h.count === 0) continue;
      const sums = out.get(i) ?? { count: 0, sumMs: 0 };
      sums.count += h.count;
      sums.sumMs += h.sumMs;
      out.set(i, sums);
    }
  }
  return out;
}
