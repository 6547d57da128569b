import type { IncidentSeverity } from '../../storage/schema.ts';
import type { CurrencyAmount } from '../contracts/summarize-contracts.ts';
import type { SlaClockView } from '../incidents/incident-sla.ts';
import type { MonthCredit } from './compliance-credit.ts';

// The shape of a monthly compliance report (API, CLI and console all show this).

export type SiteCompliance = {
  siteId: string;
  name: string;
  url: string;
  /** The part of the month measured (while monitored, up to the month's end or now); null: not monitored. */
  measuredFrom: string | null;
  measuredTo: string | null;
  windowMs: number;
  downtimeMs: number;
  downtimeMinutes: number;
  /** Maintenance: neither up nor down. */
  excludedMs: number;
  excludedMinutes: number;
  /** Exact (window − excluded − downtime) / (window − excluded); null when nothing was measured. */
  uptimeRatio: number | null;
  /** Three decimals, rounded down ("99.907"); "100.000" only without any downtime. */
  uptimePercent: string | null;
  /** Incidents that started in the month. */
  incidents: number;
  /** Null without a commitment or without a measurement. */
  keepsCommitment: boolean | null;
};

export type IncidentCompliance = {
  id: string;
  siteId: string;
  monitorId: string;
  severity: IncidentSeverity;
  startedAt: string;
  detectedAt: string;
  acknowledgedAt: string | null;
  resolvedAt: string | null;
  policy: { id: string; name: string } | null;
  clocks: SlaClockView[];
};

export type MetricCompliance = {
  met: number;
  breached: number;
  /** Clocks still running (or paused) when the month was read, not yet over their target. */
  open: number;
  /** met / (met + breached); null when nothing was decided. */
  withinTargetRatio: number | null;
  /** One decimal, rounded down ("66.6"). */
  withinTargetPercent: string | null;
};

export type ClientCompliance = {
  clientId: string;
  clientName: string;
  timeZone: string;
  month: string;
  from: string;
  to: string;
  /** When the clocks were read: the month's end, or now while it runs. */
  asOf: string;
  complete: boolean;
  contract: { id: string; planName: string; billingPeriod: 'monthly' | 'annual'; trial: boolean } | null;
  policy: {
    id: string;
    name: string;
    uptimeCommitmentBp: number | null;
    uptimeCommitmentPercent: string | null;
    credit: { perStepBp: number; stepBp: number; capBp: number };
  } | null;
  /** The month's fee: the contract's MRR (annual ÷ 12, add-ons included); zero for a trial. */
  fee: CurrencyAmount[];
  sites: SiteCompliance[];
  incidents: IncidentCompliance[];
  firstResponse: MetricCompliance;
  resolution: MetricCompliance;
  /** Null when the policy makes no uptime commitment (or there is no policy). */
  credit: MonthCredit | null;
};

export type MonthlyCompliance = { month: string; clients: ClientCompliance[] };
