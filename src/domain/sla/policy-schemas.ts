import { z } from 'zod';
import type { IncidentSeverity, SlaClockKind, SlaPoliciesTable } from '../../storage/schema.ts';
import { nameSchema } from '../shared/validation.ts';
import { SEVERITIES } from './policy.ts';

export const SLA_CLOCKS = ['business', '24x7'] as const satisfies readonly SlaClockKind[];

/** A year of minutes: longer targets are typing mistakes, not service levels. */
const MAX_TARGET_MINUTES = 525_600;

const targetMinutesSchema = z
  .number()
  .int('must be a whole number of minutes')
  .min(1, 'must be at least 1 minute')
  .max(MAX_TARGET_MINUTES, 'must be at most a year (525600 minutes)')
  .nullable();

const severityOverrideSchema = z
  .object({ firstResponseMinutes: targetMinutesSchema.optional(), resolutionMinutes: targetMinutesSchema.optional() })
  .strict();

/** Per severity, a target that replaces the policy's own; null there means "no target at this severity". */
export const severityTargetsSchema = z
  .object(
    Object.fromEntries(SEVERITIES.map((s) => [s, severityOverrideSchema.optional()])) as Record<
      IncidentSeverity,
      z.ZodOptional<typeof severityOverrideSchema>
    >,
  )
  .strict();
export type SeverityTargets = z.output<typeof severityTargetsSchema>;

const bp = (min: number, max: number) => z.number().int('must be a whole number of basis points').min(min).max(max);

/** Everything a policy says; a change applies at once to every incident under it (clocks are recomputed). */
export const slaPolicyTermsSchema = z
  .object({
    name: nameSchema,
    description: z.string().trim().max(2000),
    calendarId: z.string().trim().min(1).max(64),
    firstResponseMinutes: targetMinutesSchema,
    firstResponseClock: z.enum(SLA_CLOCKS),
    resolutionMinutes: targetMinutesSchema,
    resolutionClock: z.enum(SLA_CLOCKS),
    severityTargets: severityTargetsSchema,
    warnAtPercent: z.number().int().min(50, 'must be at least 50').max(99, 'must be at most 99'),
    /** Basis points of a percent: 99.9 % = 9990. */
    uptimeCommitmentBp: bp(9_000, 10_000).nullable(),
    /** Share of the month's fee per started step below the commitment: 10 % = 1000. */
    creditPerStepBp: bp(0, 10_000),
    /** The step, in basis points of uptime: 0.1 % = 10. */
    creditStepBp: bp(1, 1_000),
    /** The most credit for one month, in basis points of the fee: 50 % = 5000. */
    creditCapBp: bp(0, 10_000),
  })
  .strict();
export type SlaPolicyTerms = z.output<typeof slaPolicyTermsSchema>;

/** Defaults for what a new policy leaves out; the clocks default from the calendar (see createSlaPolicy). */
export const POLICY_DEFAULTS = {
  description: '',
  firstResponseMinutes: null,
  resolutionMinutes: null,
  severityTargets: {},
  warnAtPercent: 75,
  uptimeCommitmentBp: null,
  creditPerStepBp: 1_000,
  creditStepBp: 10,
  creditCapBp: 5_000,
} satisfies Partial<SlaPolicyTerms>;

export const createSlaPolicySchema = slaPolicyTermsSchema.partial().required({ name: true, calendarId: true }).strict();

export const updateSlaPolicySchema = slaPolicyTermsSchema.partial().strict();

export const listSlaPoliciesQuerySchema = z.object({
  archived: z.enum(['true', 'false', 'all']).default('false'),
});

export type SlaPolicyView = SlaPolicyTerms & {
  id: string;
  calendar: { id: string; name: string; kind: 'business' | '24x7'; timeZone: string };
  /** Plans whose current version sells this policy (archived plans included). */
  plans: Array<{ id: string; code: string; name: string; archived: boolean }>;
  createdAt: string;
  updatedAt: string;
  archivedAt: string | null;
};

export function termsOfRow(row: SlaPoliciesTable): SlaPolicyTerms {
  return {
    name: row.name,
    description: row.description,
    calendarId: row.calendar_id,
    firstResponseMinutes: row.first_response_minutes,
    firstResponseClock: row.first_response_clock,
    resolutionMinutes: row.resolution_minutes,
    resolutionClock: row.resolution_clock,
    severityTargets: JSON.parse(row.severity_targets),
    warnAtPercent: row.warn_at_percent,
    uptimeCommitmentBp: row.uptime_commitment_bp,
    creditPerStepBp: row.credit_per_step_bp,
    creditStepBp: row.credit_step_bp,
    creditCapBp: row.credit_cap_bp,
  };
}

/** Drops severities that override nothing, so "{}" and "{critical:{}}" are stored alike. */
export function compactSeverityTargets(targets: SeverityTargets): SeverityTargets {
  const out: SeverityTargets = {};
  for (const s of SEVERITIES) {
    const entry = targets[s];
    if (!entry) continue;
    const kept = Object.fromEntries(Object.entries(entry).filter(([, v]) => v !== undefined));
    if (Object.keys(kept).length > 0) out[s] = kept;
  }
  return out;
}

export function rowOfTerms(
  terms: SlaPolicyTerms,
  meta: { id: string; createdAt: number; updatedAt: number; archivedAt: number | null },
): SlaPoliciesTable {
  return {
    id: meta.id,
    name: terms.name,
    description: terms.description,
    calendar_id: terms.calendarId,
    first_response_minutes: terms.firstResponseMinutes,
    first_response_clock: terms.firstResponseClock,
    resolution_minutes: terms.resolutionMinutes,
    resolution_clock: terms.resolutionClock,
    severity_targets: JSON.stringify(compactSeverityTargets(terms.severityTargets)),
    warn_at_percent: terms.warnAtPercent,
    uptime_commitment_bp: terms.uptimeCommitmentBp,
    credit_per_step_bp: terms.creditPerStepBp,
    credit_step_bp: terms.creditStepBp,
    credit_cap_bp: terms.creditCapBp,
    created_at: meta.createdAt,
    updated_at: meta.updatedAt,
    archived_at: meta.archivedAt,
  };
}
