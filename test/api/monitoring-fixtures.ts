import { expect } from 'vitest';
import { openIncident, resolveIncidentByCheck } from '../../src/domain/incidents/incident-lifecycle.ts';
import type { CheckResultsTable } from '../../src/storage/schema.ts';
import type { TestApp } from '../support/test-app.ts';
import { makeClient, makeContract, makeSite } from './helpers.ts';

/** A client on the given plan with one site. */
export async function makePlannedSite(t: TestApp, planId: 'basic' | 'standard' | 'premium' | null = 'standard') {
  const client = await makeClient(t, { timeZone: 'Europe/Madrid' });
  if (planId) await makeContract(t, client.id, { planId, status: 'active' });
  const site = await makeSite(t, client.id, { url: 'https://shop.example.com' });
  return { client, site };
}

export async function makeMonitor(t: TestApp, siteId: string, body: Record<string, unknown> = {}) {
  const res = await t.api('POST', '/monitors', { siteId, kind: 'http', ...body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; siteId: string; kind: string; heartbeatUrl: string | null };
}

/** A raw check result, as the engine writes it; timings in ms. */
export async function insertCheck(
  t: TestApp,
  monitorId: string,
  startedAtMs: number,
  fields: Partial<CheckResultsTable> = {},
): Promise<void> {
  await t.ctx.db
    .insertInto('check_results')
    .values({
      monitor_id: monitorId,
      started_at: startedAtMs,
      location: 'local',
      outcome: 'up',
      error_class: null,
      http_status: 200,
      dns_ms: 5,
      connect_ms: 10,
      tls_ms: 20,
      first_byte_ms: 50,
      total_ms: 60,
      message: null,
      is_confirmation: 0,
      ...fields,
    })
    .execute();
}

/** An outage as the engine records it: opened (and optionally resolved) through the lifecycle use cases. */
export async function recordOutage(
  t: TestApp,
  monitorId: string,
  startedAtMs: number,
  resolvedAtMs: number | null,
): Promise<string> {
  const { id } = await openIncident(t.ctx.db, {
    monitorId,
    startedAt: startedAtMs,
    detectedAt: startedAtMs + 30_000,
    errorClass: 'timeout',
    message: 'no answer within 10 s',
  });
  if (resolvedAtMs !== null) await resolveIncidentByCheck(t.ctx.db, id, resolvedAtMs, resolvedAtMs);
  return id;
}

/** Monitoring records for the write-route fuzzer's world: live and archived monitors, open and resolved incidents. */
export async function seedMonitoringWorld(t: TestApp, clientId: string, siteId: string) {
  const http = await makeMonitor(t, siteId);
  const heartbeat = await makeMonitor(t, siteId, { kind: 'heartbeat', config: { periodS: 3600 } });
  const archived = await makeMonitor(t, siteId, { kind: 'dns' });
  await t.api('POST', `/monitors/${archived.id}/archive`);
  const nowMs = t.clock.now();
  const open = await recordOutage(t, http.id, nowMs - 600_000, null);
  const resolved = await recordOutage(t, heartbeat.id, nowMs - 7_200_000, nowMs - 3_600_000);
  const window = await t.api('POST', '/maintenance-windows', {
    kind: 'weekly',
    clientId,
    title: 'Updates',
    weekdays: [2],
    startLocal: '03:00',
    durationMin: 30,
  });
  expect(window.status).toBe(201);
  const channels = await Promise.all(
    [
      { kind: 'email', addresses: 'oncall@agency.test' },
      { kind: 'webhook', url: 'https://hooks.example.com/steward', clientId },
    ].map(async (body) => {
      const res = await t.api('POST', '/alert-channels', body);
      expect(res.status).toBe(201);
      return res.body.id as string;
    }),
  );
  return {
    'alert-channels': channels,
    monitors: [http.id, heartbeat.id, archived.id],
    incidents: [open, resolved],
    'maintenance-windows': [window.body.id as string],
  };
}
