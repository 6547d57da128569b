import type { Ctx } from '../context.ts';
import { livePlansByClient } from '../contracts/live-plan.ts';
import { listPlans } from '../plans/read-plans.ts';
import { FEATURE_FLAGS, type FeatureFlag, type Plan, toTerms } from '../plans/schemas.ts';
import { type PlanSla, planSlaSummaries } from '../sla/plan-sla.ts';
import type { PortalScope } from './portal-scope.ts';

/** What a plan gives, as a client reads it (no prices of other clients, no internal ids). */
export type PortalPlanTerms = {
  name: string;
  description: string;
  checkIntervalS: number;
  alertChannels: string[];
  features: FeatureFlag[];
  sla: Omit<PlanSla, 'policyId'> | null;
};

/** What the next tier adds over the current one: only real improvements are listed. */
export type PlanUpgrade = {
  name: string;
  description: string;
  fasterCheckIntervalS: number | null;
  addedAlertChannels: string[];
  addedFeatures: FeatureFlag[];
  fasterFirstResponse: { minutes: number; clock: PlanSla['firstResponseClock'] } | null;
  fasterResolution: { minutes: number; clock: PlanSla['resolutionClock'] } | null;
  /** Basis points of a percent (9990 = 99.9 %); set when the next tier commits to more uptime. */
  uptimeCommitmentBp: number | null;
};

export type PortalPlan = {
  contractStatus: 'trial' | 'active' | 'cancelling';
  current: PortalPlanTerms;
  next: PlanUpgrade | null;
};

const enabledFeatures = (f: Record<FeatureFlag, boolean>) => FEATURE_FLAGS.filter((k) => f[k]);
const stripId = (s: PlanSla | null) => {
  if (!s) return null;
  const { policyId: _, ...rest } = s;
  return rest;
};

/** A smaller target is better; a target where there was none is better too. */
function faster(current: number | null, next: number | null): number | null {
  if (next === null) return null;
  return current === null || next < current ? next : null;
}

export function planUpgrade(current: PortalPlanTerms, next: Plan): PlanUpgrade | null {
  const nextFeatures = enabledFeatures(next.features);
  const upgrade: PlanUpgrade = {
    name: next.name,
    description: next.description,
    fasterCheckIntervalS: next.checkIntervalS < current.checkIntervalS ? next.checkIntervalS : null,
    addedAlertChannels: next.alertChannels.filter((c) => !current.alertChannels.includes(c)),
    addedFeatures: nextFeatures.filter((f) => !current.features.includes(f)),
    fasterFirstResponse: null,
    fasterResolution: null,
    uptimeCommitmentBp: null,
  };
  if (next.sla) {
    const fr = faster(current.sla?.firstResponseMinutes ?? null, next.sla.firstResponseMinutes);
    if (fr !== null) upgrade.fasterFirstResponse = { minutes: fr, clock: next.sla.firstResponseClock };
    const rs = faster(current.sla?.resolutionMinutes ?? null, next.sla.resolutionMinutes);
    if (rs !== null) upgrade.fasterResolution = { minutes: rs, clock: next.sla.resolutionClock };
    const up = next.sla.uptimeCommitmentBp;
    const had = current.sla?.uptimeCommitmentBp ?? null;
    if (up !== null && (had === null || up > had)) upgrade.uptimeCommitmentBp = up;
  }
  const adds =
    upgrade.fasterCheckIntervalS !== null ||
    upgrade.addedAlertChannels.length > 0 ||
    upgrade.addedFeatures.length > 0 ||
    upgrade.fasterFirstResponse !== null ||
    upgrade.fasterResolution !== null ||
    upgrade.uptimeCommitmentBp !== null;
  return adds ? upgrade : null;
}

/**
 * The client's plan: the terms of the plan version on their live contract (what they signed, even
 * if the plan changed since) and what the next tier in the catalogue (by position) adds. Null
 * without a live contract.
 */
export async function portalPlan(ctx: Ctx, scope: PortalScope): Promise<PortalPlan | null> {
  const live = (await livePlansByClient(ctx.db, [scope.clientId])).get(scope.clientId);
  if (!live) return null;
  const version = await ctx.db
    .selectFrom('plan_versions')
    .selectAll()
    .where('id', '=', live.planVersionId)
    .executeTakeFirstOrThrow();
  const terms = toTerms(version);
  const slas = await planSlaSummaries(ctx.db, [version.sla_policy_id]);
  const current: PortalPlanTerms = {
    name: terms.name,
    description: terms.description,
    checkIntervalS: terms.checkIntervalS,
    alertChannels: terms.alertChannels,
    features: enabledFeatures(terms.features),
    sla: stripId((version.sla_policy_id && slas.get(version.sla_policy_id)) || null),
  };
  const catalogue = await listPlans(ctx);
  const mine = catalogue.find((p) => p.id === live.planId);
  const position = mine?.position ?? Number.POSITIVE_INFINITY;
  const nextPlan = catalogue.find((p) => p.id !== live.planId && p.position > position);
  return {
    contractStatus: live.contractStatus,
    current,
    next: nextPlan ? planUpgrade(current, nextPlan) : null,
  };
}
