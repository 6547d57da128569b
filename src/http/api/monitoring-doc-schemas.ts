import { z } from 'zod';
import { MONITOR_KINDS } from '../../domain/monitoring/monitor-schemas.ts';
import { SERIES_RANGE_KEYS } from '../../domain/monitoring/response-series-view.ts';

// Response shapes of the monitoring, incident and maintenance routes (see doc-schemas.ts for why
// they are strict: the API tests parse real responses with them).

const ts = z.string().describe('ISO 8601 instant, UTC');
const tsOrNull = ts.nullable();
const ms = z.number().describe('milliseconds');

const monitorFields = {
  id: z.string(),
  siteId: z.string(),
  kind: z.enum(MONITOR_KINDS),
  name: z.string(),
  config: z.record(z.string(), z.unknown()).describe("the probe's settings for this kind (see POST /monitors)"),
  intervalS: z.number().int().nullable().describe("own interval; null follows the site's plan"),
  effectiveIntervalS: z.number().int().describe('the interval checks actually run at'),
  failureThreshold: z.number().int(),
  recoveryThreshold: z.number().int(),
  flapGraceS: z.number().int(),
  enabled: z.boolean().describe('false: paused'),
  status: z.enum(['unknown', 'up', 'degraded', 'down']),
  lastCheckAt: tsOrNull,
  lastTotalMs: ms.nullable(),
  lastErrorClass: z.string().nullable(),
  lastPingAt: tsOrNull,
  createdAt: ts,
  updatedAt: ts,
  archivedAt: tsOrNull,
};

export const monitorDoc = z.object(monitorFields).strict();

export const monitorWithUrlDoc = z
  .object({
    ...monitorFields,
    heartbeatUrl: z
      .string()
      .nullable()
      .describe('heartbeat monitors only: the secret URL to call, shown once (only its hash is kept)'),
  })
  .strict();

const checkCountsDoc = z
  .object({ total: z.number().int(), up: z.number().int(), degraded: z.number().int(), down: z.number().int() })
  .strict();

const uptimeFiguresDoc = z
  .object({
    from: ts,
    to: ts,
    windowMs: ms.describe('the part of the window the monitor existed in (from the hour it was created)'),
    downtimeMs: ms.describe('incident time outside maintenance'),
    excludedMs: ms.describe('maintenance'),
    uptimeRatio: z
      .number()
      .nullable()
      .describe('(window − excluded − downtime) / (window − excluded); null: nothing measured'),
    checks: checkCountsDoc,
  })
  .strict();

export const monitorStatsDoc = z
  .object({
    monitorId: z.string(),
    status: z.enum(['unknown', 'up', 'degraded', 'down']),
    paused: z.boolean(),
    lastCheckAt: tsOrNull,
    lastTotalMs: ms.nullable(),
    lastErrorClass: z.string().nullable(),
    uptime: z.object({ '24h': uptimeFiguresDoc, '7d': uptimeFiguresDoc, '30d': uptimeFiguresDoc }).strict(),
  })
  .strict();

export const checkResultDoc = z
  .object({
    startedAt: ts,
    location: z.string(),
    outcome: z.enum(['up', 'degraded', 'down']),
    errorClass: z.string().nullable().describe('timeout, dns, refused, reset, tls, status, keyword, too_slow, …'),
    httpStatus: z.number().int().nullable(),
    message: z.string().nullable(),
    isConfirmation: z.boolean().describe('the immediate re-check after a first failure'),
    timings: z
      .object({
        dnsMs: ms.nullable(),
        connectMs: ms.nullable(),
        tlsMs: ms.nullable(),
        firstByteMs: ms.nullable(),
        totalMs: ms,
      })
      .strict(),
  })
  .strict();

export const responseSeriesDoc = z
  .object({
    monitorId: z.string(),
    range: z.enum(SERIES_RANGE_KEYS),
    from: ts,
    to: ts,
    bucketS: z.number().int(),
    source: z.enum(['raw', 'rollups']).describe('raw: the last 24 h, per phase; rollups: totals only'),
    points: z.array(
      z
        .object({
          at: ts.describe('start of the bucket'),
          checks: z.number().int(),
          downChecks: z.number().int(),
          avgTotalMs: ms.nullable().describe('average over the checks that got an answer (up or degraded)'),
          minTotalMs: ms.nullable().describe('rollups only'),
          maxTotalMs: ms.nullable().describe('rollups only'),
          p95TotalMs: ms
            .nullable()
            .describe('rollups only, APPROXIMATE: the upper bound of the histogram bucket holding the 95th percentile'),
          phases: z
            .object({
              dnsMs: ms.nullable(),
              connectMs: ms.nullable(),
              tlsMs: ms.nullable(),
              firstByteMs: ms.nullable(),
            })
            .strict()
            .nullable()
            .describe('averages per phase; raw only'),
        })
        .strict(),
    ),
  })
  .strict();

export const heartbeatPingDoc = z
  .object({
    id: z.string(),
    monitorId: z.string(),
    receivedAt: ts,
    sourceIp: z.string().nullable(),
    userAgent: z.string().nullable(),
    note: z.string().nullable(),
  })
  .strict();

const slaClockDoc = z
  .object({
    metric: z.enum(['first_response', 'resolution']),
    targetMinutes: z.number().int(),
    clock: z.enum(['business', '24x7']).describe("business: counted in the calendar's hours; 24x7: wall-clock time"),
    startedAt: ts.describe('first response: detection; resolution: the first failed check'),
    stoppedAt: tsOrNull.describe('acknowledged (first response) or resolved; null while it runs'),
    elapsedMinutes: z.number().describe('counted minutes (business minutes for business clocks), one decimal'),
    dueAt: tsOrNull.describe('when the counted time reaches the target; while paused, as if the pause ended now'),
    warnAt: tsOrNull.describe("when the policy's warning threshold (e.g. 75 %) is reached"),
    state: z.enum(['running', 'paused', 'met', 'breached']),
    met: z.boolean().nullable().describe('null while running and not yet overdue'),
    marginMinutes: z.number().describe('target minus elapsed; negative once breached'),
    percentElapsed: z.number(),
  })
  .strict();

const incidentSlaFields = {
  policy: z
    .object({
      id: z.string(),
      name: z.string(),
      calendarName: z.string(),
      warnAtPercent: z.number().int().describe('the warning alert goes out at this % of a target'),
    })
    .strict()
    .nullable()
    .describe("the policy of the client's contract when the incident started; null: no SLA"),
  clocks: z.array(slaClockDoc),
};

export const incidentSlaDoc = z.object(incidentSlaFields).strict();

export const incidentSlaReportDoc = z
  .object({
    incidentId: z.string(),
    computedAt: ts.describe('the clocks as of this instant'),
    severity: z.enum(['critical', 'major', 'minor']),
    pausedAt: tsOrNull,
    ...incidentSlaFields,
  })
  .strict();

const incidentFields = {
  id: z.string(),
  monitorId: z.string(),
  siteId: z.string(),
  clientId: z.string(),
  status: z.enum(['open', 'resolved']),
  startedAt: ts.describe('the first failed check'),
  detectedAt: ts.describe('when the outage was confirmed'),
  acknowledgedAt: tsOrNull,
  acknowledgedBy: z.string().nullable().describe('user id, or "system"'),
  resolvedAt: tsOrNull.describe('the first good check (or a manual resolve)'),
  causeErrorClass: z.string().nullable(),
  causeMessage: z.string().nullable(),
  reopenCount: z.number().int(),
  severity: z
    .enum(['critical', 'major', 'minor'])
    .describe('picks the SLA targets when the policy sets them per severity'),
  pausedAt: tsOrNull.describe('waiting for the client since then (SLA clocks paused); null when not paused'),
  sla: incidentSlaDoc,
};

export const incidentDoc = z.object(incidentFields).strict();

export const incidentEventDoc = z
  .object({
    id: z.string(),
    at: ts,
    kind: z
      .string()
      .describe(
        'opened, reopened, acknowledged, note, resolved, alert_*, maintenance, paused, resumed, severity_changed, sla_warning, sla_breached',
      ),
    actorUserId: z.string().nullable(),
    actorLabel: z.string().describe('user, monitor or system'),
    data: z.record(z.string(), z.unknown()),
  })
  .strict();

export const incidentDetailDoc = z.object({ ...incidentFields, events: z.array(incidentEventDoc) }).strict();

export const maintenanceWindowDoc = z
  .object({
    id: z.string(),
    clientId: z.string(),
    siteId: z.string().nullable().describe('null: every site of the client'),
    title: z.string(),
    kind: z.enum(['once', 'weekly']),
    startsAt: tsOrNull,
    endsAt: tsOrNull,
    weekdays: z.array(z.number().int()).nullable().describe('ISO weekdays, 1 = Monday'),
    startLocal: z.string().nullable().describe("HH:MM in the client's time zone"),
    durationMin: z.number().int().nullable(),
    timeZone: z.string(),
    createdAt: ts,
    archivedAt: tsOrNull,
  })
  .strict();

const channelFields = {
  id: z.string(),
  clientId: z.string().nullable().describe("null: the agency's own channel, used for every client"),
  kind: z.enum(['email', 'webhook', 'slack']),
  name: z.string(),
  target: z.string().describe('the addresses, or the URL (a Slack URL is a credential: only its end is shown)'),
  hasSecret: z.boolean().describe('webhooks: a signing secret exists'),
  enabled: z.boolean(),
  createdAt: ts,
  archivedAt: tsOrNull,
};

export const alertChannelDoc = z.object(channelFields).strict();

export const createdAlertChannelDoc = z
  .object({
    ...channelFields,
    secret: z
      .string()
      .nullable()
      .describe('webhooks: the HMAC-SHA256 signing secret, shown only now (and on rotation)'),
  })
  .strict();

export const webhookSecretDoc = z.object({ secret: z.string().describe('shown only now') }).strict();

export const outboxAlertDoc = z
  .object({
    id: z.string(),
    eventKind: z.string().describe('down, recovery, tls_expiry, reminder, sla_warning, sla_breach'),
    status: z.enum(['pending', 'sent', 'failed', 'cancelled']),
    channel: z.object({ id: z.string(), kind: z.string(), name: z.string() }).strict(),
    incidentId: z.string().nullable(),
    monitorId: z.string().nullable(),
    summary: z.string().describe('what the alert says (its subject line)'),
    attempts: z.number().int(),
    nextAttemptAt: tsOrNull.describe('pending alerts: the next delivery attempt'),
    lastError: z.string().nullable(),
    createdAt: ts,
    sentAt: tsOrNull,
  })
  .strict();

export const mailMessageDoc = z
  .object({
    id: z.string(),
    alertId: z.string().nullable(),
    to: z.string(),
    subject: z.string(),
    textBody: z.string(),
    htmlBody: z.string().nullable(),
    status: z.enum(['sent', 'stored']).describe('stored: no SMTP server is configured; the mail is kept here'),
    createdAt: ts,
  })
  .strict();
