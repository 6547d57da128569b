import { z } from 'zod';
import type { IncidentsTable, PublicIncidentStatus } from '../../storage/schema.ts';
import type { Ctx } from '../context.ts';
import { chunk } from '../monitoring/rollups-sources.ts';
import { parseInput } from '../shared/validation.ts';
import type { SlaClock } from '../sla/incident-clocks.ts';
import { slaForIncidents } from '../sla/load-sla.ts';
import { type PortalScope, scopedIncident, scopedSite } from './portal-scope.ts';

/**
 * The steps of an incident a client may see. Everything else on the staff timeline stays
 * internal: notes, alert deliveries, SLA warnings, severity changes and the monitor's error text.
 */
export const PORTAL_EVENT_KINDS = ['opened', 'reopened', 'acknowledged', 'paused', 'resumed', 'resolved'] as const;
export type PortalEventKind = (typeof PORTAL_EVENT_KINDS)[number];

export type PortalTimelineEntry =
  | { kind: PortalEventKind; at: number }
  | { kind: 'update'; at: number; status: PublicIncidentStatus; message: string };

export type PortalClock = Pick<SlaClock, 'metric' | 'targetMinutes' | 'clock' | 'state' | 'met'> & {
  dueAt: number | null;
  stoppedAt: number | null;
  elapsedMinutes: number;
};

export type PortalIncident = {
  id: string;
  siteId: string;
  siteName: string;
  title: string | null;
  severity: IncidentsTable['severity'];
  status: 'open' | 'resolved';
  waitingForClient: boolean;
  startedAt: number;
  detectedAt: number;
  acknowledgedAt: number | null;
  resolvedAt: number | null;
  sla: { policyName: string; clocks: PortalClock[] } | null;
};

const listQuerySchema = z
  .object({
    siteId: z.string().min(1).max(64).optional(),
    status: z.enum(['open', 'resolved', 'all']).default('all'),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();

function toClock(c: SlaClock): PortalClock {
  return {
    metric: c.metric,
    targetMinutes: c.targetMinutes,
    clock: c.clock,
    state: c.state,
    met: c.met,
    dueAt: c.dueAt,
    stoppedAt: c.stoppedAt,
    elapsedMinutes: Math.floor(c.elapsedMs / 60_000),
  };
}

async function describe(ctx: Ctx, rows: IncidentsTable[]): Promise<PortalIncident[]> {
  if (rows.length === 0) return [];
  const slas = await slaForIncidents(ctx.db, rows, ctx.clock.now());
  const siteIds = [...new Set(rows.map((r) => r.site_id))];
  const sites = await ctx.db.selectFrom('sites').select(['id', 'name']).where('id', 'in', siteIds).execute();
  const titles = new Map<string, string>();
  for (const ids of chunk(rows.map((r) => r.id))) {
    const named = await ctx.db
      .selectFrom('incident_public')
      .select(['incident_id', 'title'])
      .where('incident_id', 'in', ids)
      .execute();
    for (const n of named) titles.set(n.incident_id, n.title);
  }
  return rows.map((r) => {
    const sla = slas.get(r.id);
    return {
      id: r.id,
      siteId: r.site_id,
      siteName: sites.find((s) => s.id === r.site_id)?.name ?? '',
      title: titles.get(r.id) ?? null,
      severity: r.severity,
      status: r.status,
      waitingForClient: r.paused_at !== null,
      startedAt: r.started_at,
      detectedAt: r.detected_at,
      acknowledgedAt: r.acknowledged_at,
      resolvedAt: r.resolved_at,
      sla: sla?.policy ? { policyName: sla.policy.name, clocks: sla.clocks.map(toClock) } : null,
    };
  });
}

/** The client's incidents, newest first (optionally of one of their sites, or only open ones). */
export async function listPortalIncidents(ctx: Ctx, scope: PortalScope, query: unknown = {}) {
  const q = parseInput(listQuerySchema, query);
  if (q.siteId) await scopedSite(ctx.db, scope, q.siteId);
  let sel = ctx.db.selectFrom('incidents').selectAll().where('client_id', '=', scope.clientId);
  if (q.siteId) sel = sel.where('site_id', '=', q.siteId);
  if (q.status !== 'all') sel = sel.where('status', '=', q.status);
  const rows = await sel.orderBy('started_at', 'desc').orderBy('id').limit(q.limit).execute();
  return describe(ctx, rows);
}

/** One incident of the client with its people-facing timeline (oldest first) and SLA clocks. */
export async function getPortalIncident(ctx: Ctx, scope: PortalScope, incidentId: string) {
  const row = await scopedIncident(ctx.db, scope, incidentId);
  const [incident] = await describe(ctx, [row]);
  const events = await ctx.db
    .selectFrom('incident_events')
    .select(['kind', 'at'])
    .where('incident_id', '=', row.id)
    .where('kind', 'in', [...PORTAL_EVENT_KINDS])
    .orderBy('at')
    .orderBy('id')
    .execute();
  const updates = await ctx.db
    .selectFrom('incident_updates')
    .select(['status', 'message', 'posted_at'])
    .where('incident_id', '=', row.id)
    .orderBy('posted_at')
    .orderBy('id')
    .execute();
  const timeline: PortalTimelineEntry[] = [
    ...events.map((e) => ({ kind: e.kind as PortalEventKind, at: e.at })),
    ...updates.map((u) => ({ kind: 'update' as const, at: u.posted_at, status: u.status, message: u.message })),
  ].sort((a, b) => a.at - b.at);
  return { incident: incident as PortalIncident, timeline };
}
