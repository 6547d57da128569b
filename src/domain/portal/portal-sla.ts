import { type Ctx, systemActor } from '../context.ts';
import { parseInput } from '../shared/validation.ts';
import { monthlyCompliance } from '../sla/compliance.ts';
import { checkReportableMonth, currentMonth, monthSchema, shiftMonth } from '../sla/compliance-month.ts';
import { type PortalScope, scopedTimeZone } from './portal-scope.ts';

export type PortalSiteSla = {
  siteId: string;
  name: string;
  uptimeRatio: number | null;
  downtimeMinutes: number;
  maintenanceMinutes: number;
  incidents: number;
  keepsCommitment: boolean | null;
};

export type PortalMetricSla = { met: number; breached: number; open: number; withinTargetRatio: number | null };

export type PortalMonthSla = {
  month: string;
  complete: boolean;
  policyName: string | null;
  /** "99.9": the commitment as the policy writes it; null without one. */
  uptimeCommitmentPercent: string | null;
  sites: PortalSiteSla[];
  firstResponse: PortalMetricSla;
  resolution: PortalMetricSla;
  incidents: Array<{ id: string; siteId: string; startedAt: string; breached: boolean; met: boolean }>;
  /** Credit owed for the month in basis points of the fee (0 when kept); null without a commitment. */
  creditBp: number | null;
};

const metric = (m: PortalMetricSla) => ({
  met: m.met,
  breached: m.breached,
  open: m.open,
  withinTargetRatio: m.withinTargetRatio,
});

/**
 * The client's SLA compliance for a month (default: the current one, in the client's zone).
 * monthlyCompliance lets anyone signed in read every client; here it is called with the portal's
 * own client id only, as the system, and reduced to what the client may see (no URLs, no monitor ids).
 */
export async function portalMonthSla(ctx: Ctx, scope: PortalScope, month?: string): Promise<PortalMonthSla> {
  const zone = await scopedTimeZone(ctx.db, scope);
  const wanted = month ? parseInput(monthSchema, month) : currentMonth(ctx.clock.now(), zone);
  checkReportableMonth(wanted, ctx.clock.now());
  const report = await monthlyCompliance(ctx, systemActor, { month: wanted, clientId: scope.clientId });
  const c = report.clients.find((x) => x.clientId === scope.clientId);
  const empty = { met: 0, breached: 0, open: 0, withinTargetRatio: null };
  return {
    month: wanted,
    complete: c?.complete ?? false,
    policyName: c?.policy?.name ?? null,
    uptimeCommitmentPercent: c?.policy?.uptimeCommitmentPercent ?? null,
    sites: (c?.sites ?? []).map((s) => ({
      siteId: s.siteId,
      name: s.name,
      uptimeRatio: s.uptimeRatio,
      downtimeMinutes: s.downtimeMinutes,
      maintenanceMinutes: s.excludedMinutes,
      incidents: s.incidents,
      keepsCommitment: s.keepsCommitment,
    })),
    firstResponse: c ? metric(c.firstResponse) : empty,
    resolution: c ? metric(c.resolution) : empty,
    incidents: (c?.incidents ?? []).map((i) => ({
      id: i.id,
      siteId: i.siteId,
      startedAt: i.startedAt,
      breached: i.clocks.some((k) => k.state === 'breached'),
      met: i.clocks.length > 0 && i.clocks.every((k) => k.state === 'met'),
    })),
    creditBp: c?.credit ? c.credit.creditBp : null,
  };
}

/** The months the portal offers: this one and the one before, in the client's zone. */
export async function portalSlaMonths(ctx: Ctx, scope: PortalScope): Promise<string[]> {
  const zone = await scopedTimeZone(ctx.db, scope);
  const now = currentMonth(ctx.clock.now(), zone);
  return [now, shiftMonth(now, -1)];
}
