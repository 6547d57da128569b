import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { listHeartbeatPings, pingLogQuerySchema } from '../../domain/monitoring/heartbeat-pings-view.ts';
import { heartbeatPingUrl } from '../../domain/monitoring/heartbeat-url-view.ts';
import {
  createMonitorSchema,
  listMonitorsQuerySchema,
  updateMonitorSchema,
} from '../../domain/monitoring/monitor-schemas.ts';
import { checkLog, checkLogQuerySchema } from '../../domain/monitoring/monitor-stats-log.ts';
import { readMonitorStats } from '../../domain/monitoring/monitor-stats-view.ts';
import {
  type CreatedMonitor,
  createMonitor,
  getMonitor,
  listMonitors,
  rotateHeartbeatToken,
  setMonitorArchived,
  updateMonitor,
} from '../../domain/monitoring/monitors.ts';
import { readResponseSeries, responseSeriesQuerySchema } from '../../domain/monitoring/response-series-view.ts';
import type { AppEnv } from '../env.ts';
import { defineRoute, idParams } from './define-route.ts';
import { listOf, pageOf } from './doc-schemas.ts';
import {
  checkResultDoc,
  heartbeatPingDoc,
  monitorDoc,
  monitorStatsDoc,
  monitorWithUrlDoc,
  responseSeriesDoc,
} from './monitoring-doc-schemas.ts';

const tag = 'Monitors';

/** STEWARD_PUBLIC_URL when set (behind a proxy the request's own origin is the proxy's view). */
function baseUrl(c: Context<AppEnv>): string {
  return c.var.publicUrl ?? new URL(c.req.url).origin;
}

const withUrl = (c: Context<AppEnv>, { monitor, heartbeatToken }: CreatedMonitor) => ({
  ...monitor,
  heartbeatUrl: heartbeatToken ? heartbeatPingUrl(baseUrl(c), heartbeatToken) : null,
});

export function monitorRoutes(r: OpenAPIHono<AppEnv>) {
  defineRoute(
    r,
    {
      method: 'get',
      path: '/monitors',
      tag,
      summary: 'List monitors (filter by siteId, clientId, kind, status; archived=true|false|all)',
      query: listMonitorsQuerySchema,
      response: listOf(monitorDoc),
    },
    async (c, { query }) => ({ data: await listMonitors(c.var.ctx, query) }),
  );
  defineRoute(
    r,
    {
      method: 'post',
      path: '/monitors',
      tag,
      summary:
        "Add a monitor to a site. config depends on kind: http {url, method, expectedStatus, keyword, …}, tcp {host, port}, dns {hostname, recordType, expected}, tls {host, port, warnDays}, heartbeat {periodS, graceS}; the site's address fills url/host/hostname when left out. An interval shorter than the site's plan allows is refused (422) naming the plan that allows it. Heartbeat monitors return their secret heartbeatUrl once.",
      body: createMonitorSchema,
      response: monitorWithUrlDoc,
      status: 201,
      errors: [404],
    },
    async (c, { body }) => withUrl(c, await createMonitor(c.var.ctx, c.var.actor, body)),
  );
  defineRoute(
    r,
    {
      method: 'get',
      path: '/monitors/{id}',
      tag,
      summary: 'Get a monitor with its current status',
      params: idParams,
      response: monitorDoc,
      errors: [404],
    },
    (c, { params }) => getMonitor(c.var.ctx, params.id),
  );
  defineRoute(
    r,
    {
      method: 'patch',
      path: '/monitors/{id}',
      tag,
      summary: 'Update a monitor; enabled=false pauses it, enabled=true resumes it',
      params: idParams,
      body: updateMonitorSchema,
      response: monitorDoc,
      errors: [404],
    },
    (c, { params, body }) => updateMonitor(c.var.ctx, c.var.actor, params.id, body),
  );
  for (const [verb, archived] of [
    ['archive', true],
    ['restore', false],
  ] as const) {
    defineRoute(
      r,
      {
        method: 'post',
        path: `/monitors/{id}/${verb}`,
        tag,
        summary: archived ? 'Archive a monitor (its checks stop; its history stays)' : 'Restore an archived monitor',
        params: idParams,
        response: monitorDoc,
        errors: [404],
      },
      (c, { params }) => setMonitorArchived(c.var.ctx, c.var.actor, params.id, archived),
    );
  }
  defineRoute(
    r,
    {
      method: 'post',
      path: '/monitors/{id}/rotate-token',
      tag,
      summary: 'Give a heartbeat monitor a new secret URL (returned once); the old URL stops working',
      params: idParams,
      response: monitorWithUrlDoc,
      errors: [404],
    },
    async (c, { params }) => withUrl(c, await rotateHeartbeatToken(c.var.ctx, c.var.actor, params.id)),
  );
  defineRoute(
    r,
    {
      method: 'get',
      path: '/monitors/{id}/stats',
      tag,
      summary:
        'Uptime over the last 24 h, 7 d and 30 d (incident time is downtime, maintenance is excluded) and the last check',
      params: idParams,
      response: monitorStatsDoc,
      errors: [404],
    },
    (c, { params }) => readMonitorStats(c.var.ctx, params.id),
  );
  defineRoute(
    r,
    {
      method: 'get',
      path: '/monitors/{id}/checks',
      tag,
      summary:
        'The check log: raw results (kept 90 days by default), newest first (filter by outcome; paginated with cursor)',
      params: idParams,
      query: checkLogQuerySchema,
      response: pageOf(checkResultDoc),
      errors: [404],
    },
    (c, { params, query }) => checkLog(c.var.ctx, params.id, query),
  );
  defineRoute(
    r,
    {
      method: 'get',
      path: '/monitors/{id}/response-times',
      tag,
      summary:
        'Response time per bucket over range=24h (raw results: averages per phase: dns, connect, tls, first byte, total), 7d, 30d or 90d (hour rollups: average, min, max and an approximate p95 of the total)',
      params: idParams,
      query: responseSeriesQuerySchema,
      response: responseSeriesDoc,
      errors: [404],
    },
    (c, { params, query }) => readResponseSeries(c.var.ctx, params.id, query),
  );
  defineRoute(
    r,
    {
      method: 'get',
      path: '/monitors/{id}/pings',
      tag,
      summary: "A heartbeat monitor's received pings, newest first (paginated with cursor)",
      params: idParams,
      query: pingLogQuerySchema,
      response: pageOf(heartbeatPingDoc),
      errors: [404],
    },
    (c, { params, query }) => listHeartbeatPings(c.var.ctx, params.id, query),
  );
}
