import type { Context } from 'hono';
import { getAgencySettings } from '../../domain/agency/settings.ts';
import { listIncidents } from '../../domain/incidents/read-incidents.ts';
import { listHeartbeatPings } from '../../domain/monitoring/heartbeat-pings-view.ts';
import { placesOf } from '../../domain/monitoring/monitor-list-view.ts';
import { checkLog } from '../../domain/monitoring/monitor-stats-log.ts';
import { readMonitorStats } from '../../domain/monitoring/monitor-stats-view.ts';
import { getMonitor } from '../../domain/monitoring/monitors.ts';
import {
  readResponseSeries,
  SERIES_RANGE_KEYS,
  type SeriesRange,
} from '../../domain/monitoring/response-series-view.ts';
import type { AppEnv } from '../env.ts';
import { ResponseChart } from './charts/response-chart.tsx';
import { ActionButton } from './form-controls.tsx';
import { formatDateTime, formatSeconds } from './format.ts';
import { Layout, PageHeader } from './layout.tsx';
import { displayStatus, formatMs, KIND_LABELS, monitorTarget, StatusBadge } from './monitors-bits.tsx';
import { CheckLogTable, IncidentsBrief, PingsTable, UptimeFacts } from './monitors-detail-sections.tsx';
import { HeartbeatUrlCard } from './monitors-secret.tsx';
import { shell } from './view.ts';

const RANGE_LABELS: Record<SeriesRange, string> = {
  '24h': '24 hours',
  '7d': '7 days',
  '30d': '30 days',
  '90d': '90 days',
};
const LOG_PAGE_SIZE = 25;

export async function renderMonitorPage(c: Context<AppEnv>, id: string, opts: { rotatedUrl?: string } = {}) {
  const ctx = c.var.ctx;
  const monitor = await getMonitor(ctx, id);
  const rawRange = c.req.query('range');
  const range: SeriesRange = SERIES_RANGE_KEYS.find((r) => r === rawRange) ?? '24h';
  const cursor = c.req.query('cursor') || undefined;
  const heartbeat = monitor.kind === 'heartbeat';
  const [places, stats, series, log, incidents, pings, settings] = await Promise.all([
    placesOf(ctx.db, [monitor.siteId]),
    readMonitorStats(ctx, id),
    heartbeat ? null : readResponseSeries(ctx, id, { range }),
    // A cursor from an old link that no longer parses just shows the first page.
    checkLog(ctx, id, { limit: LOG_PAGE_SIZE, cursor }).catch(() => checkLog(ctx, id, { limit: LOG_PAGE_SIZE })),
    listIncidents(ctx, { monitorId: id, limit: 5 }),
    heartbeat ? listHeartbeatPings(ctx, id, { limit: 10 }) : null,
    getAgencySettings(ctx),
  ]);
  const place = places.get(monitor.siteId);
  const tz = settings.timeZone;
  const base = `/admin/monitors/${id}`;
  const csrf = c.var.csrfToken;
  return c.html(
    <Layout title={monitor.name} {...shell(c, 'monitors')} refreshSeconds={opts.rotatedUrl ? undefined : 30}>
      <PageHeader
        title={monitor.name}
        subtitle={
          <>
            <StatusBadge status={displayStatus(monitor)} />{' '}
            {monitor.archivedAt && <span class="badge warn">Archived</span>} {KIND_LABELS[monitor.kind]} ·{' '}
            {monitorTarget(monitor)} ·{' '}
            {place && (
              <a href={`/admin/clients/${place.clientId}`}>
                {place.clientName} — {place.siteName}
              </a>
            )}
          </>
        }
      >
        <a href="/admin/monitors">← Monitors</a>
        {monitor.enabled ? (
          <ActionButton action={`${base}/pause`} csrfToken={csrf} label="Pause" />
        ) : (
          <ActionButton action={`${base}/resume`} csrfToken={csrf} label="Resume" />
        )}
        {monitor.archivedAt ? (
          <ActionButton action={`${base}/restore`} csrfToken={csrf} label="Restore" />
        ) : (
          <ActionButton action={`${base}/archive`} csrfToken={csrf} label="Archive" variant="danger" />
        )}
      </PageHeader>
      {opts.rotatedUrl && <HeartbeatUrlCard url={opts.rotatedUrl} />}
      <section class="card" aria-labelledby="now-h">
        <h2 id="now-h">Now</h2>
        <dl class="facts">
          <div>
            <dt>Last check</dt>
            <dd>{monitor.lastCheckAt ? formatDateTime(monitor.lastCheckAt, tz) : 'never'}</dd>
          </div>
          <div>
            <dt>{heartbeat ? 'Last ping' : 'Response time'}</dt>
            <dd>{heartbeat ? formatDateTime(monitor.lastPingAt, tz) : formatMs(monitor.lastTotalMs)}</dd>
          </div>
          <div>
            <dt>Last error</dt>
            <dd>{monitor.lastErrorClass ?? '–'}</dd>
          </div>
          {!heartbeat && (
            <div>
              <dt>Checked every</dt>
              <dd>
                {formatSeconds(monitor.effectiveIntervalS)}
                {monitor.intervalS === null && <span class="muted small"> (plan)</span>}
              </dd>
            </div>
          )}
        </dl>
        <UptimeFacts uptime={stats.uptime} />
      </section>
      {heartbeat && (
        <section class="card" aria-labelledby="hb-h">
          <h2 id="hb-h">Heartbeat URL</h2>
          <p class="muted">
            The URL is secret and was shown once. If it leaked or was lost, give the monitor a new one; the old URL
            stops working at once, so update the job too.
          </p>
          <ActionButton action={`${base}/rotate-token`} csrfToken={csrf} label="Give it a new URL" variant="danger" />
          <h3 class="spaced">Recent pings</h3>
          {pings && <PingsTable pings={pings.data} timeZone={tz} />}
        </section>
      )}
      {series && (
        <section class="card" aria-labelledby="chart-h">
          <h2 id="chart-h">Response time</h2>
          <nav aria-label="Chart range">
            <ul class="tabs">
              {SERIES_RANGE_KEYS.map((r) => (
                <li>
                  <a href={`${base}?range=${r}#chart-h`} aria-current={r === range ? 'page' : undefined}>
                    {RANGE_LABELS[r]}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          <ResponseChart
            series={series}
            timeZone={tz}
            caption={`Response time of ${monitor.name}, last ${RANGE_LABELS[range]}${series.source === 'raw' ? ', per phase' : ''}`}
          />
        </section>
      )}
      <section class="card" aria-labelledby="inc-h">
        <h2 id="inc-h">Recent incidents</h2>
        <IncidentsBrief incidents={incidents} timeZone={tz} nowMs={ctx.clock.now()} />
      </section>
      <section aria-labelledby="log-h">
        <h2 id="log-h">Check log</h2>
        <CheckLogTable page={log} timeZone={tz} base={base} range={range} firstPage={!cursor} />
      </section>
    </Layout>,
  );
}
