import type { Ctx } from '../context.ts';
import { livePlansByClient } from '../contracts/live-plan.ts';
import { UNPLANNED_INTERVAL_S } from './monitor-schemas.ts';

export type ClientChoice = { id: string; name: string; timeZone: string };

export type SiteChoice = {
  id: string;
  name: string;
  url: string;
  clientId: string;
  clientName: string;
  /** The plan's check interval (or the interval without a plan), for the form's hint. */
  planName: string | null;
  planIntervalS: number;
};

/** Active clients by name, for the console's pickers. */
export async function listClientChoices(ctx: Ctx): Promise<ClientChoice[]> {
  const rows = await ctx.db
    .selectFrom('clients')
    .select(['id', 'name', 'time_zone'])
    .where('archived_at', 'is', null)
    .orderBy('name')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, timeZone: r.time_zone }));
}

/** Active sites of active clients, by client then site name, with the interval their plan allows. */
export async function listSiteChoices(ctx: Ctx, clientId?: string): Promise<SiteChoice[]> {
  let q = ctx.db
    .selectFrom('sites')
    .innerJoin('clients', 'clients.id', 'sites.client_id')
    .select([
      'sites.id as id',
      'sites.name as name',
      'sites.url as url',
      'clients.id as clientId',
      'clients.name as clientName',
    ])
    .where('sites.archived_at', 'is', null)
    .where('clients.archived_at', 'is', null);
  if (clientId) q = q.where('clients.id', '=', clientId);
  const rows = await q.orderBy('clients.name').orderBy('sites.name').orderBy('sites.id').execute();
  const plans = await livePlansByClient(ctx.db, [...new Set(rows.map((r) => r.clientId))]);
  return rows.map((r) => {
    const plan = plans.get(r.clientId);
    return { ...r, planName: plan?.planName ?? null, planIntervalS: plan?.checkIntervalS ?? UNPLANNED_INTERVAL_S };
  });
}
