import { AppError } from '../../errors.ts';
import type { ClientsTable, Executor } from '../../storage/schema.ts';
import { LIVE_STATUSES } from '../contracts/live-plan.ts';
import type { FeatureFlag } from '../plans/schemas.ts';

export type LivePlanFeatures = { planName: string; features: Partial<Record<FeatureFlag, boolean>> } | null;

function parseFeatures(text: string): Partial<Record<FeatureFlag, boolean>> {
  try {
    const value = JSON.parse(text);
    return value && typeof value === 'object' ? value : {};
  } catch {
    return {};
  }
}

/** The features of the plan on the client's live contract (trial, active or cancelling); null without one. */
export async function livePlanFeatures(db: Executor, clientId: string): Promise<LivePlanFeatures> {
  const row = await db
    .selectFrom('contracts')
    .innerJoin('plan_versions', 'plan_versions.id', 'contracts.plan_version_id')
    .select(['plan_versions.name as name', 'plan_versions.features as features'])
    .where('contracts.client_id', '=', clientId)
    .where('contracts.status', 'in', [...LIVE_STATUSES])
    .executeTakeFirst();
  return row ? { planName: row.name, features: parseFeatures(row.features) } : null;
}

/** Names of the live plans (current versions, catalogue order) that include a feature. */
async function plansWith(db: Executor, feature: FeatureFlag): Promise<string[]> {
  const rows = await db
    .selectFrom('plans')
    .innerJoin('plan_versions', 'plan_versions.id', 'plans.current_version_id')
    .select(['plan_versions.name as name', 'plan_versions.features as features'])
    .where('plans.archived_at', 'is', null)
    .orderBy('plans.position')
    .orderBy('plans.id')
    .execute();
  return rows.filter((r) => parseFeatures(r.features)[feature] === true).map((r) => r.name);
}

export type GatedFeature = 'statusPage' | 'hidePoweredBy' | 'clientPortal';

const WORDING: Record<GatedFeature, { lacks: string; none: string; one: string; many: string }> = {
  statusPage: {
    lacks: 'has no status page',
    none: 'no plan in the catalogue includes a status page',
    one: 'includes one',
    many: 'include one',
  },
  hidePoweredBy: {
    lacks: 'does not allow hiding "Powered by Steward"',
    none: 'no plan in the catalogue allows hiding it',
    one: 'allows it',
    many: 'allow it',
  },
  clientPortal: {
    lacks: 'has no client portal',
    none: 'no plan in the catalogue includes the client portal',
    one: 'includes it',
    many: 'include it',
  },
};

function joinNames(names: string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/**
 * Refuses (409) when the client's live plan lacks the feature, naming the plans that have it:
 * "Acme's plan (Basic) has no status page; Standard and Premium include one".
 */
export async function requirePlanFeature(
  db: Executor,
  client: Pick<ClientsTable, 'id' | 'name'>,
  feature: GatedFeature,
): Promise<void> {
  const live = await livePlanFeatures(db, client.id);
  if (live?.features[feature] === true) return;
  const offering = await plansWith(db, feature);
  const w = WORDING[feature];
  const has = live ? `${client.name}'s plan (${live.planName}) ${w.lacks}` : `${client.name} has no live plan`;
  const offer = offering.length === 0 ? w.none : `${joinNames(offering)} ${offering.length === 1 ? w.one : w.many}`;
  throw new AppError('conflict', `${has}; ${offer}`, { feature, plans: offering });
}

/** What the client's live plan allows on status pages, for forms that explain before refusing. */
export async function readStatusPageAllowances(
  ctx: { db: Executor },
  clientId: string,
): Promise<{ planName: string | null; statusPage: boolean; hidePoweredBy: boolean }> {
  const live = await livePlanFeatures(ctx.db, clientId);
  return {
    planName: live?.planName ?? null,
    statusPage: live?.features.statusPage === true,
    hidePoweredBy: live?.features.hidePoweredBy === true,
  };
}
