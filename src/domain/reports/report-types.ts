import type { FeatureFlag } from '../plans/schemas.ts';

// The data of a client report: everything the HTML and the PDF show, computed once from stored
// history. It holds numbers, ISO instants and codes, never translated text: the renderers format it
// in the report's language and zone. A past period gives the same data, byte for byte, every time.

export type ReportLanguage = 'en' | 'es' | 'fr' | 'de';

export type ReportBranding = {
  agencyName: string;
  /** Shown in the HTML only; the PDF prints the agency's name. */
  logoUrl: string | null;
  /** #rrggbb. */
  accentColor: string;
};

export type ReportScope = {
  clientId: string;
  clientName: string;
  /** Null: the whole client (all its sites). */
  siteId: string | null;
  siteName: string | null;
};

export type ReportPlan = {
  name: string;
  supportMinutesPerMonth: number;
  features: Record<FeatureFlag, boolean>;
  uptimeCommitmentPercent: string | null;
} | null;

export type SiteUptime = {
  siteId: string;
  name: string;
  url: string;
  /** Three decimals rounded down ("99.907"); null when not monitored in the period. */
  uptimePercent: string | null;
  downtimeMinutes: number;
  /** Maintenance windows, excluded from uptime. */
  maintenanceMinutes: number;
  incidents: number;
  /** Null without a commitment or a measurement. */
  keepsCommitment: boolean | null;
};

export type ClockOutcome = {
  targetMinutes: number;
  elapsedMinutes: number;
  state: 'met' | 'breached' | 'open';
};

export type ReportIncident = {
  id: string;
  siteName: string;
  monitorName: string;
  startedAt: string;
  detectedAt: string;
  acknowledgedAt: string | null;
  resolvedAt: string | null;
  /** started → resolved (or period end while open), whole minutes rounded up. */
  durationMinutes: number;
  /** Null: no SLA policy covers it. */
  firstResponse: ClockOutcome | null;
  resolution: ClockOutcome | null;
};

export type MetricSummary = { met: number; breached: number; open: number; withinTargetPercent: string | null };

export type ResponseDay = {
  /** YYYY-MM-DD in the client's zone. */
  date: string;
  /** Mean total response time of successful checks that day; null: no data. */
  avgMs: number | null;
  /** From histogram buckets: approximate. */
  p95Ms: number | null;
};

export type ResponseTime = {
  days: ResponseDay[];
  /** Mean over the period (weighted by checks); null: no data. */
  avgMs: number | null;
  /** Same for the period before (previous month or quarter); null: no data. */
  previousAvgMs: number | null;
};

export type TlsStatus = {
  monitorName: string;
  host: string;
  /** Certificate expiry as last seen; null: never read. */
  expiresAt: string | null;
  /** Whole days from the report's end to expiry (negative: expired). */
  daysLeft: number | null;
  state: 'ok' | 'expiring' | 'expired' | 'error' | 'unknown';
};

export type WorkItem = {
  id: string;
  siteName: string | null;
  kind: 'backup' | 'update' | 'security' | 'performance' | 'support' | 'content' | 'other';
  performedAt: string;
  performedBy: string;
  durationMinutes: number;
  billing: 'included' | 'billable';
  description: string;
};

export type BackupItem = WorkItem & { sizeBytes: number | null; location: string | null };
export type UpdateItem = WorkItem & {
  component: string;
  componentKind: 'core' | 'plugin' | 'theme' | 'other';
  fromVersion: string | null;
  toVersion: string | null;
};
export type SecurityItem = WorkItem & { result: 'clean' | 'issues_found' | 'fixed'; findings: number | null };

export type HoursUsage = {
  /** The plan's included minutes for the month. */
  budgetMinutes: number;
  /** Included work, all of it (may exceed the budget). */
  includedMinutes: number;
  /** Of that, what the budget covered. */
  fromBudgetMinutes: number;
  /** Beyond the budget, drawn from prepaid blocks (oldest first). */
  fromBlocksMinutes: number;
  /** Beyond the budget and the blocks: to be invoiced. */
  overageMinutes: number;
  /** Work marked billable (charged on top, not counted against the budget). */
  billableMinutes: number;
  /** Prepaid minutes left at the month's end (unexpired blocks). */
  blocksRemainingMinutes: number;
};

export type ServiceCredit = {
  amountMinor: number;
  currency: string;
  /** Percent of the fee, e.g. "20". */
  percent: string;
  /** Started steps below the commitment. */
  steps: number;
} | null;

export type NextTier = {
  planName: string;
  /** Feature flags the next tier turns on. */
  features: FeatureFlag[];
  supportMinutesPerMonth: number;
  checkIntervalS: number;
  firstResponseMinutes: number | null;
  uptimeCommitmentPercent: string | null;
  /** Why it is shown (codes): e.g. "hours_exceeded", "incidents", "no_commitment". */
  reasons: string[];
} | null;

export type MonthlyReportData = {
  version: 1;
  kind: 'monthly';
  language: ReportLanguage;
  timeZone: string;
  /** "2026-03". */
  period: string;
  from: string;
  to: string;
  /** Every figure is final (the month has ended). */
  complete: boolean;
  branding: ReportBranding;
  scope: ReportScope;
  plan: ReportPlan;
  uptime: { commitmentPercent: string | null; sites: SiteUptime[] };
  incidents: ReportIncident[];
  firstResponse: MetricSummary;
  resolution: MetricSummary;
  responseTime: ResponseTime;
  tls: TlsStatus[];
  backups: BackupItem[];
  updates: UpdateItem[];
  security: SecurityItem[];
  /** All work entries of the period (including the above), oldest first. */
  work: WorkItem[];
  hours: HoursUsage;
  credit: ServiceCredit;
  nextTier: NextTier;
};

/** One month's key figures, for quarterly trends. */
export type MonthFigures = {
  month: string;
  /** Lowest site uptime ("99.907"); null: not monitored. */
  uptimePercent: string | null;
  downtimeMinutes: number;
  incidents: number;
  avgResponseMs: number | null;
  includedMinutes: number;
  budgetMinutes: number;
  overageMinutes: number;
  backups: number;
  updates: number;
};

export type QuarterFigures = {
  /** "2026-Q1". */
  quarter: string;
  months: MonthFigures[];
  uptimePercent: string | null;
  downtimeMinutes: number;
  incidents: number;
  avgResponseMs: number | null;
  includedMinutes: number;
  budgetMinutes: number;
  /** Months whose included work exceeded the budget. */
  monthsOverBudget: number;
};

export type RecommendationCode =
  | 'response_time_degraded'
  | 'response_time_improved'
  | 'uptime_below_commitment'
  | 'incidents_increased'
  | 'budget_exceeded'
  | 'budget_underused'
  | 'certificate_expiring'
  | 'updates_pending'
  | 'security_updates_pending'
  | 'no_backups'
  | 'upgrade_plan';

export type Recommendation = {
  code: RecommendationCode;
  /** high first. */
  priority: 'high' | 'medium' | 'low';
  /** Numbers and names the sentence needs (e.g. { percent: 30 } or { host, days }). */
  params: Record<string, string | number>;
};

export type QuarterlyReportData = {
  version: 1;
  kind: 'quarterly';
  language: ReportLanguage;
  timeZone: string;
  /** "2026-Q1". */
  period: string;
  from: string;
  to: string;
  complete: boolean;
  branding: ReportBranding;
  scope: ReportScope;
  plan: ReportPlan;
  current: QuarterFigures;
  /** Null when the client had no contract then. */
  previous: QuarterFigures | null;
  responseTime: ResponseTime;
  tls: TlsStatus[];
  /** Components with updates still pending at the quarter's end. */
  pendingUpdates: {
    siteName: string;
    component: string;
    installed: string;
    latest: string;
    security: boolean;
    pendingSince: string;
  }[];
  recommendations: Recommendation[];
  nextTier: NextTier;
};

export type ReportData = MonthlyReportData | QuarterlyReportData;
