import type { IncidentDetail, IncidentRow } from '../../domain/incidents/incident-list-view.ts';
import type { IncidentEvent } from '../../domain/incidents/read-incidents.ts';
import { formatDateTime, formatMinutes } from './format.ts';
import { METRIC_LABELS, SlaCell } from './incidents-sla-views.tsx';
import { formatDurationMs, formatRecent } from './monitors-bits.tsx';

export function IncidentStatus(p: { status: 'open' | 'resolved'; acknowledged: boolean }) {
  if (p.status === 'resolved') return <span class="badge ok">Resolved</span>;
  return p.acknowledged ? (
    <span class="badge warn">Open · acknowledged</span>
  ) : (
    <span class="badge err strong">Open</span>
  );
}

export function IncidentsTable(p: { rows: IncidentRow[]; timeZone: string; nowMs: number }) {
  const t = (iso: string | null) => formatRecent(iso, p.timeZone, p.nowMs);
  return (
    <table class="stack">
      <caption class="sr-only">Incidents, open ones first</caption>
      <thead>
        <tr>
          <th scope="col">Incident</th>
          <th scope="col">Status</th>
          <th scope="col">Started</th>
          <th scope="col">Detected</th>
          <th scope="col">Acknowledged</th>
          <th scope="col">Resolved</th>
          <th scope="col" class="num">
            Duration
          </th>
          <th scope="col">SLA</th>
        </tr>
      </thead>
      <tbody>
        {p.rows.map((i) => (
          <tr>
            <td data-label="Incident">
              <a href={`/admin/incidents/${i.id}`}>
                <strong>{i.monitorName}</strong>
              </a>
              <div class="muted small">
                {i.clientName} · {i.siteName}
                {i.causeErrorClass && ` · ${i.causeErrorClass}`}
              </div>
            </td>
            <td data-label="Status">
              <IncidentStatus status={i.status} acknowledged={i.acknowledgedAt !== null} />
            </td>
            <td data-label="Started">{t(i.startedAt)}</td>
            <td data-label="Detected">{t(i.detectedAt)}</td>
            <td data-label="Acknowledged">{t(i.acknowledgedAt)}</td>
            <td data-label="Resolved">{t(i.resolvedAt)}</td>
            <td data-label="Duration" class="num">
              {formatDurationMs(i.durationMs)}
              {i.status === 'open' && <span class="muted small"> so far</span>}
            </td>
            <td data-label="SLA">
              <SlaCell sla={i.sla} nowMs={p.nowMs} timeZone={p.timeZone} waitingForClient={i.pausedAt !== null} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const str = (v: unknown) => (typeof v === 'string' ? v : v === null || v === undefined ? '' : String(v));

const metricOf = (d: Record<string, unknown>) =>
  (METRIC_LABELS[d.metric as 'first_response' | 'resolution'] ?? str(d.metric)).toLowerCase();
const targetOf = (d: Record<string, unknown>) =>
  `${formatMinutes(Number(d.targetMinutes))}${d.clock === 'business' ? ' business-hours' : ' 24/7'}`;

/** One line per event, as a person reads it: what happened, by whom. */
function describe(e: IncidentEvent, who: string, timeZone: string): string {
  const d = e.data;
  const channel = d.channelName ? ` via ${str(d.channelKind)} “${str(d.channelName)}”` : '';
  switch (e.kind) {
    case 'opened': {
      const cause = [str(d.errorClass), str(d.message)].filter(Boolean).join(' — ') || 'checks failing';
      const first = typeof d.startedAt === 'number' ? new Date(d.startedAt).toISOString() : null;
      return `Outage confirmed: ${cause} (first failed check ${formatDateTime(first, timeZone)})`;
    }
    case 'reopened':
      return 'Reopened: it failed again within the grace period after recovering';
    case 'acknowledged':
      return `Acknowledged by ${who}`;
    case 'note':
      return `Note by ${who}`;
    case 'resolved':
      return d.manual ? `Resolved by hand by ${who}` : 'Recovered: the first good check';
    case 'alert_queued':
      return `${str(d.alertKind)} alert queued${channel}`;
    case 'alert_sent':
      return `${str(d.alertKind)} alert sent${channel}${d.mailDelivery === 'stored' ? ' (stored: no SMTP configured)' : ''}`;
    case 'alert_failed':
      return `${str(d.alertKind)} alert failed${channel}: ${str(d.error)}`;
    case 'alert_cancelled':
      return `${str(d.alertKind)} alert withdrawn${channel}${d.reason ? `: ${str(d.reason)}` : ''}`;
    case 'maintenance':
      return `${str(d.silencedAlert)} alert silenced by maintenance${d.windowTitle ? ` “${str(d.windowTitle)}”` : ''}`;
    case 'paused':
      return `Paused by ${who}: waiting for client (SLA clocks stopped)`;
    case 'resumed':
      return d.reason === 'resolved'
        ? 'Waiting for client ended: the incident was resolved'
        : `Resumed by ${who}: SLA clocks running again`;
    case 'severity_changed':
      return `Severity changed from ${str(d.from)} to ${str(d.to)} by ${who}`;
    case 'sla_warning':
      return `SLA warning: ${metricOf(d)} at ${str(d.percentElapsed)} % of its ${targetOf(d)} target, due ${formatDateTime(str(d.dueAt) || null, timeZone)}`;
    case 'sla_breached':
      return `SLA breached: ${metricOf(d)} target of ${targetOf(d)} missed (was due ${formatDateTime(str(d.dueAt) || null, timeZone)})`;
    default:
      return e.kind;
  }
}

export function Timeline(p: { incident: IncidentDetail; timeZone: string }) {
  const who = (e: IncidentEvent) =>
    e.actorUserId
      ? (p.incident.userNames[e.actorUserId] ?? 'a former user')
      : e.actorLabel === 'monitor'
        ? 'the monitor'
        : 'the command line'; // people act as "system" only through the CLI
  return (
    <ol class="timeline">
      {p.incident.events.map((e) => {
        const text =
          e.kind === 'note'
            ? str(e.data.text)
            : e.kind === 'resolved'
              ? str(e.data.note)
              : e.kind === 'paused'
                ? str(e.data.reason)
                : '';
        return (
          <li class={`ev-${e.kind}`}>
            <time datetime={e.at}>{formatDateTime(e.at, p.timeZone)}</time>
            {describe(e, who(e), p.timeZone)}
            {text && <p class="note-text">{text}</p>}
          </li>
        );
      })}
    </ol>
  );
}

export function IncidentFacts(p: { incident: IncidentDetail; timeZone: string }) {
  const i = p.incident;
  const t = (iso: string | null) => formatDateTime(iso, p.timeZone);
  const by = i.acknowledgedBy
    ? (i.userNames[i.acknowledgedBy] ?? (i.acknowledgedBy === 'system' ? 'the command line' : 'a former user'))
    : null;
  return (
    <dl class="facts">
      <div>
        <dt>Started</dt>
        <dd>{t(i.startedAt)}</dd>
      </div>
      <div>
        <dt>Detected</dt>
        <dd>{t(i.detectedAt)}</dd>
      </div>
      <div>
        <dt>Acknowledged</dt>
        <dd>
          {t(i.acknowledgedAt)}
          {by && <div class="muted small">by {by}</div>}
        </dd>
      </div>
      <div>
        <dt>Resolved</dt>
        <dd>{t(i.resolvedAt)}</dd>
      </div>
      <div>
        <dt>Duration</dt>
        <dd>
          {formatDurationMs(i.durationMs)}
          {i.status === 'open' && <span class="muted small"> so far</span>}
        </dd>
      </div>
      <div>
        <dt>Severity</dt>
        <dd>{i.severity}</dd>
      </div>
      <div>
        <dt>Cause</dt>
        <dd>{[i.causeErrorClass, i.causeMessage].filter(Boolean).join(' — ') || '–'}</dd>
      </div>
    </dl>
  );
}
