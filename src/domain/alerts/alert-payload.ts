import type { IncidentsTable } from '../../storage/schema.ts';
import type { AlertSubject } from './site-channels.ts';

export const ALERT_EVENT_KINDS = ['down', 'recovery', 'reminder', 'tls_expiry', 'sla_warning', 'sla_breach'] as const;
export type AlertEventKind = (typeof ALERT_EVENT_KINDS)[number];

/**
 * What an alert says, frozen when it is queued: a retry an hour later reports the outage as it
 * was, and every channel of one event says the same thing. Webhooks receive it as JSON (plus id).
 */
export type AlertPayload = {
  type: AlertEventKind;
  occurredAt: string;
  monitor: { id: string; name: string; kind: string };
  site: { id: string; name: string; url: string };
  client: { id: string; name: string };
  incident: {
    id: string;
    status: IncidentsTable['status'];
    startedAt: string;
    detectedAt: string;
    acknowledgedAt: string | null;
    resolvedAt: string | null;
    /** Whole seconds from started to resolved (or to occurredAt while still open). */
    durationS: number;
    causeErrorClass: string | null;
    causeMessage: string | null;
    reopenCount: number;
  } | null;
  tls: { validTo: string; daysToExpiry: number; thresholdDays: number } | null;
  reminder: { number: number; unacknowledgedForMin: number } | null;
  /** SLA alerts only: the clock that crossed its warning threshold or its target. */
  sla?: SlaAlertFacts;
};

export type SlaAlertFacts = {
  metric: 'first_response' | 'resolution';
  targetMinutes: number;
  clock: 'business' | '24x7';
  dueAt: string | null;
  elapsedMinutes: number;
  percentElapsed: number;
  policyName: string;
  /** The agency's zone: due times in subjects are written in it. */
  timeZone: string;
};

const iso = (ms: number) => new Date(ms).toISOString();

export function buildAlertPayload(
  type: AlertEventKind,
  atMs: number,
  subject: AlertSubject,
  incident: IncidentsTable | null,
  extra: Pick<Partial<AlertPayload>, 'tls' | 'reminder' | 'sla'> = {},
): AlertPayload {
  return {
    type,
    occurredAt: iso(atMs),
    monitor: { id: subject.monitor.id, name: subject.monitor.name, kind: subject.monitor.kind },
    site: { id: subject.site.id, name: subject.site.name, url: subject.site.url },
    client: subject.client,
    incident: incident && {
      id: incident.id,
      status: incident.status,
      startedAt: iso(incident.started_at),
      detectedAt: iso(incident.detected_at),
      acknowledgedAt: incident.acknowledged_at === null ? null : iso(incident.acknowledged_at),
      resolvedAt: incident.resolved_at === null ? null : iso(incident.resolved_at),
      durationS: Math.max(0, Math.floor(((incident.resolved_at ?? atMs) - incident.started_at) / 1000)),
      causeErrorClass: incident.cause_error_class,
      causeMessage: incident.cause_message,
      reopenCount: incident.reopen_count,
    },
    tls: extra.tls ?? null,
    reminder: extra.reminder ?? null,
    ...(extra.sla && { sla: extra.sla }),
  };
}
