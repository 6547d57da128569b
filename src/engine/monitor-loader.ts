import { livePlansByClient, type SitePlan } from '../domain/contracts/live-plan.ts';
import { effectiveIntervalS } from '../domain/monitoring/monitors.ts';
import type { Executor, MonitorsTable } from '../storage/schema.ts';

/** A monitor the engine should run, with the interval its site's live plan gives it. */
export type LoadedMonitor = { row: MonitorsTable; clientId: string; intervalS: number };

/** Which monitors to (re)load: all, some by id, or all of some clients (a contract changed). */
export type LoadScope = { all: true } | { monitorIds: string[] } | { clientIds: string[] };

const CHUNK = 500;

/**
 * Enabled, non-archived monitors of non-archived sites and clients. Chunked so a scope of any
 * size stays under the databases' bound-parameter limits.
 */
export async function loadActiveMonitors(db: Executor, scope: LoadScope): Promise<LoadedMonitor[]> {
  const rows: (MonitorsTable & { client_id: string })[] = [];
  const keys = 'all' in scope ? [null] : 'monitorIds' in scope ? scope.monitorIds : scope.clientIds;
  for (let i = 0; i < keys.length; i += CHUNK) {
    const part = keys.slice(i, i + CHUNK) as string[];
    let q = db
      .selectFrom('monitors')
      .innerJoin('sites', 'sites.id', 'monitors.site_id')
      .innerJoin('clients', 'clients.id', 'sites.client_id')
      .selectAll('monitors')
      .select('sites.client_id as client_id')
      .where('monitors.enabled', '=', 1)
      .where('monitors.archived_at', 'is', null)
      .where('sites.archived_at', 'is', null)
      .where('clients.archived_at', 'is', null);
    if ('monitorIds' in scope) q = q.where('monitors.id', 'in', part);
    if ('clientIds' in scope) q = q.where('sites.client_id', 'in', part);
    rows.push(...(await q.execute()));
  }
  const clientIds = [...new Set(rows.map((r) => r.client_id))];
  const plans = new Map<string, SitePlan>();
  for (let i = 0; i < clientIds.length; i += CHUNK) {
    for (const [id, plan] of await livePlansByClient(db, clientIds.slice(i, i + CHUNK))) plans.set(id, plan);
  }
  return rows.map(({ client_id, ...row }) => ({
    row,
    clientId: client_id,
    intervalS: effectiveIntervalS(row, plans.get(client_id) ?? null),
  }));
}
