import type {
  ClientsTable,
  Executor,
  IncidentsTable,
  MaintenanceWindowsTable,
  SitesTable,
} from '../../storage/schema.ts';
import { findClientRow } from '../clients/find-client.ts';
import type { ContractForSummary } from '../contracts/summarize-contracts.ts';
import { chunk } from '../monitoring/rollups-sources.ts';
import { localDate } from '../shared/time.ts';
import { type MonthFrame, monthFrame } from './compliance-month.ts';
import { type SlaPolicy, toSlaPolicy } from './policy.ts';

// Everything a month's compliance is computed from, for one client or all of them, in a fixed
// number of queries (chunked by id).

export type MonthContract = ContractForSummary & {
  id: string;
  clientId: string;
  startDate: string;
  endsOn: string | null;
  trialEndsOn: string | null;
  createdAt: number;
  planName: string;
  policyId: string | null;
};

export type ClientSources = {
  client: ClientsTable;
  frame: MonthFrame;
  sites: SitesTable[];
  monitors: Array<{ siteId: string; createdAt: number; archivedAt: number | null }>;
  /** Incidents of the client that overlap the month or started in it. */
  incidents: IncidentsTable[];
  windows: MaintenanceWindowsTable[];
  contract: MonthContract | null;
  policy: SlaPolicy | null;
};

export async function loadComplianceSources(
  db: Executor,
  month: string,
  nowMs: number,
  clientId?: string,
): Promise<ClientSources[]> {
  const clients = clientId
    ? [await findClientRow(db, clientId)]
    : await db.selectFrom('clients').selectAll().where('archived_at', 'is', null).execute();
  const frames = new Map(clients.map((c) => [c.id, monthFrame(month, c.time_zone, nowMs)]));
  if (clients.length === 0) return [];
  const minFromMs = Math.min(...[...frames.values()].map((f) => f.fromMs));
  const maxToMs = Math.max(...[...frames.values()].map((f) => f.toMs));
  const ids = clients.map((c) => c.id);

  const sites = await inChunks(ids, (part) =>
    db.selectFrom('sites').selectAll().where('client_id', 'in', part).where('created_at', '<', maxToMs).execute(),
  );
  const monitors = await inChunks(
    sites.map((s) => s.id),
    (part) =>
      db
        .selectFrom('monitors')
        .select(['site_id as siteId', 'created_at as createdAt', 'archived_at as archivedAt'])
        .where('site_id', 'in', part)
        .execute(),
  );
  const incidents = await inChunks(ids, (part) =>
    db
      .selectFrom('incidents')
      .selectAll()
      .where('client_id', 'in', part)
      .where('started_at', '<', maxToMs)
      .where((eb) => eb.or([eb('resolved_at', 'is', null), eb('resolved_at', '>', minFromMs)]))
      .execute(),
  );
  const windows = await inChunks(ids, (part) =>
    db
      .selectFrom('maintenance_windows')
      .selectAll()
      .where('client_id', 'in', part)
      .where((eb) => eb.or([eb('archived_at', 'is', null), eb('archived_at', '>', minFromMs)]))
      .execute(),
  );
  const contracts = await loadContracts(db, ids);
  const chosen = new Map(clients.map((c) => [c.id, contractOfMonth(contracts, c, frames.get(c.id)!)]));
  const policies = await loadPolicies(
    db,
    [...chosen.values()].flatMap((c) => (c?.policyId ? [c.policyId] : [])),
  );

  return clients.map((client) => {
    const frame = frames.get(client.id)!;
    const clientSites = sites.filter(
      (s) =>
        s.client_id === client.id &&
        s.created_at < frame.toMs &&
        (s.archived_at === null || s.archived_at > frame.fromMs),
    );
    const siteIds = new Set(clientSites.map((s) => s.id));
    const contract = chosen.get(client.id) ?? null;
    return {
      client,
      frame,
      sites: clientSites,
      monitors: monitors.filter((m) => siteIds.has(m.siteId)),
      incidents: incidents.filter(
        (i) => i.client_id === client.id && i.started_at < frame.toMs && (i.resolved_at ?? frame.toMs) > frame.fromMs,
      ),
      windows: windows.filter((w) => w.client_id === client.id),
      contract,
      policy: (contract?.policyId && policies.get(contract.policyId)) || null,
    };
  });
}

async function inChunks<T>(ids: string[], query: (part: string[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (const part of chunk(ids)) out.push(...(await query(part)));
  return out;
}

/**
 * The contract whose terms hold for the month: the one covering its last day (in the client's
 * zone), else the latest one overlapping it; among several, the one that started last.
 */
export function contractOfMonth(contracts: MonthContract[], client: ClientsTable, frame: MonthFrame) {
  const firstDay = localDate(frame.fromMs, client.time_zone);
  const lastDay = localDate(frame.toMs - 1, client.time_zone);
  const own = contracts
    .filter((c) => c.clientId === client.id && c.startDate <= lastDay)
    .sort((a, b) => b.startDate.localeCompare(a.startDate) || b.createdAt - a.createdAt || b.id.localeCompare(a.id));
  return (
    own.find((c) => c.endsOn === null || c.endsOn >= lastDay) ??
    own.find((c) => c.endsOn === null || c.endsOn >= firstDay) ??
    null
  );
}

async function loadContracts(db: Executor, clientIds: string[]): Promise<MonthContract[]> {
  const rows = await inChunks(clientIds, (part) =>
    db
      .selectFrom('contracts')
      .innerJoin('plan_versions', 'plan_versions.id', 'contracts.plan_version_id')
      .select([
        'contracts.id as id',
        'contracts.client_id as clientId',
        'contracts.status as status',
        'contracts.billing_period as billingPeriod',
        'contracts.start_date as startDate',
        'contracts.ends_on as endsOn',
        'contracts.trial_ends_on as trialEndsOn',
        'contracts.created_at as createdAt',
        'plan_versions.name as planName',
        'plan_versions.sla_policy_id as policyId',
        'plan_versions.monthly_price_minor as monthlyPriceMinor',
        'plan_versions.annual_price_minor as annualPriceMinor',
        'plan_versions.currency as currency',
      ])
      .where('contracts.client_id', 'in', part)
      .execute(),
  );
  const addons = await inChunks(
    rows.map((r) => r.id),
    (part) =>
      db
        .selectFrom('contract_addons')
        .innerJoin('addons', 'addons.id', 'contract_addons.addon_id')
        .select([
          'contract_addons.contract_id as contractId',
          'addons.monthly_price_minor as monthlyPriceMinor',
          'addons.annual_price_minor as annualPriceMinor',
          'addons.currency as currency',
        ])
        .where('contract_addons.contract_id', 'in', part)
        .orderBy('contract_addons.addon_id')
        .execute(),
  );
  return rows.map(({ monthlyPriceMinor, annualPriceMinor, currency, ...r }) => ({
    ...r,
    plan: { monthlyPriceMinor, annualPriceMinor, currency },
    addons: addons.filter((a) => a.contractId === r.id).map(({ contractId: _, ...price }) => price),
  }));
}

async function loadPolicies(db: Executor, ids: string[]): Promise<Map<string, SlaPolicy>> {
  const unique = [...new Set(ids)];
  const rows = await inChunks(unique, (part) =>
    db.selectFrom('sla_policies').selectAll().where('id', 'in', part).execute(),
  );
  return new Map(rows.map((r) => [r.id, toSlaPolicy(r)]));
}
