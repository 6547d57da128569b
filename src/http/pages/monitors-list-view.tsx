import type { MonitorListPage, MonitorRow } from '../../domain/monitoring/monitor-list-view.ts';
import { measuredUptimeRatio } from '../../domain/monitoring/monitor-stats-view.ts';
import { Sparkline } from './charts/sparkline.tsx';
import {
  displayStatus,
  formatMs,
  formatRecent,
  KIND_LABELS,
  monitorTarget,
  STATUS_TEXT,
  StatusBadge,
  UptimeText,
} from './monitors-bits.tsx';

export type MonitorFilter = { clientId: string; archived: boolean };

export function MonitorFilterForm(p: { filter: MonitorFilter; clients: Array<{ id: string; name: string }> }) {
  return (
    <search>
      <form method="get" action="/admin/monitors" class="filters">
        <div class="field">
          <label for="f-client">Client</label>
          <select id="f-client" name="client">
            <option value="">All clients</option>
            {p.clients.map((c) => (
              <option value={c.id} selected={c.id === p.filter.clientId}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="f-archived">Show</label>
          <select id="f-archived" name="archived">
            <option value="false">Active monitors</option>
            <option value="true" selected={p.filter.archived}>
              Archived monitors
            </option>
          </select>
        </div>
        <button class="btn secondary" type="submit">
          Show
        </button>
      </form>
    </search>
  );
}

export function StatusCounts(p: { counts: MonitorListPage['counts'] }) {
  const order = ['down', 'degraded', 'up', 'unknown', 'paused'] as const;
  return (
    <p class="row" style="justify-content:flex-start">
      {order.map((s) => (
        <span>
          <StatusBadge status={s} /> <strong>{p.counts[s]}</strong>
          <span class="sr-only"> {STATUS_TEXT[s]}</span>
        </span>
      ))}
    </p>
  );
}

export function MonitorsTable(p: { rows: MonitorRow[]; timeZone: string; nowMs: number }) {
  return (
    <table class="stack">
      <caption class="sr-only">Monitors, problems first</caption>
      <thead>
        <tr>
          <th scope="col">Monitor</th>
          <th scope="col">Status · last check</th>
          <th scope="col">Site</th>
          <th scope="col" class="num">
            24 h
          </th>
          <th scope="col" class="num">
            7 d
          </th>
          <th scope="col" class="num">
            30 d
          </th>
          <th scope="col">Response time</th>
        </tr>
      </thead>
      <tbody>
        {p.rows.map((m) => (
          <tr class={m.enabled ? undefined : 'inactive'}>
            <td data-label="Monitor">
              <a href={`/admin/monitors/${m.id}`}>
                <strong>{m.name}</strong>
              </a>
              <div class="muted small">
                {KIND_LABELS[m.kind]} · {monitorTarget(m)}
              </div>
            </td>
            <td data-label="Status">
              <StatusBadge status={displayStatus(m)} />
              {m.lastErrorClass && m.status !== 'up' && <span class="small"> {m.lastErrorClass}</span>}
              <div class="muted small nowrap">
                {m.lastCheckAt ? (
                  <>
                    {formatRecent(m.lastCheckAt, p.timeZone, p.nowMs)}
                    {m.lastTotalMs !== null && ` · ${formatMs(m.lastTotalMs)}`}
                  </>
                ) : (
                  'never checked'
                )}
              </div>
            </td>
            <td data-label="Site">
              <a href={`/admin/clients/${m.clientId}`}>{m.clientName}</a>
              <div class="muted small">{m.siteName}</div>
            </td>
            <td data-label="Uptime 24 h" class="num">
              <UptimeText ratio={measuredUptimeRatio(m.uptime?.['24h'])} />
            </td>
            <td data-label="Uptime 7 d" class="num">
              <UptimeText ratio={measuredUptimeRatio(m.uptime?.['7d'])} />
            </td>
            <td data-label="Uptime 30 d" class="num">
              <UptimeText ratio={measuredUptimeRatio(m.uptime?.['30d'])} />
            </td>
            <td data-label="Response time">
              <Sparkline samples={m.recent} label={m.name} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function PageLinks(p: { page: number; pageCount: number; href: (page: number) => string }) {
  if (p.pageCount <= 1) return null;
  return (
    <nav class="pager" aria-label="Pages">
      {p.page > 1 && <a href={p.href(p.page - 1)}>← Previous</a>}
      <span class="muted">
        Page {p.page} of {p.pageCount}
      </span>
      {p.page < p.pageCount && (
        <a href={p.href(p.page + 1)} rel="next">
          Next →
        </a>
      )}
    </nav>
  );
}
