import type { Incident } from '../../domain/incidents/read-incidents.ts';
import type { HeartbeatPing } from '../../domain/monitoring/heartbeat-pings-view.ts';
import type { CheckLogEntry } from '../../domain/monitoring/monitor-stats-log.ts';
import {
  measuredUptimeRatio,
  type UptimeFigures,
  type UptimeWindowKey,
} from '../../domain/monitoring/monitor-stats-view.ts';
import type { Page } from '../../domain/shared/pagination.ts';
import { formatDateTime } from './format.ts';
import { formatDurationMs, formatMs, UptimeText } from './monitors-bits.tsx';

const WINDOW_LABELS: Record<UptimeWindowKey, string> = {
  '24h': 'Uptime 24 h',
  '7d': 'Uptime 7 d',
  '30d': 'Uptime 30 d',
};

export function UptimeFacts(p: { uptime: Record<UptimeWindowKey, UptimeFigures> }) {
  return (
    <dl class="facts">
      {(Object.keys(WINDOW_LABELS) as UptimeWindowKey[]).map((k) => {
        const u = p.uptime[k];
        return (
          <div>
            <dt>{WINDOW_LABELS[k]}</dt>
            <dd>
              <strong>
                <UptimeText ratio={measuredUptimeRatio(u)} />
              </strong>
              <div class="muted small">
                {u.downtimeMs > 0 ? `${formatDurationMs(u.downtimeMs)} down` : 'no downtime'}
                {u.excludedMs > 0 && ` · ${formatDurationMs(u.excludedMs)} maintenance`}
              </div>
            </dd>
          </div>
        );
      })}
    </dl>
  );
}

const OUTCOME_BADGE: Record<string, string> = { up: 'badge ok', degraded: 'badge warn', down: 'badge err' };

export function CheckLogTable(p: {
  page: Page<CheckLogEntry>;
  timeZone: string;
  base: string;
  range: string;
  firstPage: boolean;
}) {
  if (p.page.data.length === 0) return <p class="card muted">No checks yet. The first one runs within one interval.</p>;
  const link = (cursor?: string) => {
    const q = new URLSearchParams();
    if (p.range !== '24h') q.set('range', p.range);
    if (cursor) q.set('cursor', cursor);
    return `${p.base}${q.size ? `?${q}` : ''}#log-h`;
  };
  return (
    <>
      <table class="stack">
        <caption class="sr-only">Check log, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Started</th>
            <th scope="col">Result</th>
            <th scope="col" class="num">
              Total
            </th>
            <th scope="col" class="num">
              DNS
            </th>
            <th scope="col" class="num">
              Connect
            </th>
            <th scope="col" class="num">
              TLS
            </th>
            <th scope="col" class="num">
              First byte
            </th>
            <th scope="col">Details</th>
          </tr>
        </thead>
        <tbody>
          {p.page.data.map((r) => (
            <tr>
              <td data-label="Started" class="nowrap">
                {formatDateTime(r.startedAt, p.timeZone)}
                {r.location !== 'local' && <div class="muted small">{r.location}</div>}
              </td>
              <td data-label="Result">
                <span class={OUTCOME_BADGE[r.outcome] ?? 'badge'}>{r.outcome}</span>
                {r.isConfirmation && <span class="muted small"> re-check</span>}
              </td>
              <td data-label="Total" class="num">
                {formatMs(r.timings.totalMs)}
              </td>
              <td data-label="DNS" class="num">
                {formatMs(r.timings.dnsMs)}
              </td>
              <td data-label="Connect" class="num">
                {formatMs(r.timings.connectMs)}
              </td>
              <td data-label="TLS" class="num">
                {formatMs(r.timings.tlsMs)}
              </td>
              <td data-label="First byte" class="num">
                {formatMs(r.timings.firstByteMs)}
              </td>
              <td data-label="Details" class="small">
                {[r.httpStatus && `HTTP ${r.httpStatus}`, r.errorClass, r.message].filter(Boolean).join(' · ') || '–'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {(!p.firstPage || p.page.nextCursor) && (
        <nav class="pager" aria-label="Check log pages">
          {!p.firstPage && <a href={link()}>← Newest</a>}
          {p.page.nextCursor && (
            <a href={link(p.page.nextCursor)} rel="next">
              Older →
            </a>
          )}
        </nav>
      )}
    </>
  );
}

export function PingsTable(p: { pings: HeartbeatPing[]; timeZone: string }) {
  if (p.pings.length === 0) return <p class="muted">No pings received yet.</p>;
  return (
    <table>
      <caption class="sr-only">Recent pings, newest first</caption>
      <thead>
        <tr>
          <th scope="col">Received</th>
          <th scope="col">From</th>
          <th scope="col">Note</th>
        </tr>
      </thead>
      <tbody>
        {p.pings.map((ping) => (
          <tr>
            <td class="nowrap">{formatDateTime(ping.receivedAt, p.timeZone)}</td>
            <td class="small">{[ping.sourceIp, ping.userAgent].filter(Boolean).join(' · ') || '–'}</td>
            <td class="small">{ping.note ?? '–'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function IncidentsBrief(p: { incidents: Incident[]; timeZone: string; nowMs: number }) {
  if (p.incidents.length === 0) return <p class="muted">No incidents. </p>;
  return (
    <ul class="plain-list">
      {p.incidents.map((i) => {
        const endMs = i.resolvedAt ? Date.parse(i.resolvedAt) : p.nowMs;
        return (
          <li class="row">
            <span>
              <span class={i.status === 'open' ? 'badge err strong' : 'badge ok'}>
                {i.status === 'open' ? 'Open' : 'Resolved'}
              </span>{' '}
              <a href={`/admin/incidents/${i.id}`}>{formatDateTime(i.startedAt, p.timeZone)}</a>
              {i.causeErrorClass && <span class="muted"> · {i.causeErrorClass}</span>}
            </span>
            <span class="muted small">{formatDurationMs(endMs - Date.parse(i.startedAt))}</span>
          </li>
        );
      })}
    </ul>
  );
}
