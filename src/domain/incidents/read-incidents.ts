import type { SelectQueryBuilder } from 'kysely';
import { z } from 'zod';
import { notFound } from '../../errors.ts';
import type { Database, IncidentEventsTable, IncidentsTable } from '../../storage/schema.ts';
import { isoOrNull } from '../clients/schemas.ts';
import type { Ctx } from '../context.ts';
import { parseInput } from '../shared/validation.ts';
import { type IncidentSlaView, type SlaRisk, slaRiskOf, slaViewsFor } from './incident-sla.ts';

export const listIncidentsQuerySchema = z.object({
  status: z.enum(['open', 'resolved']).optional(),
  clientId: z.string().max(64).optional(),
  siteId: z.string().max(64).optional(),
  monitorId: z.string().max(64).optional(),
  sla: z.enum(['at_risk', 'breached']).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export type IncidentEvent = {
  id: string;
  at: string;
  kind: string;
  actorUserId: string | null;
  actorLabel: string;
  data: Record<string, unknown>;
};

export type Incident = {
  id: string;
  monitorId: string;
  siteId: string;
  clientId: string;
  status: IncidentsTable['status'];
  startedAt: string;
  detectedAt: string;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
  resolvedAt: string | null;
  causeErrorClass: string | null;
  causeMessage: string | null;
  reopenCount: number;
  severity: IncidentsTable['severity'];
  /** Waiting for the client since then (SLA clocks paused); null when not paused. */
  pausedAt: string | null;
  sla: IncidentSlaView;
};

export const toIncident = (r: IncidentsTable, sla: IncidentSlaView): Incident => ({
  id: r.id,
  monitorId: r.monitor_id,
  siteId: r.site_id,
  clientId: r.client_id,
  status: r.status,
  startedAt: new Date(r.started_at).toISOString(),
  detectedAt: new Date(r.detected_at).toISOString(),
  acknowledgedAt: isoOrNull(r.acknowledged_at),
  acknowledgedBy: r.acknowledged_by,
  resolvedAt: isoOrNull(r.resolved_at),
  causeErrorClass: r.cause_error_class,
  causeMessage: r.cause_message,
  reopenCount: r.reopen_count,
  severity: r.severity,
  pausedAt: isoOrNull(r.paused_at),
  sla,
});

const toEvent = (e: IncidentEventsTable): IncidentEvent => ({
  id: e.id,
  at: new Date(e.at).toISOString(),
  kind: e.kind,
  actorUserId: e.actor_user_id,
  actorLabel: e.actor_label,
  data: JSON.parse(e.data),
});

/** Rows scanned per query when filtering by SLA state, which is computed, not stored. */
const SLA_SCAN_BATCH = 500;

/** Newest first. With `sla`, only incidents whose clocks are at risk or breached (computed now). */
export async function listIncidents(ctx: Ctx, query: unknown = {}): Promise<Incident[]> {
  const f = parseInput(listIncidentsQuerySchema, query);
  // Only a running clock can be at risk: resolved incidents never are.
  if (f.sla === 'at_risk' && f.status === 'resolved') return [];
  const status = f.sla === 'at_risk' ? 'open' : f.status;
  let q = ctx.db.selectFrom('incidents').selectAll();
  if (status) q = q.where('status', '=', status);
  if (f.clientId) q = q.where('client_id', '=', f.clientId);
  if (f.siteId) q = q.where('site_id', '=', f.siteId);
  if (f.monitorId) q = q.where('monitor_id', '=', f.monitorId);
  q = q.orderBy('started_at', 'desc').orderBy('id');
  const nowMs = ctx.clock.now();
  if (!f.sla) {
    const rows = await q.limit(f.limit).execute();
    const slas = await slaViewsFor(ctx.db, rows, nowMs);
    return rows.map((r) => toIncident(r, slaOf(slas, r.id)));
  }
  return scanBySla(ctx, q, f.sla, f.limit, nowMs);
}

async function scanBySla(
  ctx: Ctx,
  q: SelectQueryBuilder<Database, 'incidents', IncidentsTable>,
  risk: SlaRisk,
  limit: number,
  nowMs: number,
): Promise<Incident[]> {
  const found: Incident[] = [];
  for (let offset = 0; found.length < limit; offset += SLA_SCAN_BATCH) {
    const rows = await q.limit(SLA_SCAN_BATCH).offset(offset).execute();
    const slas = await slaViewsFor(ctx.db, rows, nowMs);
    for (const r of rows) {
      const sla = slaOf(slas, r.id);
      if (slaRiskOf(sla, nowMs) === risk && found.length < limit) found.push(toIncident(r, sla));
    }
    if (rows.length < SLA_SCAN_BATCH) break;
  }
  return found;
}

const slaOf = (slas: Map<string, IncidentSlaView>, id: string): IncidentSlaView =>
  slas.get(id) ?? { policy: null, clocks: [] };

export async function getIncident(ctx: Ctx, id: string): Promise<Incident & { events: IncidentEvent[] }> {
  const row = await ctx.db.selectFrom('incidents').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Incident');
  const events = await ctx.db
    .selectFrom('incident_events')
    .selectAll()
    .where('incident_id', '=', id)
    .orderBy('at')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const slas = await slaViewsFor(ctx.db, [row], ctx.clock.now());
  return { ...toIncident(row, slaOf(slas, row.id)), events: events.map(toEvent) };
}

export type IncidentSlaReport = IncidentSlaView & {
  incidentId: string;
  /** The clocks are as of this instant (a running clock moves on). */
  computedAt: string;
  severity: IncidentsTable['severity'];
  pausedAt: string | null;
};

export async function getIncidentSla(ctx: Ctx, id: string): Promise<IncidentSlaReport> {
  const row = await ctx.db.selectFrom('incidents').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Incident');
  const nowMs = ctx.clock.now();
  const sla = slaOf(await slaViewsFor(ctx.db, [row], nowMs), row.id);
  return {
    incidentId: row.id,
    computedAt: new Date(nowMs).toISOString(),
    severity: row.severity,
    pausedAt: isoOrNull(row.paused_at),
    ...sla,
  };
}
