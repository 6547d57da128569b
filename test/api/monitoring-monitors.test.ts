import { describe, expect, it } from 'vitest';
import { listOf } from '../../src/http/api/doc-schemas.ts';
import { monitorDoc, monitorWithUrlDoc } from '../../src/http/api/monitoring-doc-schemas.ts';
import { sha256Hex } from '../../src/ids.ts';
import { databaseDigest, expectError, expectInvalid, expectOk, rawRequest, useTestApp } from './helpers.ts';
import { makeMonitor, makePlannedSite } from './monitoring-fixtures.ts';

const t = useTestApp();

describe('POST /monitors', () => {
  it('adds an HTTP monitor that takes its URL from the site and its interval from the plan', async () => {
    const { site } = await makePlannedSite(t(), 'standard');
    const res = await t().api('POST', '/monitors', { siteId: site.id, kind: 'http' });
    const monitor = expectOk(res, 201, monitorWithUrlDoc);
    expect(monitor).toMatchObject({
      siteId: site.id,
      kind: 'http',
      intervalS: null,
      effectiveIntervalS: 60,
      enabled: true,
      status: 'unknown',
      heartbeatUrl: null,
    });
    expect(monitor.config).toMatchObject({ url: site.url, method: 'GET', expectedStatus: ['200-399'] });
    const again = expectOk(await t().api('GET', `/monitors/${monitor.id}`), 200, monitorDoc);
    expect(again).toEqual(Object.fromEntries(Object.entries(monitor).filter(([k]) => k !== 'heartbeatUrl')));
  });

  it('returns the heartbeat URL once; only its hash is stored', async () => {
    const { site } = await makePlannedSite(t());
    const res = await t().api('POST', '/monitors', { siteId: site.id, kind: 'heartbeat', config: { periodS: 86_400 } });
    const monitor = expectOk(res, 201, monitorWithUrlDoc);
    expect(monitor.config).toEqual({ periodS: 86_400, graceS: 300 });
    const url = new URL(monitor.heartbeatUrl ?? '');
    expect(url.origin).toBe('http://localhost');
    const token = decodeURIComponent(url.pathname.replace(/^\/hb\//, ''));
    expect(token).toMatch(/^hb_[\w-]{40,}$/);
    const row = await t()
      .ctx.db.selectFrom('monitors')
      .select('heartbeat_token_hash')
      .where('id', '=', monitor.id)
      .executeTakeFirstOrThrow();
    expect(row.heartbeat_token_hash).toBe(sha256Hex(token));
    // Reading the monitor back never shows the URL again.
    expect(JSON.stringify((await t().api('GET', `/monitors/${monitor.id}`)).body)).not.toContain(token);
  });

  it('refuses an interval shorter than the plan allows, naming the plan that allows it, and writes nothing', async () => {
    const { site } = await makePlannedSite(t(), 'basic');
    const before = await databaseDigest(t());
    const res = await t().api('POST', '/monitors', { siteId: site.id, kind: 'http', intervalS: 30 });
    const error = expectInvalid(res, ['intervalS']);
    expect(error.message).toContain('Basic plan checks every 180 s at most');
    expect(error.message).toContain('need the Premium plan');
    expect(await databaseDigest(t())).toEqual(before);
    // The plan's own interval and longer ones are fine.
    expectOk(
      await t().api('POST', '/monitors', { siteId: site.id, kind: 'http', intervalS: 180 }),
      201,
      monitorDoc.passthrough(),
    );
  });

  it('refuses bad input with 422 listing each field, an unknown site with 404, no token with 401', async () => {
    const { site } = await makePlannedSite(t());
    expectInvalid(await t().api('POST', '/monitors', { siteId: site.id, kind: 'ftp' }), ['kind']);
    expectInvalid(await t().api('POST', '/monitors', { siteId: site.id, kind: 'tcp', config: {} }), ['config.port']);
    expectInvalid(await t().api('POST', '/monitors', { siteId: site.id, kind: 'heartbeat', config: { periodS: 5 } }), [
      'config.periodS',
    ]);
    expectInvalid(await t().api('POST', '/monitors', { siteId: site.id, kind: 'http', extra: 1 }), ['']);
    expectError(await t().api('POST', '/monitors', { siteId: 'site_missing', kind: 'http' }), 404, 'not_found');
    expectError(await t().api('POST', '/monitors', { siteId: site.id, kind: 'http' }, null), 401, 'unauthenticated');
    expectError(await t().api('POST', '/monitors', { siteId: site.id, kind: 'http' }, 'tok_forged'), 401);
    expectError(
      await rawRequest(t(), 'POST', '/monitors', { body: '{"siteId":', contentType: 'application/json' }),
      400,
      'bad_request',
    );
    expect(await t().ctx.db.selectFrom('monitors').select('id').execute()).toEqual([]);
  });

  it('lets technicians run monitoring day to day (there is no role rule to refuse them)', async () => {
    const { site } = await makePlannedSite(t());
    const res = await t().api(
      'POST',
      '/monitors',
      { siteId: site.id, kind: 'tcp', config: { port: 22 } },
      t().tokens.technician,
    );
    const monitor = expectOk(res, 201, monitorWithUrlDoc);
    expect(monitor.config).toMatchObject({ host: 'shop.example.com', port: 22 });
  });
});

describe('reading, updating, pausing and archiving monitors', () => {
  it('lists monitors, filtered by site, kind and archived state', async () => {
    const a = await makePlannedSite(t());
    const b = await makePlannedSite(t());
    // Listed in the order they were added (the clock moves between them).
    const http = await makeMonitor(t(), a.site.id);
    t().clock.advance(1000);
    const dns = await makeMonitor(t(), a.site.id, { kind: 'dns' });
    t().clock.advance(1000);
    const other = await makeMonitor(t(), b.site.id);
    const ids = async (query: string) =>
      expectOk(await t().api('GET', `/monitors${query}`), 200, listOf(monitorDoc)).data.map((m) => m.id);
    expect(await ids('')).toEqual([http.id, dns.id, other.id]);
    expect(await ids(`?siteId=${a.site.id}`)).toEqual([http.id, dns.id]);
    expect(await ids(`?clientId=${b.client.id}`)).toEqual([other.id]);
    expect(await ids('?kind=dns')).toEqual([dns.id]);
    expectOk(await t().api('POST', `/monitors/${dns.id}/archive`), 200, monitorDoc);
    expect(await ids(`?siteId=${a.site.id}`)).toEqual([http.id]);
    expect(await ids('?archived=true')).toEqual([dns.id]);
    expect(await ids('?archived=all')).toHaveLength(3);
    expectInvalid(await t().api('GET', '/monitors?archived=maybe'), ['archived']);
    expectError(await t().api('GET', '/monitors', undefined, null), 401);
  });

  it('pauses and resumes through enabled, and changes the interval within the plan', async () => {
    const { site } = await makePlannedSite(t(), 'premium');
    const m = await makeMonitor(t(), site.id);
    const paused = expectOk(await t().api('PATCH', `/monitors/${m.id}`, { enabled: false }), 200, monitorDoc);
    expect(paused.enabled).toBe(false);
    const resumed = expectOk(
      await t().api('PATCH', `/monitors/${m.id}`, { enabled: true, intervalS: 45, name: 'Shop home' }),
      200,
      monitorDoc,
    );
    expect(resumed).toMatchObject({ enabled: true, intervalS: 45, effectiveIntervalS: 45, name: 'Shop home' });
    expectInvalid(await t().api('PATCH', `/monitors/${m.id}`, { intervalS: 20 }), ['intervalS']);
    expectInvalid(await t().api('PATCH', `/monitors/${m.id}`, { enabled: 'no' }), ['enabled']);
    expectError(await t().api('PATCH', '/monitors/mon_missing', { enabled: false }), 404, 'not_found');
  });

  it('archives and restores; unknown ids are 404', async () => {
    const { site } = await makePlannedSite(t());
    const m = await makeMonitor(t(), site.id);
    const archived = expectOk(await t().api('POST', `/monitors/${m.id}/archive`), 200, monitorDoc);
    expect(archived.archivedAt).toBe(new Date(t().clock.now()).toISOString());
    const restored = expectOk(await t().api('POST', `/monitors/${m.id}/restore`), 200, monitorDoc);
    expect(restored.archivedAt).toBeNull();
    for (const path of [
      '/monitors/mon_missing/archive',
      '/monitors/mon_missing/restore',
      '/monitors/mon_missing/rotate-token',
    ]) {
      expectError(await t().api('POST', path), 404, 'not_found');
    }
    expectError(await t().api('GET', '/monitors/mon_missing'), 404, 'not_found');
    expectError(await t().api('POST', `/monitors/${m.id}/archive`, undefined, null), 401);
  });

  it('rotates a heartbeat URL: a new secret, the old hash replaced; other kinds have none', async () => {
    const { site } = await makePlannedSite(t());
    const hb = await makeMonitor(t(), site.id, { kind: 'heartbeat', config: { periodS: 3600, graceS: 60 } });
    const rotated = expectOk(await t().api('POST', `/monitors/${hb.id}/rotate-token`), 200, monitorWithUrlDoc);
    expect(rotated.heartbeatUrl).toMatch(/^http:\/\/localhost\/hb\/hb_/);
    expect(rotated.heartbeatUrl).not.toBe(hb.heartbeatUrl);
    const token = decodeURIComponent(new URL(rotated.heartbeatUrl ?? '').pathname.slice(4));
    const row = await t()
      .ctx.db.selectFrom('monitors')
      .select('heartbeat_token_hash')
      .where('id', '=', hb.id)
      .executeTakeFirstOrThrow();
    expect(row.heartbeat_token_hash).toBe(sha256Hex(token));
    const http = await makeMonitor(t(), site.id);
    expectInvalid(await t().api('POST', `/monitors/${http.id}/rotate-token`), ['kind']);
  });
});
