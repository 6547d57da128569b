import type { IncidentSeverity, SlaClockKind, SlaPoliciesTable } from '../../storage/schema.ts';

export const SLA_METRICS = ['first_response', 'resolution'] as const;
export type SlaMetric = (typeof SLA_METRICS)[number];
export const SEVERITIES = ['critical', 'major', 'minor'] as const satisfies readonly IncidentSeverity[];

export type MetricTargets = { firstResponseMinutes: number | null; resolutionMinutes: number | null };

/** A policy as the clocks need it (the row with its JSON parsed). */
export type SlaPolicy = {
  id: string;
  name: string;
  calendarId: string;
  targets: MetricTargets;
  clocks: Record<SlaMetric, SlaClockKind>;
  severityTargets: Partial<Record<IncidentSeverity, Partial<MetricTargets>>>;
  warnAtPercent: number;
  uptimeCommitmentBp: number | null;
  credit: { perStepBp: number; stepBp: number; capBp: number };
};

export function toSlaPolicy(row: SlaPoliciesTable): SlaPolicy {
  return {
    id: row.id,
    name: row.name,
    calendarId: row.calendar_id,
    targets: { firstResponseMinutes: row.first_response_minutes, resolutionMinutes: row.resolution_minutes },
    clocks: { first_response: row.first_response_clock, resolution: row.resolution_clock },
    severityTargets: JSON.parse(row.severity_targets),
    warnAtPercent: row.warn_at_percent,
    uptimeCommitmentBp: row.uptime_commitment_bp,
    credit: { perStepBp: row.credit_per_step_bp, stepBp: row.credit_step_bp, capBp: row.credit_cap_bp },
  };
}

/** The target for a metric at a severity: the severity's override, else the policy's default. */
export function targetMinutesFor(policy: SlaPolicy, metric: SlaMetric, severity: IncidentSeverity): number | null {
  const key = metric === 'first_response' ? 'firstResponseMinutes' : 'resolutionMinutes';
  const override = policy.severityTargets[severity]?.[key];
  return override !== undefined ? override : policy.targets[key];
}
