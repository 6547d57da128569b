import type { IncidentSeverity } from '../../storage/schema.ts';
import type { Ctx } from '../context.ts';
import { slaViewsFor } from '../incidents/incident-sla.ts';
import type { SlaMetric } from './policy.ts';

// Open incidents whose SLA clocks need someone now: past the warning threshold, or already over.

/** Open incidents looked at; far more than an agency should ever have open at once. */
const MAX_OPEN = 1000;

export type AtRiskClock = {
  incidentId: string;
  clientId: string;
  clientName: string;
  siteId: string;
  siteName: string;
  severity: IncidentSeverity;
  startedAt: string;
  metric: SlaMetric;
  clock: 'business' | '24x7';
  targetMinutes: number;
  elapsedMinutes: number;
  dueAt: string | null;
  warnAt: string | null;
  percentElapsed: number;
  /** at_risk: past the warning, not yet over the target; overdue: over it and still running. */
  risk: 'at_risk' | 'overdue';
  /** Waiting for the client (or in maintenance): the clock does not run for now. */
  paused: boolean;
};

/** Every running clock of an open incident past its warning time at nowMs, the most urgent first. */
export async function clocksAtRisk(ctx: Ctx, nowMs: number): Promise<AtRiskClock[]> {
  const rows = await ctx.db.selectFrom('incidents').selectAll().where('status', '=', 'open').limit(MAX_OPEN).execute();
  if (rows.length === 0) return [];
  const names = await ctx.db
    .selectFrom('sites')
    .innerJoin('clients', 'clients.id', 'sites.client_id')
    .select(['sites.id as siteId', 'sites.name as siteName', 'clients.name as clientName'])
    .where('sites.id', 'in', [...new Set(rows.map((r) => r.site_id))])
    .execute();
  const views = await slaViewsFor(ctx.db, rows, nowMs);
  const out: AtRiskClock[] = [];
  for (const r of rows) {
    const named = names.find((n) => n.siteId === r.site_id);
    for (const c of views.get(r.id)?.clocks ?? []) {
      if (c.stoppedAt !== null) continue;
      const overdue = c.state === 'breached';
      if (!overdue && (c.warnAt === null || Date.parse(c.warnAt) > nowMs)) continue;
      out.push({
        incidentId: r.id,
        clientId: r.client_id,
        clientName: named?.clientName ?? '',
        siteId: r.site_id,
        siteName: named?.siteName ?? '',
        severity: r.severity,
        startedAt: new Date(r.started_at).toISOString(),
        metric: c.metric,
        clock: c.clock,
        targetMinutes: c.targetMinutes,
        elapsedMinutes: c.elapsedMinutes,
        dueAt: c.dueAt,
        warnAt: c.warnAt,
        percentElapsed: c.percentElapsed,
        risk: overdue ? 'overdue' : 'at_risk',
        paused: c.state === 'paused',
      });
    }
  }
  const due = (c: AtRiskClock) => (c.dueAt === null ? Number.POSITIVE_INFINITY : Date.parse(c.dueAt));
  return out.sort(
    (a, b) => due(a) - due(b) || a.incidentId.localeCompare(b.incidentId) || a.metric.localeCompare(b.metric),
  );
}
