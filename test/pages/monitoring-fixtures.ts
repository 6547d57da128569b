import { createClient } from '../../src/domain/clients/clients.ts';
import type { Ctx } from '../../src/domain/context.ts';
import { systemActor } from '../../src/domain/context.ts';
import { createContract } from '../../src/domain/contracts/change-contracts.ts';
import { openIncident, resolveIncidentByCheck } from '../../src/domain/incidents/incident-lifecycle.ts';
import { createMonitor } from '../../src/domain/monitoring/monitors.ts';
import { insertCheckResults } from '../../src/domain/monitoring/record-results.ts';
import { createSite } from '../../src/domain/sites/sites.ts';
import type { CheckResultsTable } from '../../src/storage/schema.ts';

const MIN = 60_000;

/** Realistic-looking timings for the i-th check: a slow stretch in the middle, one failure. */
export function checkRows(monitorId: string, nowMs: number, count: number, everyMs = 5 * MIN): CheckResultsTable[] {
  return Array.from({ length: count }, (_, i) => {
    const startedAt = nowMs - (count - i) * everyMs;
    const slow = i > count / 2 && i < count / 2 + 6 ? 3 : 1;
    const down = i === count - 10;
    const dns = 4 + (i % 5);
    const connect = 12 + (i % 7);
    const tls = 25 + (i % 3) * 4;
    const wait = (80 + ((i * 37) % 60)) * slow;
    return {
      monitor_id: monitorId,
      started_at: startedAt,
      location: 'local',
      outcome: down ? 'down' : 'up',
      error_class: down ? 'timeout' : null,
      http_status: down ? null : 200,
      dns_ms: dns,
      connect_ms: down ? null : connect,
      tls_ms: down ? null : tls,
      first_byte_ms: down ? null : wait,
      total_ms: down ? 10_000 : dns + connect + tls + wait + 6,
      message: down ? 'no answer within 10 s' : null,
      is_confirmation: 0,
    };
  });
}

/** A client on Standard with a site, an HTTP monitor with a day of results, a heartbeat and an open incident. */
export async function seedMonitoring(ctx: Ctx) {
  const client = await createClient(ctx, systemActor, { name: 'Acme Bakery', timeZone: 'Europe/Madrid' });
  await createContract(ctx, systemActor, { clientId: client.id, planId: 'standard', billingPeriod: 'monthly' });
  const site = await createSite(ctx, systemActor, { clientId: client.id, url: 'acme.example', cms: 'wordpress' });
  const createdMs = ctx.clock.now() - 2 * 86_400_000;
  const nowMs = ctx.clock.now();
  const http = (
    await createMonitor({ ...ctx, clock: { now: () => createdMs } }, systemActor, {
      siteId: site.id,
      kind: 'http',
      name: 'Shop home page',
    })
  ).monitor;
  const heartbeat = await createMonitor(ctx, systemActor, {
    siteId: site.id,
    kind: 'heartbeat',
    name: 'Nightly backup',
    config: { periodS: 86_400 },
  });
  await insertCheckResults(ctx.db, checkRows(http.id, nowMs, 288));
  await ctx.db
    .updateTable('monitors')
    .set({ status: 'down', last_check_at: nowMs - MIN, last_total_ms: 10_000, last_error_class: 'status' })
    .where('id', '=', http.id)
    .execute();
  const incident = await openIncident(ctx.db, {
    monitorId: http.id,
    startedAt: nowMs - 20 * MIN,
    detectedAt: nowMs - 19 * MIN,
    errorClass: 'status',
    message: 'HTTP 503',
  });
  return {
    client,
    site,
    http,
    heartbeat: heartbeat.monitor,
    heartbeatToken: heartbeat.heartbeatToken,
    incidentId: incident.id,
  };
}

/** A finished outage of a monitor, through the lifecycle use cases. */
export async function recordOutageFor(ctx: Ctx, monitorId: string, startedAtMs: number, resolvedAtMs: number) {
  const { id } = await openIncident(ctx.db, {
    monitorId,
    startedAt: startedAtMs,
    detectedAt: startedAtMs + 60_000,
    errorClass: 'heartbeat_missed',
    message: 'no ping',
  });
  await resolveIncidentByCheck(ctx.db, id, resolvedAtMs, resolvedAtMs);
  return id;
}

/**
 * A small agency's monitoring for screenshots: monitors in every state, a day of results with a
 * slow stretch and a failure, an open incident with a note, and a resolved one.
 */
export async function seedShowcase(ctx: Ctx) {
  const nowMs = ctx.clock.now();
  const dayAgo = { ...ctx, clock: { now: () => nowMs - 3 * 86_400_000 } };
  const client = await createClient(ctx, systemActor, { name: 'Panadería Sol', timeZone: 'Europe/Madrid' });
  await createContract(ctx, systemActor, { clientId: client.id, planId: 'standard', billingPeriod: 'monthly' });
  const site = await createSite(ctx, systemActor, {
    clientId: client.id,
    url: 'panaderia-sol.example',
    cms: 'wordpress',
  });
  const other = await createClient(ctx, systemActor, { name: 'Bäckerei Graf', timeZone: 'Europe/Berlin' });
  await createContract(ctx, systemActor, { clientId: other.id, planId: 'premium', billingPeriod: 'annual' });
  const shop = await createSite(ctx, systemActor, { clientId: other.id, url: 'shop.graf.example', cms: 'other' });
  const add = async (siteId: string, body: Record<string, unknown>) =>
    (await createMonitor(dayAgo, systemActor, { siteId, ...body })).monitor;
  const home = await add(site.id, { kind: 'http', name: 'Shop home page' });
  const api = await add(shop.id, {
    kind: 'http',
    name: 'Checkout API',
    config: { url: 'https://shop.graf.example/api/health' },
  });
  const mail = await add(shop.id, { kind: 'tcp', name: 'Mail server', config: { port: 587 } });
  const tls = await add(site.id, { kind: 'tls', name: 'TLS certificate' });
  const dns = await add(site.id, { kind: 'dns', name: 'DNS', enabled: false });
  await createMonitor(ctx, systemActor, {
    siteId: site.id,
    kind: 'heartbeat',
    name: 'Nightly backup',
    config: { periodS: 86_400 },
  });
  const state = (id: string, status: 'up' | 'degraded' | 'down', totalMs: number, error: string | null = null) =>
    ctx.db
      .updateTable('monitors')
      .set({ status, last_check_at: nowMs - 60_000, last_total_ms: totalMs, last_error_class: error })
      .where('id', '=', id)
      .execute();
  await insertCheckResults(ctx.db, checkRows(home.id, nowMs, 288));
  await insertCheckResults(
    ctx.db,
    checkRows(api.id, nowMs, 288).map((r, i) => ({
      ...r,
      total_ms: r.total_ms * (i > 250 ? 4 : 1.5),
      first_byte_ms: (r.first_byte_ms ?? 0) * (i > 250 ? 5 : 1.6),
    })),
  );
  await insertCheckResults(
    ctx.db,
    checkRows(mail.id, nowMs, 288).map((r, i) =>
      i > 280 ? { ...r, outcome: 'down' as const, error_class: 'refused', total_ms: 2 } : r,
    ),
  );
  await insertCheckResults(ctx.db, checkRows(tls.id, nowMs, 96, 15 * MIN));
  await Promise.all([
    state(home.id, 'up', 131.5),
    state(api.id, 'degraded', 842, 'too_slow'),
    state(mail.id, 'down', 2, 'refused'),
    state(tls.id, 'up', 61),
  ]);
  const open = await openIncident(ctx.db, {
    monitorId: mail.id,
    startedAt: nowMs - 35 * MIN,
    detectedAt: nowMs - 34 * MIN,
    errorClass: 'refused',
    message: 'connect ECONNREFUSED 203.0.113.7:587',
  });
  // The home page's one failed check (10 checks ago, see checkRows) was an outage until the next one.
  const old = await openIncident(ctx.db, {
    monitorId: home.id,
    startedAt: nowMs - 50 * MIN,
    detectedAt: nowMs - 50 * MIN + 30_000,
    errorClass: 'timeout',
    message: 'no answer within 10 s',
  });
  await resolveIncidentByCheck(ctx.db, old.id, nowMs - 45 * MIN, nowMs - 45 * MIN);
  return { client, site, home, api, mail, dns, openIncidentId: open.id };
}
