import { z } from 'zod';
import type { PlansTable, PlanVersionsTable } from '../../storage/schema.ts';
import { currencySchema, moneyMinorSchema, nameSchema } from '../shared/validation.ts';
import type { PlanSla } from '../sla/plan-sla.ts';

export const ALERT_CHANNELS = ['email', 'webhook', 'slack'] as const;
export const FEATURE_FLAGS = [
  'monthlyReport',
  'statusPage',
  'clientPortal',
  'sslMonitoring',
  'performanceMonitoring',
  'quarterlyReview',
  'hidePoweredBy',
] as const;
export type FeatureFlag = (typeof FEATURE_FLAGS)[number];

const featuresSchema = z
  .object(Object.fromEntries(FEATURE_FLAGS.map((f) => [f, z.boolean()])) as Record<FeatureFlag, z.ZodBoolean>)
  .strict();

/** Everything a plan promises and costs; each change makes a new version. */
export const planTermsSchema = z
  .object({
    name: nameSchema,
    description: z.string().trim().max(2000),
    checkIntervalS: z.number().int().min(10, 'must be at least 10 seconds').max(86_400),
    alertChannels: z.array(z.enum(ALERT_CHANNELS)).min(1, 'needs at least one channel'),
    features: featuresSchema,
    supportMinutesPerMonth: z.number().int().min(0).max(100_000),
    /** The SLA policy the plan sells (targets, calendar, uptime commitment, credits); null: none. */
    slaPolicyId: z.string().trim().min(1).max(100).nullable(),
    pricingModel: z.enum(['flat', 'hourly_minimum', 'prepaid_credits']),
    monthlyPriceMinor: moneyMinorSchema,
    annualPriceMinor: moneyMinorSchema,
    hourlyRateMinor: moneyMinorSchema.nullable(),
    currency: currencySchema,
    cancellationNoticeDays: z.number().int().min(0).max(365),
  })
  .strict();
export type PlanTerms = z.output<typeof planTermsSchema>;

export const createPlanSchema = planTermsSchema
  .partial({
    description: true,
    hourlyRateMinor: true,
    cancellationNoticeDays: true,
    pricingModel: true,
    slaPolicyId: true,
  })
  .extend({
    code: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'must be lowercase letters, digits and dashes (e.g. "premium-plus")'),
    position: z.number().int().min(0).max(1000).optional(),
  })
  .strict();

export const updatePlanSchema = planTermsSchema
  .extend({ position: z.number().int().min(0).max(1000) })
  .partial()
  .strict();

export type Plan = PlanTerms & {
  id: string;
  code: string;
  position: number;
  versionId: string;
  version: number;
  archivedAt: string | null;
  createdAt: string;
  /** Read-only: what the current version's SLA policy promises; null without one. */
  sla: PlanSla | null;
};

export type PlanVersion = PlanTerms & { id: string; planId: string; version: number; createdAt: string };

export function toTerms(v: PlanVersionsTable): PlanTerms {
  return {
    name: v.name,
    description: v.description,
    checkIntervalS: v.check_interval_s,
    alertChannels: JSON.parse(v.alert_channels),
    features: JSON.parse(v.features),
    supportMinutesPerMonth: v.support_minutes_per_month,
    slaPolicyId: v.sla_policy_id,
    pricingModel: v.pricing_model,
    monthlyPriceMinor: v.monthly_price_minor,
    annualPriceMinor: v.annual_price_minor,
    hourlyRateMinor: v.hourly_rate_minor,
    currency: v.currency,
    cancellationNoticeDays: v.cancellation_notice_days,
  };
}

export function toVersionRow(
  terms: PlanTerms,
  ids: { id: string; planId: string; version: number; createdAt: number },
): PlanVersionsTable {
  return {
    id: ids.id,
    plan_id: ids.planId,
    version: ids.version,
    name: terms.name,
    description: terms.description,
    check_interval_s: terms.checkIntervalS,
    alert_channels: JSON.stringify([...new Set(terms.alertChannels)]),
    features: JSON.stringify(terms.features),
    support_minutes_per_month: terms.supportMinutesPerMonth,
    sla_policy_id: terms.slaPolicyId,
    pricing_model: terms.pricingModel,
    monthly_price_minor: terms.monthlyPriceMinor,
    annual_price_minor: terms.annualPriceMinor,
    hourly_rate_minor: terms.hourlyRateMinor,
    currency: terms.currency,
    cancellation_notice_days: terms.cancellationNoticeDays,
    created_at: ids.createdAt,
  };
}

export function toPlan(plan: PlansTable, version: PlanVersionsTable, sla: PlanSla | null): Plan {
  return {
    id: plan.id,
    code: plan.code,
    position: plan.position,
    versionId: version.id,
    version: version.version,
    ...toTerms(version),
    archivedAt: plan.archived_at === null ? null : new Date(plan.archived_at).toISOString(),
    createdAt: new Date(plan.created_at).toISOString(),
    sla,
  };
}

export function toPlanVersion(v: PlanVersionsTable): PlanVersion {
  return {
    id: v.id,
    planId: v.plan_id,
    version: v.version,
    ...toTerms(v),
    createdAt: new Date(v.created_at).toISOString(),
  };
}
