import type { Executor } from '../../storage/schema.ts';
import type { Ctx } from '../context.ts';
import type { SlaRisk } from './incident-sla.ts';
import { getIncident, type Incident, type IncidentEvent, listIncidents } from './read-incidents.ts';

/** What the incident screens show beside the incident: which monitor, site and client it is about. */
export type IncidentSubject = {
  monitorName: string;
  monitorKind: string;
  siteName: string;
  siteUrl: string;
  clientName: string;
  /** The client's zone: SLA due times are shown in it (and in UTC). */
  clientTimeZone: string;
};

export type IncidentRow = Incident & IncidentSubject & { durationMs: number };

async function subjectsOf(db: Executor, monitorIds: string[]): Promise<Map<string, IncidentSubject>> {
  if (monitorIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('monitors')
    .innerJoin('sites', 'sites.id', 'monitors.site_id')
    .innerJoin('clients', 'clients.id', 'sites.client_id')
    .select([
      'monitors.id as id',
      'monitors.name as monitorName',
      'monitors.kind as monitorKind',
      'sites.name as siteName',
      'sites.url as siteUrl',
      'clients.name as clientName',
      'clients.time_zone as clientTimeZone',
    ])
    .where('monitors.id', 'in', [...new Set(monitorIds)])
    .execute();
  return new Map(rows.map(({ id, ...subject }) => [id, subject]));
}

const UNKNOWN: IncidentSubject = {
  monitorName: '?',
  monitorKind: '?',
  siteName: '?',
  siteUrl: '',
  clientName: '?',
  clientTimeZone: 'UTC',
};

/** Open incidents first (all of them, newest first), then the most recent resolved ones. */
export async function listIncidentRows(
  ctx: Ctx,
  filter: { status?: 'open' | 'resolved'; clientId?: string; resolvedLimit?: number; sla?: SlaRisk } = {},
): Promise<IncidentRow[]> {
  const scope = { ...(filter.clientId && { clientId: filter.clientId }), ...(filter.sla && { sla: filter.sla }) };
  const open = filter.status === 'resolved' ? [] : await listIncidents(ctx, { ...scope, status: 'open', limit: 500 });
  const resolved =
    filter.status === 'open'
      ? []
      : await listIncidents(ctx, { ...scope, status: 'resolved', limit: filter.resolvedLimit ?? 50 });
  const incidents = [...open, ...resolved];
  const subjects = await subjectsOf(
    ctx.db,
    incidents.map((i) => i.monitorId),
  );
  const nowMs = ctx.clock.now();
  return incidents.map((i) => ({
    ...i,
    ...(subjects.get(i.monitorId) ?? UNKNOWN),
    durationMs: (i.resolvedAt ? Date.parse(i.resolvedAt) : nowMs) - Date.parse(i.startedAt),
  }));
}

export type IncidentDetail = Incident &
  IncidentSubject & {
    durationMs: number;
    events: IncidentEvent[];
    /** Display names of the people in the timeline (and who acknowledged), by user id. */
    userNames: Record<string, string>;
  };

export async function readIncidentDetail(ctx: Ctx, id: string): Promise<IncidentDetail> {
  const incident = await getIncident(ctx, id);
  const subject = (await subjectsOf(ctx.db, [incident.monitorId])).get(incident.monitorId) ?? UNKNOWN;
  const userIds = [
    ...new Set([incident.acknowledgedBy, ...incident.events.map((e) => e.actorUserId)].filter((u): u is string => !!u)),
  ];
  const users =
    userIds.length === 0
      ? []
      : await ctx.db.selectFrom('users').select(['id', 'name']).where('id', 'in', userIds).execute();
  const endMs = incident.resolvedAt ? Date.parse(incident.resolvedAt) : ctx.clock.now();
  return {
    ...incident,
    ...subject,
    durationMs: endMs - Date.parse(incident.startedAt),
    userNames: Object.fromEntries(users.map((u) => [u.id, u.name])),
  };
}
