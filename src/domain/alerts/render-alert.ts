import { DateTime } from 'luxon';
import type { AlertPayload, SlaAlertFacts } from './alert-payload.ts';

// One alert, three renderings: e-mail (text + simple HTML), Slack (text + blocks), webhook (JSON).

const KIND_LABELS: Record<string, string> = {
  http: 'HTTP',
  tcp: 'TCP',
  dns: 'DNS',
  tls: 'TLS',
  heartbeat: 'Heartbeat',
};

export function formatDurationS(totalS: number): string {
  if (totalS < 60) return `${totalS} s`;
  const d = Math.floor(totalS / 86_400);
  const h = Math.floor((totalS % 86_400) / 3600);
  const m = Math.floor((totalS % 3600) / 60);
  if (d > 0) return h > 0 ? `${d} d ${h} h` : `${d} d`;
  if (h > 0) return m > 0 ? `${h} h ${m} min` : `${h} h`;
  return `${m} min`;
}

const checkLabel = (p: AlertPayload) => `${KIND_LABELS[p.monitor.kind] ?? p.monitor.kind} check`;

export function alertSubject(p: AlertPayload): string {
  const site = p.site.name;
  switch (p.type) {
    case 'down':
      return `[DOWN] ${site} — ${checkLabel(p)} failing (${p.incident?.causeErrorClass ?? 'down'})`;
    case 'recovery':
      return `[RECOVERED] ${site} — ${checkLabel(p)} back up after ${formatDurationS(p.incident?.durationS ?? 0)}`;
    case 'reminder':
      return `[REMINDER] ${site} — ${checkLabel(p)} still failing, unacknowledged for ${p.reminder?.unacknowledgedForMin ?? 0} min`;
    case 'tls_expiry': {
      const days = p.tls?.daysToExpiry ?? 0;
      const when =
        days < 0 ? 'has expired' : days === 0 ? 'expires today' : `expires in ${days} day${days === 1 ? '' : 's'}`;
      return `[TLS] ${site} — certificate ${when}`;
    }
    case 'sla_warning':
      return `SLA warning: ${slaMetricLabel(p.sla)} for ${site} due ${dueLocal(p)} (${Math.floor(p.sla?.percentElapsed ?? 0)} % elapsed)`;
    case 'sla_breach':
      return `SLA breached: ${slaMetricLabel(p.sla)} for ${site} was due ${dueLocal(p)} (target ${formatDurationS((p.sla?.targetMinutes ?? 0) * 60)}${p.sla?.clock === 'business' ? ' business time' : ''})`;
  }
}

const slaMetricLabel = (sla: SlaAlertFacts | undefined) =>
  sla?.metric === 'resolution' ? 'resolution' : 'first response';

/** The due time in the agency's zone: "10:30" on the day of the alert, else "Tue 3 Mar 10:30". */
function dueLocal(p: AlertPayload): string {
  if (!p.sla?.dueAt) return 'never (the calendar has no hours)';
  const due = DateTime.fromISO(p.sla.dueAt, { zone: p.sla.timeZone });
  const at = DateTime.fromISO(p.occurredAt, { zone: p.sla.timeZone });
  return due.hasSame(at, 'day') ? due.toFormat('HH:mm') : due.toFormat('ccc d LLL HH:mm');
}

function slaFacts(sla: SlaAlertFacts): Array<[string, string]> {
  const kind = sla.clock === 'business' ? 'business time' : '24/7';
  const due = sla.dueAt
    ? `${DateTime.fromISO(sla.dueAt, { zone: sla.timeZone }).toFormat('yyyy-LL-dd HH:mm')} ${sla.timeZone}${sla.timeZone === 'UTC' ? '' : ` (${sla.dueAt.slice(11, 16)} UTC)`}`
    : 'never: the calendar has no business hours ahead';
  return [
    ['SLA', `${sla.policyName}: ${slaMetricLabel(sla)} within ${formatDurationS(sla.targetMinutes * 60)} (${kind})`],
    ['Due', due],
    ['Elapsed', `${sla.elapsedMinutes} of ${sla.targetMinutes} min (${sla.percentElapsed} %)`],
  ];
}

/** Label/value lines shared by the e-mail and Slack renderings. */
export function alertFacts(p: AlertPayload, consoleUrl?: string): Array<[string, string]> {
  const facts: Array<[string, string]> = [
    ['Site', `${p.site.name} (${p.site.url})`],
    ['Client', p.client.name],
    ['Monitor', `${p.monitor.name} (${checkLabel(p)})`],
  ];
  if (p.sla) facts.push(...slaFacts(p.sla));
  const i = p.incident;
  if (i) {
    facts.push(['Started', i.startedAt], ['Detected', i.detectedAt]);
    if (i.resolvedAt) facts.push(['Resolved', i.resolvedAt], ['Duration', formatDurationS(i.durationS)]);
    if (i.causeErrorClass || i.causeMessage) {
      facts.push(['Cause', [i.causeErrorClass, i.causeMessage].filter(Boolean).join(' — ')]);
    }
    if (i.acknowledgedAt) facts.push(['Acknowledged', i.acknowledgedAt]);
    facts.push(['Incident', i.id]);
    if (consoleUrl) facts.push(['Open in Steward', `${consoleUrl.replace(/\/$/, '')}/admin/incidents/${i.id}`]);
  }
  if (p.tls) {
    facts.push(['Certificate valid until', p.tls.validTo], ['Warning threshold', `${p.tls.thresholdDays} days`]);
  }
  return facts;
}

export type RenderedMail = { subject: string; text: string; html: string };

export function renderAlertMail(p: AlertPayload, consoleUrl?: string): RenderedMail {
  const subject = alertSubject(p);
  const facts = alertFacts(p, consoleUrl);
  const text = [subject, '', ...facts.map(([k, v]) => `${k}: ${v}`), '', `Sent by Steward at ${p.occurredAt}.`].join(
    '\n',
  );
  const rows = facts
    .map(
      ([k, v]) =>
        `<tr><th align="left" style="padding:2px 12px 2px 0">${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`,
    )
    .join('');
  const html = `<!doctype html><html><body style="font-family:sans-serif"><h2>${escapeHtml(subject)}</h2><table>${rows}</table><p style="color:#666">Sent by Steward at ${escapeHtml(p.occurredAt)}.</p></body></html>`;
  return { subject, text, html };
}

export function renderSlackMessage(p: AlertPayload, consoleUrl?: string) {
  const subject = alertSubject(p);
  const facts = alertFacts(p, consoleUrl).map(([k, v]) => `*${escapeSlack(k)}:* ${escapeSlack(v)}`);
  return {
    text: subject,
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: subject.slice(0, 150) } },
      { type: 'section', text: { type: 'mrkdwn', text: facts.join('\n').slice(0, 3000) } },
    ],
  };
}

/** The webhook body: the payload plus the alert's id, which stays the same across retries. */
export function renderWebhookBody(alertId: string, p: AlertPayload): string {
  const { type, ...rest } = p;
  return JSON.stringify({ type, id: alertId, ...rest });
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Slack's mrkdwn treats &, < and > as control characters. */
function escapeSlack(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
