import { z } from 'zod';
import { getAgencySettings } from '../agency/settings.ts';
import type { Actor, Ctx } from '../context.ts';
import type { CurrencyAmount } from '../contracts/summarize-contracts.ts';
import { parseInput } from '../shared/validation.ts';
import { monthlyCompliance } from './compliance.ts';
import { checkReportableMonth, currentMonth, monthSchema, shiftMonth } from './compliance-month.ts';
import type { ClientCompliance, MetricCompliance } from './compliance-types.ts';
import { type AtRiskClock, clocksAtRisk } from './sla-at-risk.ts';

// The SLA board: across clients, what is at risk now, what was breached this month and what is owed.

export const boardQuerySchema = z.object({ month: monthSchema.optional() }).strict();

export type BoardClient = {
  clientId: string;
  clientName: string;
  planName: string | null;
  /** The site with the lowest uptime (the one credits are computed on). */
  lowestSiteId: string | null;
  lowestSiteName: string | null;
  lowestUptimePercent: string | null;
  uptimeCommitmentPercent: string | null;
  keepsCommitment: boolean | null;
  incidents: number;
  firstResponse: MetricCompliance;
  resolution: MetricCompliance;
  creditBp: number;
  creditDue: CurrencyAmount[];
};

export type SlaBoard = {
  month: string;
  previousMonth: string;
  /** Null when the next month has not started yet. */
  nextMonth: string | null;
  complete: boolean;
  summary: {
    /** Open incidents with a clock past its warning threshold, not yet over. */
    atRiskNow: number;
    /** Open incidents with a clock already over its target. */
    overdueNow: number;
    /** Incidents that started in the month with at least one breached clock. */
    breachedThisMonth: number;
    /** Per currency, credits above zero only. */
    creditsDue: CurrencyAmount[];
  };
  clients: BoardClient[];
  atRisk: AtRiskClock[];
};

/** The month defaults to the current one in the agency's zone. */
export async function readSlaBoard(ctx: Ctx, actor: Actor, input: unknown = {}): Promise<SlaBoard> {
  const query = parseInput(boardQuerySchema, input);
  const nowMs = ctx.clock.now();
  const month = query.month ?? currentMonth(nowMs, (await getAgencySettings(ctx)).timeZone);
  const compliance = await monthlyCompliance(ctx, actor, { month });
  const atRisk = await clocksAtRisk(ctx, nowMs);
  const clients = compliance.clients.map(boardClient);
  const next = shiftMonth(month, 1);
  return {
    month,
    previousMonth: shiftMonth(month, -1),
    nextMonth: isReportable(next, nowMs) ? next : null,
    complete: compliance.clients.every((c) => c.complete),
    summary: {
      atRiskNow: distinctIncidents(atRisk.filter((c) => c.risk === 'at_risk')),
      overdueNow: distinctIncidents(atRisk.filter((c) => c.risk === 'overdue')),
      breachedThisMonth: compliance.clients
        .flatMap((c) => c.incidents)
        .filter((i) => i.clocks.some((k) => k.state === 'breached')).length,
      creditsDue: sumByCurrency(clients.flatMap((c) => c.creditDue)),
    },
    clients,
    atRisk,
  };
}

function boardClient(c: ClientCompliance): BoardClient {
  const lowest = c.sites.find((s) => s.siteId === c.credit?.siteId) ?? lowestShown(c);
  return {
    clientId: c.clientId,
    clientName: c.clientName,
    planName: c.contract?.planName ?? null,
    lowestSiteId: lowest?.siteId ?? null,
    lowestSiteName: lowest?.name ?? null,
    lowestUptimePercent: lowest?.uptimePercent ?? null,
    uptimeCommitmentPercent: c.policy?.uptimeCommitmentPercent ?? null,
    keepsCommitment: lowest?.keepsCommitment ?? null,
    incidents: c.incidents.length,
    firstResponse: c.firstResponse,
    resolution: c.resolution,
    creditBp: c.credit?.creditBp ?? 0,
    creditDue: (c.credit?.amounts ?? []).filter((a) => a.amountMinor > 0),
  };
}

/** Without a commitment there is no credit site; the lowest uptime is still worth showing. */
function lowestShown(c: ClientCompliance) {
  const measured = c.sites.filter((s) => s.uptimeRatio !== null);
  return measured.sort((a, b) => (a.uptimeRatio ?? 0) - (b.uptimeRatio ?? 0))[0] ?? null;
}

function isReportable(month: string, nowMs: number): boolean {
  try {
    checkReportableMonth(month, nowMs);
    return true;
  } catch {
    return false;
  }
}

const distinctIncidents = (clocks: AtRiskClock[]) => new Set(clocks.map((c) => c.incidentId)).size;

function sumByCurrency(amounts: CurrencyAmount[]): CurrencyAmount[] {
  const totals = new Map<string, number>();
  for (const a of amounts) totals.set(a.currency, (totals.get(a.currency) ?? 0) + a.amountMinor);
  return [...totals]
    .map(([currency, amountMinor]) => ({ currency, amountMinor }))
    .sort((a, b) => a.currency.localeCompare(b.currency));
}
