import { z } from 'zod';
import { notFound } from '../../errors.ts';
import type { IncidentEventsTable, IncidentsTable } from '../../storage/schema.ts';
import { isoOrNull } from '../clients/schemas.ts';
import type { Ctx } from '../context.ts';
import { parseInput } from '../shared/validation.ts';

export const listIncidentsQuerySchema = z.object({
  status: z.enum(['open', 'resolved']).optional(),
  clientId: z.string().max(64).optional(),
  siteId: z.string().max(64).optional(),
  monitorId: z.string().max(64).optional(),
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
};

export const toIncident = (r: IncidentsTable): Incident => ({
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
});

const toEvent = (e: IncidentEventsTable): IncidentEvent => ({
  id: e.id,
  at: new Date(e.at).toISOString(),
  kind: e.kind,
  actorUserId: e.actor_user_id,
  actorLabel: e.actor_label,
  data: JSON.parse(e.data),
});

/** Newest first. */
export async function listIncidents(ctx: Ctx, query: unknown = {}): Promise<Incident[]> {
  const f = parseInput(listIncidentsQuerySchema, query);
  let q = ctx.db.selectFrom('incidents').selectAll();
  if (f.status) q = q.where('status', '=', f.status);
  if (f.clientId) q = q.where('client_id', '=', f.clientId);
  if (f.siteId) q = q.where('site_id', '=', f.siteId);
  if (f.monitorId) q = q.where('monitor_id', '=', f.monitorId);
  const rows = await q.orderBy('started_at', 'desc').orderBy('id').limit(f.limit).execute();
  return rows.map(toIncident);
}

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
  return { ...toIncident(row), events: events.map(toEvent) };
}
