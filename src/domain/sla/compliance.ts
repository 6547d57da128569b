import { z } from 'zod';
import type { Executor, IncidentsTable } from '../../storage/schema.ts';
import type { Actor, Ctx } from '../context.ts';
import { contractMrr } from '../contracts/summarize-contracts.ts';
import { type SlaClockView, toClockView } from '../incidents/incident-sla.ts';
import { windowRowsIntervals } from '../monitoring/maintenance-windows.ts';
import { computeUptime } from '../monitoring/uptime.ts';
import { parseInput } from '../shared/validation.ts';
import {
  commitmentPercentText,
  keepsCommitment,
  type Measured,
  monthCredit,
  uptimePercentText,
} from './compliance-credit.ts';
import { type ClientSources, loadComplianceSources } from './compliance-load.ts';
import { checkReportableMonth, measuredSpan, monthSchema } from './compliance-month.ts';
import type {
  ClientCompliance,
  IncidentCompliance,
  MetricCompliance,
  MonthlyCompliance,
  SiteCompliance,
} from './compliance-types.ts';
import { type IncidentSla, slaForIncidents } from './load-sla.ts';

export type * from './compliance-types.ts';

export const complianceQuerySchema = z
  .object({ month: monthSchema, clientId: z.string().min(1).max(64).optional() })
  .strict();

const iso = (ms: number) => new Date(ms).toISOString();
const isoOrNull = (ms: number | null) => (ms === null ? null : iso(ms));
const minutes1 = (ms: number) => Math.round(ms / 6_000) / 10;

/**
 * The month's SLA compliance per client (all clients with sites, or one): uptime per site,
 * incidents that started in the month with their clocks, % within target, and the service credit.
 * Anyone signed in may read it. A past month depends only on stored history (see MonthFrame).
 */
export async function monthlyCompliance(ctx: Ctx, _actor: Actor, input: unknown): Promise<MonthlyCompliance> {
  const query = parseInput(complianceQuerySchema, input);
  const nowMs = ctx.clock.now();
  checkReportableMonth(query.month, nowMs);
  const sources = await loadComplianceSources(ctx.db, query.month, nowMs, query.clientId);
  const listed = query.clientId ? sources : sources.filter((s) => s.sites.length > 0);
  const clocks = await clocksOfMonth(ctx.db, listed);
  const clients = listed.map((s) => clientCompliance(s, clocks));
  clients.sort((a, b) => a.clientName.localeCompare(b.clientName) || a.clientId.localeCompare(b.clientId));
  return { month: query.month, clients };
}

const startedInMonth = (s: ClientSources) =>
  s.incidents.filter((i) => i.started_at >= s.frame.fromMs && i.started_at < s.frame.toMs);

/** Clocks read at each client's "as of" instant; clients sharing one are loaded together. */
async function clocksOfMonth(db: Executor, sources: ClientSources[]): Promise<Map<string, IncidentSla>> {
  const byAsOf = new Map<number, IncidentsTable[]>();
  for (const s of sources) {
    const list = byAsOf.get(s.frame.asOfMs) ?? [];
    list.push(...startedInMonth(s));
    byAsOf.set(s.frame.asOfMs, list);
  }
  const out = new Map<string, IncidentSla>();
  for (const [asOfMs, incidents] of byAsOf) {
    if (incidents.length === 0) continue;
    for (const [id, sla] of await slaForIncidents(db, incidents, asOfMs)) out.set(id, sla);
  }
  return out;
}

function clientCompliance(s: ClientSources, clocks: Map<string, IncidentSla>): ClientCompliance {
  const { client, frame, contract, policy } = s;
  const trial = contract !== null && (contract.status === 'trial' || contract.trialEndsOn !== null);
  const fee = contract ? contractMrr(contract).map((a) => ({ ...a, amountMinor: trial ? 0 : a.amountMinor })) : [];
  const measuredBySite = new Map<string, Measured | null>();
  const sites = [...s.sites]
    .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id))
    .map((site) => {
      const { view, measured } = siteCompliance(s, site, policy?.uptimeCommitmentBp ?? null);
      measuredBySite.set(site.id, measured);
      return view;
    });
  const incidents = startedInMonth(s)
    .sort((a, b) => a.started_at - b.started_at || a.id.localeCompare(b.id))
    .map((i) => incidentCompliance(i, clocks.get(i.id)));
  const commitmentBp = policy?.uptimeCommitmentBp ?? null;
  return {
    clientId: client.id,
    clientName: client.name,
    timeZone: client.time_zone,
    month: frame.month,
    from: iso(frame.fromMs),
    to: iso(frame.toMs),
    asOf: iso(frame.asOfMs),
    complete: frame.complete,
    contract: contract
      ? { id: contract.id, planName: contract.planName, billingPeriod: contract.billingPeriod, trial }
      : null,
    policy: policy
      ? {
          id: policy.id,
          name: policy.name,
          uptimeCommitmentBp: commitmentBp,
          uptimeCommitmentPercent: commitmentBp === null ? null : commitmentPercentText(commitmentBp),
          credit: policy.credit,
        }
      : null,
    fee,
    sites,
    incidents,
    firstResponse: metricCompliance(incidents.map((i) => i.clocks.find((c) => c.metric === 'first_response'))),
    resolution: metricCompliance(incidents.map((i) => i.clocks.find((c) => c.metric === 'resolution'))),
    credit:
      policy && commitmentBp !== null
        ? monthCredit(
            policy.credit,
            commitmentBp,
            sites.map((v) => ({ siteId: v.siteId, measured: measuredBySite.get(v.siteId) ?? null })),
            fee,
          )
        : null,
  };
}

function siteCompliance(s: ClientSources, site: ClientSources['sites'][number], commitmentBp: number | null) {
  const span = measuredSpan(
    s.frame,
    { archivedAt: site.archived_at },
    s.monitors.filter((m) => m.siteId === site.id),
  );
  const ref = { id: site.id, clientId: site.client_id };
  const figures = span
    ? computeUptime(
        span.startMs,
        span.endMs,
        s.incidents
          .filter((i) => i.site_id === site.id)
          .map((i) => ({ startedAt: i.started_at, resolvedAt: i.resolved_at })),
        windowRowsIntervals(s.windows, ref, span.startMs, span.endMs),
      )
    : { windowMs: 0, downtimeMs: 0, excludedMs: 0, uptimeRatio: null };
  const measured = span ? { measuredMs: figures.windowMs - figures.excludedMs, downtimeMs: figures.downtimeMs } : null;
  const view: SiteCompliance = {
    siteId: site.id,
    name: site.name,
    url: site.url,
    measuredFrom: span ? iso(span.startMs) : null,
    measuredTo: span ? iso(span.endMs) : null,
    windowMs: figures.windowMs,
    downtimeMs: figures.downtimeMs,
    downtimeMinutes: minutes1(figures.downtimeMs),
    excludedMs: figures.excludedMs,
    excludedMinutes: minutes1(figures.excludedMs),
    uptimeRatio: figures.uptimeRatio,
    uptimePercent: measured ? uptimePercentText(measured) : null,
    incidents: startedInMonth(s).filter((i) => i.site_id === site.id).length,
    keepsCommitment:
      commitmentBp === null || !measured || measured.measuredMs <= 0 ? null : keepsCommitment(commitmentBp, measured),
  };
  return { view, measured: measured && measured.measuredMs > 0 ? measured : null };
}

function incidentCompliance(i: IncidentsTable, sla: IncidentSla | undefined): IncidentCompliance {
  return {
    id: i.id,
    siteId: i.site_id,
    monitorId: i.monitor_id,
    severity: i.severity,
    startedAt: iso(i.started_at),
    detectedAt: iso(i.detected_at),
    acknowledgedAt: isoOrNull(i.acknowledged_at),
    resolvedAt: isoOrNull(i.resolved_at),
    policy: sla?.policy ? { id: sla.policy.id, name: sla.policy.name } : null,
    clocks: (sla?.clocks ?? []).map(toClockView),
  };
}

function metricCompliance(clocks: Array<SlaClockView | undefined>): MetricCompliance {
  let met = 0;
  let breached = 0;
  let open = 0;
  for (const c of clocks) {
    if (!c) continue;
    if (c.state === 'met') met += 1;
    else if (c.state === 'breached') breached += 1;
    else open += 1;
  }
  const decided = met + breached;
  const tenths = decided === 0 ? null : Math.floor((met * 1000) / decided);
  return {
    met,
    breached,
    open,
    withinTargetRatio: decided === 0 ? null : met / decided,
    withinTargetPercent: tenths === null ? null : `${Math.floor(tenths / 10)}.${tenths % 10}`,
  };
}
