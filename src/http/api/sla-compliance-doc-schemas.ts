import { z } from 'zod';

// Response shapes of GET /sla/compliance and GET /sla/board (strict: the API tests parse real
// responses with them, so the document cannot drift).

const ts = z.string().describe('ISO 8601 instant, UTC');
const tsOrNull = ts.nullable();
const ms = z.number().int().describe('milliseconds');
const money = z
  .object({ currency: z.string().describe('ISO 4217'), amountMinor: z.number().int().describe('minor units (cents)') })
  .strict();
const percentText = z.string().describe('three decimals, rounded down: "99.907"; "100.000" only without downtime');

const clockDoc = z
  .object({
    metric: z.enum(['first_response', 'resolution']),
    targetMinutes: z.number().int(),
    clock: z.enum(['business', '24x7']),
    startedAt: ts,
    stoppedAt: tsOrNull.describe('acknowledged (first response) or resolved, even after the month ended'),
    elapsedMinutes: z.number().describe('counted minutes (business minutes for business clocks), one decimal'),
    dueAt: tsOrNull,
    warnAt: tsOrNull,
    state: z.enum(['running', 'paused', 'met', 'breached']).describe('running/paused: still open at "asOf"'),
    met: z.boolean().nullable(),
    marginMinutes: z.number(),
    percentElapsed: z.number(),
  })
  .strict();

const metricDoc = z
  .object({
    met: z.number().int(),
    breached: z.number().int(),
    open: z.number().int().describe('clocks still running at "asOf", not yet over their target'),
    withinTargetRatio: z.number().nullable().describe('met / (met + breached); null: nothing decided'),
    withinTargetPercent: z.string().nullable().describe('one decimal, rounded down'),
  })
  .strict();

const siteDoc = z
  .object({
    siteId: z.string(),
    name: z.string(),
    url: z.string(),
    measuredFrom: tsOrNull.describe('from the hour its first monitor was created, or the month start'),
    measuredTo: tsOrNull.describe('the month end, now (running month) or when monitoring stopped; null: not monitored'),
    windowMs: ms,
    downtimeMs: ms.describe('union of its incident intervals inside the window, outside maintenance'),
    downtimeMinutes: z.number().describe('one decimal'),
    excludedMs: ms.describe('maintenance'),
    excludedMinutes: z.number(),
    uptimeRatio: z.number().nullable().describe('(window − excluded − downtime) / (window − excluded)'),
    uptimePercent: percentText.nullable(),
    incidents: z.number().int().describe('incidents that started in the month'),
    keepsCommitment: z.boolean().nullable().describe('null without a commitment or a measurement'),
  })
  .strict();

const incidentDoc = z
  .object({
    id: z.string(),
    siteId: z.string(),
    monitorId: z.string(),
    severity: z.enum(['critical', 'major', 'minor']),
    startedAt: ts,
    detectedAt: ts,
    acknowledgedAt: tsOrNull,
    resolvedAt: tsOrNull,
    policy: z.object({ id: z.string(), name: z.string() }).strict().nullable(),
    clocks: z.array(clockDoc),
  })
  .strict();

const creditDoc = z
  .object({
    siteId: z.string().nullable().describe('the site with the lowest uptime, which the credit is computed on'),
    steps: z.number().int().describe('started steps below the commitment'),
    creditBp: z.number().int().describe('share of the fee credited, basis points, after the cap'),
    amounts: z.array(money).describe('per currency of the fee, rounded half up once'),
  })
  .strict();

export const clientComplianceDoc = z
  .object({
    clientId: z.string(),
    clientName: z.string(),
    timeZone: z.string(),
    month: z.string(),
    from: ts.describe("the month's first instant in the client's zone"),
    to: ts.describe("the next month's first instant"),
    asOf: ts.describe('when clocks still running were read: the month end, or now while it runs'),
    complete: z.boolean().describe('false while the month runs: figures are month to date'),
    contract: z
      .object({
        id: z.string(),
        planName: z.string(),
        billingPeriod: z.enum(['monthly', 'annual']),
        trial: z.boolean(),
      })
      .strict()
      .nullable()
      .describe('the contract covering the last day of the month, else the latest overlapping it'),
    policy: z
      .object({
        id: z.string(),
        name: z.string(),
        uptimeCommitmentBp: z.number().int().nullable(),
        uptimeCommitmentPercent: z.string().nullable(),
        credit: z.object({ perStepBp: z.number().int(), stepBp: z.number().int(), capBp: z.number().int() }).strict(),
      })
      .strict()
      .nullable(),
    fee: z.array(money).describe("the month's fee: the contract's MRR (annual ÷ 12, add-ons included); 0 in trial"),
    sites: z.array(siteDoc),
    incidents: z.array(incidentDoc).describe('incidents that started in the month, oldest first'),
    firstResponse: metricDoc,
    resolution: metricDoc,
    credit: creditDoc.nullable().describe('null without an uptime commitment'),
  })
  .strict();

export const monthlyComplianceDoc = z.object({ month: z.string(), clients: z.array(clientComplianceDoc) }).strict();

const atRiskDoc = z
  .object({
    incidentId: z.string(),
    clientId: z.string(),
    clientName: z.string(),
    siteId: z.string(),
    siteName: z.string(),
    severity: z.enum(['critical', 'major', 'minor']),
    startedAt: ts,
    metric: z.enum(['first_response', 'resolution']),
    clock: z.enum(['business', '24x7']),
    targetMinutes: z.number().int(),
    elapsedMinutes: z.number(),
    dueAt: tsOrNull,
    warnAt: tsOrNull,
    percentElapsed: z.number(),
    risk: z.enum(['at_risk', 'overdue']).describe('at_risk: past the warning; overdue: over the target, still running'),
    paused: z.boolean(),
  })
  .strict();

export const slaBoardDoc = z
  .object({
    month: z.string(),
    previousMonth: z.string(),
    nextMonth: z.string().nullable().describe('null when it has not started yet'),
    complete: z.boolean(),
    summary: z
      .object({
        atRiskNow: z.number().int().describe('open incidents with a clock past its warning threshold'),
        overdueNow: z.number().int().describe('open incidents with a clock over its target'),
        breachedThisMonth: z.number().int().describe('incidents of the month with a breached clock'),
        creditsDue: z.array(money).describe('per currency'),
      })
      .strict(),
    clients: z.array(
      z
        .object({
          clientId: z.string(),
          clientName: z.string(),
          planName: z.string().nullable(),
          lowestSiteId: z.string().nullable().describe('the site with the lowest uptime'),
          lowestSiteName: z.string().nullable(),
          lowestUptimePercent: percentText.nullable(),
          uptimeCommitmentPercent: z.string().nullable(),
          keepsCommitment: z.boolean().nullable(),
          incidents: z.number().int(),
          firstResponse: metricDoc,
          resolution: metricDoc,
          creditBp: z.number().int(),
          creditDue: z.array(money),
        })
        .strict(),
    ),
    atRisk: z.array(atRiskDoc).describe('running clocks of open incidents past their warning, due soonest first'),
  })
  .strict();
