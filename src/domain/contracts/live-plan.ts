import type { Executor } from '../../storage/schema.ts';

export type SitePlan = {
  contractId: string;
  contractStatus: 'trial' | 'active' | 'cancelling';
  planId: string;
  planCode: string;
  planName: string;
  planVersionId: string;
  planVersion: number;
  checkIntervalS: number;
};

export const LIVE_STATUSES = ['trial', 'active', 'cancelling'] as const;

/** A site is on the plan version of its client's live contract (at most one per client). */
export async function livePlansByClient(db: Executor, clientIds: string[]): Promise<Map<string, SitePlan>> {
  const result = new Map<string, SitePlan>();
  if (clientIds.length === 0) return result;
  const rows = await db
    .selectFrom('contracts')
    .innerJoin('plan_versions', 'plan_versions.id', 'contracts.plan_version_id')
    .innerJoin('plans', 'plans.id', 'plan_versions.plan_id')
    .select([
      'contracts.id as contractId',
      'contracts.client_id as clientId',
      'contracts.status as status',
      'plans.id as planId',
      'plans.code as planCode',
      'plan_versions.name as planName',
      'plan_versions.id as planVersionId',
      'plan_versions.version as planVersion',
      'plan_versions.check_interval_s as checkIntervalS',
    ])
    .where('contracts.client_id', 'in', clientIds)
    .where('contracts.status', 'in', [...LIVE_STATUSES])
    .execute();
  for (const r of rows) {
    result.set(r.clientId, {
      contractId: r.contractId,
      contractStatus: r.status as SitePlan['contractStatus'],
      planId: r.planId,
      planCode: r.planCode,
      planName: r.planName,
      planVersionId: r.planVersionId,
      planVersion: r.planVersion,
      checkIntervalS: r.checkIntervalS,
    });
  }
  return result;
}
