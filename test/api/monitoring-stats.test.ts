import { describe, expect, it } from 'vitest';
import { pageOf } from '../../src/http/api/doc-schemas.ts';
import {
  checkResultDoc,
  heartbeatPingDoc,
  monitorStatsDoc,
  responseSeriesDoc,
} from '../../src/http/api/monitoring-doc-schemas.ts';
import { collectPages, expectError, expectInvalid, expectOk, useTestApp } from './helpers.ts';
import { insertCheck, makeMonitor, makePlannedSite, recordOutage } from './monitoring-fixtures.ts';

const t = useTestApp();
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

describe('GET /monitors/{id}/stats', () => {
  it('computes uptime from incident time over 24 h, 7 d and 30 d, never before the monitor existed', async () => {
    const { site } = await makePlannedSite(t());
    const m = await makeMonitor(t(), site.id);
    t().clock.advance(10 * DAY);
    const now = t().clock.now();
    await recordOutage(t(), m.id, now - 10 * HOUR, now - 10 * HOUR + 72 * MIN);
    await recordOutage(t(), m.id, now - 3 * DAY, now - 3 * DAY + 144 * MIN);
    await insertCheck(t(), m.id, now - MIN, { total_ms: 123.5 });
    await t()
      .ctx.db.updateTable('monitors')
      .set({ status: 'up', last_check_at: now - MIN, last_total_ms: 123.5 })
      .execute();

    const stats = expectOk(await t().api('GET', `/monitors/${m.id}/stats`), 200, monitorStatsDoc);
    expect(stats).toMatchObject({ monitorId: m.id, status: 'up', paused: false, lastTotalMs: 123.5 });
    expect(stats.lastCheckAt).toBe(new Date(now - MIN).toISOString());
    expect(stats.uptime['24h']).toEqual({
      from: new Date(now - DAY).toISOString(),
      to: new Date(now).toISOString(),
      windowMs: DAY,
      downtimeMs: 72 * MIN,
      excludedMs: 0,
      uptimeRatio: 1 - 72 / 1440,
      checks: { total: 1, up: 1, degraded: 0, down: 0 },
    });
    expect(stats.uptime['7d']).toMatchObject({ windowMs: 7 * DAY, downtimeMs: 216 * MIN });
    expect(stats.uptime['7d'].uptimeRatio).toBeCloseTo(1 - 216 / (7 * 1440), 12);
    // The monitor is 10 days old: its "30 d" window is those 10 days.
    expect(stats.uptime['30d']).toMatchObject({ windowMs: 10 * DAY, downtimeMs: 216 * MIN });
    expect(stats.uptime['30d'].uptimeRatio).toBeCloseTo(1 - 216 / (10 * 1440), 12);
  });

  it('excludes maintenance from both the window and the downtime; an open incident runs until now', async () => {
    const { client, site } = await makePlannedSite(t());
    const m = await makeMonitor(t(), site.id);
    t().clock.advance(2 * DAY);
    const now = t().clock.now();
    const outageStart = now - 5 * HOUR;
    await recordOutage(t(), m.id, outageStart, outageStart + 72 * MIN);
    const mw = await t().api('POST', '/maintenance-windows', {
      kind: 'once',
      clientId: client.id,
      title: 'Server move',
      startsAt: new Date(outageStart).toISOString(),
      endsAt: new Date(outageStart + 36 * MIN).toISOString(),
    });
    expect(mw.status).toBe(201);
    await recordOutage(t(), m.id, now - 30 * MIN, null);
    const { uptime } = expectOk(await t().api('GET', `/monitors/${m.id}/stats`), 200, monitorStatsDoc);
    expect(uptime['24h']).toMatchObject({ excludedMs: 36 * MIN, downtimeMs: (36 + 30) * MIN });
    expect(uptime['24h'].uptimeRatio).toBeCloseTo((1440 - 36 - 66) / (1440 - 36), 12);
  });

  it('says when a monitor is paused; 404 for an unknown one, 401 without a token', async () => {
    const { site } = await makePlannedSite(t());
    const m = await makeMonitor(t(), site.id, { enabled: false });
    const stats = expectOk(await t().api('GET', `/monitors/${m.id}/stats`), 200, monitorStatsDoc);
    expect(stats).toMatchObject({ paused: true, status: 'unknown', lastCheckAt: null });
    expect(stats.uptime['24h']).toMatchObject({ windowMs: 0, uptimeRatio: null });
    expectError(await t().api('GET', '/monitors/mon_missing/stats'), 404, 'not_found');
    expectError(await t().api('GET', `/monitors/${m.id}/stats`, undefined, null), 401);
  });
});

describe('GET /monitors/{id}/checks', () => {
  it('pages through the raw results newest first, locations in reverse name order within an instant', async () => {
    const { site } = await makePlannedSite(t());
    const m = await makeMonitor(t(), site.id);
    const other = await makeMonitor(t(), site.id);
    const now = t().clock.now();
    for (let k = 1; k <= 5; k++) await insertCheck(t(), m.id, now - k * MIN, { total_ms: k * 10 });
    await insertCheck(t(), m.id, now - 2 * MIN, {
      location: 'eu-west',
      outcome: 'down',
      error_class: 'timeout',
      total_ms: 10_000,
    });
    await insertCheck(t(), other.id, now, {});

    const { items, pages } = await collectPages<{ startedAt: string; location: string }>(
      t(),
      `/monitors/${m.id}/checks`,
      2,
    );
    expect(pages).toBe(3);
    expect(items.map((c) => [c.startedAt, c.location])).toEqual([
      [new Date(now - MIN).toISOString(), 'local'],
      [new Date(now - 2 * MIN).toISOString(), 'local'],
      [new Date(now - 2 * MIN).toISOString(), 'eu-west'],
      [new Date(now - 3 * MIN).toISOString(), 'local'],
      [new Date(now - 4 * MIN).toISOString(), 'local'],
      [new Date(now - 5 * MIN).toISOString(), 'local'],
    ]);
    const first = expectOk(await t().api('GET', `/monitors/${m.id}/checks?limit=1`), 200, pageOf(checkResultDoc));
    expect(first.data[0]).toEqual({
      startedAt: new Date(now - MIN).toISOString(),
      location: 'local',
      outcome: 'up',
      errorClass: null,
      httpStatus: 200,
      message: null,
      isConfirmation: false,
      timings: { dnsMs: 5, connectMs: 10, tlsMs: 20, firstByteMs: 50, totalMs: 10 },
    });
    const down = expectOk(await t().api('GET', `/monitors/${m.id}/checks?outcome=down`), 200, pageOf(checkResultDoc));
    expect(down.data.map((c) => c.errorClass)).toEqual(['timeout']);
  });

  it('refuses a forged cursor and a bad limit with 422; 404 for an unknown monitor', async () => {
    const { site } = await makePlannedSite(t());
    const m = await makeMonitor(t(), site.id);
    expectInvalid(await t().api('GET', `/monitors/${m.id}/checks?cursor=bm90LWEtY3Vyc29y`), ['cursor']);
    const forged = Buffer.from(JSON.stringify([1.5, 'local'])).toString('base64url');
    expectInvalid(await t().api('GET', `/monitors/${m.id}/checks?cursor=${forged}`), ['cursor']);
    expectInvalid(await t().api('GET', `/monitors/${m.id}/checks?limit=0`), ['limit']);
    expectError(await t().api('GET', '/monitors/mon_missing/checks'), 404, 'not_found');
  });
});

describe('GET /monitors/{id}/response-times', () => {
  it('averages each phase per bucket over the answered checks and counts the failed ones', async () => {
    const { site } = await makePlannedSite(t());
    const m = await makeMonitor(t(), site.id);
    const now = t().clock.now(); // 09:00 UTC, on a 10-minute boundary
    await insertCheck(t(), m.id, now - 5 * MIN, { dns_ms: 5, total_ms: 60 });
    await insertCheck(t(), m.id, now - 4 * MIN, { dns_ms: 15, total_ms: 100 });
    await insertCheck(t(), m.id, now - 3 * MIN, {
      outcome: 'down',
      error_class: 'timeout',
      total_ms: 10_000,
      dns_ms: null,
    });
    await insertCheck(t(), m.id, now - 65 * MIN, { tls_ms: null, total_ms: 42.25 });
    await insertCheck(t(), m.id, now - 25 * HOUR, { total_ms: 1 }); // outside the 24 h range

    const series = expectOk(await t().api('GET', `/monitors/${m.id}/response-times`), 200, responseSeriesDoc);
    expect(series).toMatchObject({ monitorId: m.id, range: '24h', source: 'raw', to: new Date(now).toISOString() });
    expect(series.from).toBe(new Date(now - DAY).toISOString());
    const bucketMs = series.bucketS * 1000;
    const bucketOf = (ms: number) => new Date(Math.floor(ms / bucketMs) * bucketMs).toISOString();
    const rawOnly = { minTotalMs: null, maxTotalMs: null, p95TotalMs: null };
    expect(series.points).toEqual([
      {
        at: bucketOf(now - 65 * MIN),
        checks: 1,
        downChecks: 0,
        avgTotalMs: 42.3,
        ...rawOnly,
        phases: { dnsMs: 5, connectMs: 10, tlsMs: null, firstByteMs: 50 },
      },
      ...(bucketOf(now - 5 * MIN) === bucketOf(now - 3 * MIN)
        ? [
            {
              at: bucketOf(now - 5 * MIN),
              checks: 3,
              downChecks: 1,
              avgTotalMs: 80,
              ...rawOnly,
              phases: { dnsMs: 10, connectMs: 10, tlsMs: 20, firstByteMs: 50 },
            },
          ]
        : []),
    ]);
    expect(series.points.length).toBe(2); // the bucket choice keeps the last three checks together
    // Longer ranges come from hour rollups (and raw results for hours not rolled up yet): totals only.
    const week = expectOk(await t().api('GET', `/monitors/${m.id}/response-times?range=7d`), 200, responseSeriesDoc);
    expect(week).toMatchObject({ source: 'rollups', range: '7d' });
    expect(week.points.reduce((n, p) => n + p.checks, 0)).toBe(5);
    expect(week.points.every((p) => p.phases === null)).toBe(true);
    const last = week.points.at(-1);
    expect(last).toMatchObject({ checks: 3, downChecks: 1, avgTotalMs: 80, minTotalMs: 60, maxTotalMs: 100 });
    expectInvalid(await t().api('GET', `/monitors/${m.id}/response-times?range=1y`), ['range']);
    expectError(await t().api('GET', '/monitors/mon_missing/response-times'), 404, 'not_found');
  });
});

describe('GET /monitors/{id}/pings', () => {
  it("lists a heartbeat monitor's pings newest first; other kinds have none", async () => {
    const { site } = await makePlannedSite(t());
    const hb = await makeMonitor(t(), site.id, { kind: 'heartbeat', config: { periodS: 3600 } });
    const now = t().clock.now();
    for (let k = 1; k <= 3; k++) {
      await t()
        .ctx.db.insertInto('heartbeat_pings')
        .values({
          id: `hbp_${k}`,
          monitor_id: hb.id,
          received_at: now - k * HOUR,
          source_ip: '192.0.2.7',
          user_agent: 'curl/8',
          note: null,
        })
        .execute();
    }
    const { items } = await collectPages<{ id: string }>(t(), `/monitors/${hb.id}/pings`, 2);
    expect(items.map((p) => p.id)).toEqual(['hbp_1', 'hbp_2', 'hbp_3']);
    const page = expectOk(await t().api('GET', `/monitors/${hb.id}/pings?limit=1`), 200, pageOf(heartbeatPingDoc));
    expect(page.data[0]).toEqual({
      id: 'hbp_1',
      monitorId: hb.id,
      receivedAt: new Date(now - HOUR).toISOString(),
      sourceIp: '192.0.2.7',
      userAgent: 'curl/8',
      note: null,
    });
    const http = await makeMonitor(t(), site.id);
    expectInvalid(await t().api('GET', `/monitors/${http.id}/pings`), ['kind']);
    expectError(await t().api('GET', '/monitors/mon_missing/pings'), 404);
  });
});

describe('the heartbeat URL the API hands out', () => {
  it('is the one the ping route accepts; after rotation only the new one works, and pings are listed', async () => {
    const { site } = await makePlannedSite(t());
    const created = await makeMonitor(t(), site.id, { kind: 'heartbeat', config: { periodS: 3600 } });
    const path = (url: string | null) => new URL(url ?? '').pathname;
    const ping = (url: string | null, note: string) =>
      t().app.request(`${path(url)}?note=${encodeURIComponent(note)}`, { headers: { 'user-agent': 'backup.sh' } });
    expect((await ping(created.heartbeatUrl, 'first run')).status).toBe(200);
    const rotated = (await t().api('POST', `/monitors/${created.id}/rotate-token`)).body as { heartbeatUrl: string };
    t().clock.advance(60_000);
    expect((await ping(created.heartbeatUrl, 'old URL')).status).toBe(404);
    expect((await ping(rotated.heartbeatUrl, 'second run')).status).toBe(200);
    const pings = expectOk(await t().api('GET', `/monitors/${created.id}/pings`), 200, pageOf(heartbeatPingDoc));
    expect(pings.data.map((p) => [p.note, p.userAgent])).toEqual([
      ['second run', 'backup.sh'],
      ['first run', 'backup.sh'],
    ]);
  });
});
