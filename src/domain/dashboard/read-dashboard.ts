import { type Client, toClient } from '../clients/schemas.ts';
import type { Ctx } from '../context.ts';
import { LIVE_STATUSES, livePlansByClient, type SitePlan } from '../contracts/live-plan.ts';
import {
  type ContractForSummary,
  type ContractsSummary,
  summarizeContracts,
} from '../contracts/summarize-contracts.ts';

export type Dashboard = {
  activeClients: number;
  /** Live sites of live clients. */
  sites: number;
  contracts: ContractsSummary;
  recentClients: Array<{ client: Client; plan: SitePlan | null }>;
};

const RECENT_CLIENTS = 5;

/** The numbers on the console's front page; the arithmetic lives in summarizeContracts. */
export async function readDashboard(ctx: Ctx): Promise<Dashboard> {
  const clientCount = await ctx.db
    .selectFrom('clients')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('archived_at', 'is', null)
    .executeTakeFirstOrThrow();
  const siteCount = await ctx.db
    .selectFrom('sites')
    .innerJoin('clients', 'clients.id', 'sites.client_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('sites.archived_at', 'is', null)
    .where('clients.archived_at', 'is', null)
    .executeTakeFirstOrThrow();
  const recentRows = await ctx.db
    .selectFrom('clients')
    .selectAll()
    .where('archived_at', 'is', null)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(RECENT_CLIENTS)
    .execute();
  const plans = await livePlansByClient(
    ctx.db,
    recentRows.map((r) => r.id),
  );
  return {
    activeClients: Number(clientCount.n),
    sites: Number(siteCount.n),
    contracts: summarizeContracts(await loadLiveContracts(ctx)),
    recentClients: recentRows.map((r) => ({ client: toClient(r), plan: plans.get(r.id) ?? null })),
  };
}

async function loadLiveContracts(ctx: Ctx): Promise<ContractForSummary[]> {
  const rows = await ctx.db
    .selectFrom('contracts')
    .innerJoin('plan_versions', 'plan_versions.id', 'contracts.plan_version_id')
    .select([
      'contracts.id as id',
      'contracts.status as status',
      'contracts.billing_period as billingPeriod',
      'plan_versions.monthly_price_minor as monthlyPriceMinor',
      'plan_versions.annual_price_minor as annualPriceMinor',
      'plan_versions.currency as currency',
    ])
    .where('contracts.status', 'in', [...LIVE_STATUSES])
    .execute();
  if (rows.length === 0) return [];
  const addonRows = await ctx.db
    .selectFrom('contract_addons')
    .innerJoin('addons', 'addons.id', 'contract_addons.addon_id')
    .select([
      'contract_addons.contract_id as contractId',
      'addons.monthly_price_minor as monthlyPriceMinor',
      'addons.annual_price_minor as annualPriceMinor',
      'addons.currency as currency',
    ])
    .where(
      'contract_addons.contract_id',
      'in',
      rows.map((r) => r.id),
    )
    .execute();
  return rows.map((r) => ({
    status: r.status,
    billingPeriod: r.billingPeriod,
    plan: { monthlyPriceMinor: r.monthlyPriceMinor, annualPriceMinor: r.annualPriceMinor, currency: r.currency },
    addons: addonRows
      .filter((a) => a.contractId === r.id)
      .map(({ monthlyPriceMinor, annualPriceMinor, currency }) => ({ monthlyPriceMinor, annualPriceMinor, currency })),
  }));
}
