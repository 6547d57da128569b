import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getMonitor } from '../../src/domain/monitoring/monitors.ts';
import { sha256Hex } from '../../src/ids.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { type ConsoleClient, signedIn, textOf } from './console-client.ts';
import { seedMonitoring } from './monitoring-fixtures.ts';

let t: TestApp;
let seed: Awaited<ReturnType<typeof seedMonitoring>>;
let owner: ConsoleClient;
let technician: ConsoleClient;

beforeAll(async () => {
  t = await createTestApp();
  seed = await seedMonitoring(t.ctx);
  owner = await signedIn(t, 'owner');
  technician = await signedIn(t, 'technician');
});
afterAll(() => t?.close());

const hashOf = async (id: string) =>
  (await t.ctx.db.selectFrom('monitors').select('heartbeat_token_hash').where('id', '=', id).executeTakeFirstOrThrow())
    .heartbeat_token_hash;

describe.each(['owner', 'technician'] as const)('monitor pages for the %s', (role) => {
  const browser = () => (role === 'owner' ? owner : technician);

  it('lists monitors with live status, last check, uptime and a sparkline, refreshing itself', async () => {
    const res = await browser().get('/admin/monitors');
    expect(res.status).toBe(200);
    expect(res.html).toContain('<meta http-equiv="refresh" content="30"/>');
    const text = textOf(res.html);
    expect(text).toContain('Shop home page');
    expect(text).toContain('Nightly backup');
    expect(text).toMatch(/Shop home page .*Down/);
    expect(text).toContain('Not checked yet');
    expect(res.html).toContain('<svg class="sparkline"');
    expect(res.html).toMatch(/aria-label="Shop home page: last 30 checks, \d+–\d+ ms, 1 failed"/);
    // The open incident started 20 minutes ago: 24 h uptime is below 100 % (rounded down, 2 decimals).
    expect(text).toContain('98.61 %');
  });

  it('shows a monitor with its per-phase chart, uptime and check log, paginated', async () => {
    const res = await browser().get(`/admin/monitors/${seed.http.id}`);
    expect(res.status).toBe(200);
    expect(res.html).toContain('<figure class="chart">');
    expect(res.html).toContain(
      '<title id="chart-title">Response time of Shop home page, last 24 hours, per phase</title>',
    );
    const text = textOf(res.html);
    for (const label of [
      'DNS',
      'Connect',
      'TLS',
      'Waiting (first byte)',
      'Failed checks',
      'Uptime 30 d',
      'Check log',
    ]) {
      expect(text).toContain(label);
    }
    expect(text).toContain('timeout · no answer within 10 s');
    const older = /href="([^"]*cursor=[^"]+)"/.exec(res.html)?.[1]?.replace(/&amp;/g, '&') ?? '';
    expect(older).toContain(`/admin/monitors/${seed.http.id}?cursor=`);
    const page2 = await browser().get(older);
    expect(page2.status).toBe(200);
    expect(textOf(page2.html)).toContain('← Newest');
    const week = await browser().get(`/admin/monitors/${seed.http.id}?range=7d`);
    expect(textOf(week.html)).toContain('p95 (approximate, from histogram buckets)');
  });

  it('shows a heartbeat monitor with its pings and the rotate button, never the URL', async () => {
    const res = await browser().get(`/admin/monitors/${seed.heartbeat.id}`);
    expect(res.status).toBe(200);
    expect(textOf(res.html)).toContain('No pings received yet.');
    expect(res.html).toContain(`action="/admin/monitors/${seed.heartbeat.id}/rotate-token"`);
    expect(res.html).not.toContain(seed.heartbeatToken ?? 'no token');
  });

  it('offers kind-specific fields for a new monitor', async () => {
    const http = textOf((await browser().get('/admin/monitors/new')).html);
    expect(http).toContain('Page must contain');
    expect(http).toContain('Standard plan: every 1 min');
    const hb = textOf((await browser().get(`/admin/monitors/new?kind=heartbeat&site=${seed.site.id}`)).html);
    expect(hb).toContain('Expected every (seconds)');
    expect(hb).not.toContain('Page must contain');
  });
});

describe('monitor actions', () => {
  it('adds an HTTP monitor and goes to its page', async () => {
    const res = await owner.post('/admin/monitors', {
      kind: 'http',
      siteId: seed.site.id,
      name: 'Checkout',
      keyword: 'Pay now',
    });
    expect(res.status).toBe(303);
    const page = await owner.follow(res);
    expect(textOf(page.html)).toContain('Monitor Checkout added; it is checked every 60 s.');
    const id = /\/admin\/monitors\/(mon_\w+)/.exec(res.location ?? '')?.[1] ?? '';
    expect((await getMonitor(t.ctx, id)).config).toMatchObject({
      url: 'https://acme.example/',
      keyword: { text: 'Pay now', mode: 'present' },
    });
  });

  it('refuses an interval the plan does not allow, naming the plan that does, and keeps what was typed', async () => {
    const before = (await t.ctx.db.selectFrom('monitors').select('id').execute()).length;
    const res = await technician.post('/admin/monitors', {
      kind: 'tcp',
      siteId: seed.site.id,
      port: '22',
      intervalS: '30',
    });
    expect(res.status).toBe(422);
    const text = textOf(res.html);
    expect(text).toContain('the Standard plan checks every 60 s at most; checks every 30 s need the Premium plan');
    expect(res.html).toMatch(/id="f-port"[^>]*value="22"/);
    const bad = await technician.post('/admin/monitors', { kind: 'tcp', siteId: seed.site.id, port: 'ssh' });
    expect(bad.status).toBe(422);
    expect(textOf(bad.html)).toContain('must be a whole number');
    expect((await t.ctx.db.selectFrom('monitors').select('id').execute()).length).toBe(before);
  });

  it('adds a heartbeat monitor and shows its URL once', async () => {
    const res = await technician.post('/admin/monitors', { kind: 'heartbeat', siteId: seed.site.id, periodS: '3600' });
    expect(res.status).toBe(201);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const url = /<textarea id="hb-url"[^>]*>([^<]+)<\/textarea>/.exec(res.html)?.[1] ?? '';
    expect(url).toMatch(/^http:\/\/localhost\/hb\/hb_/);
    const id = /href="\/admin\/monitors\/(mon_\w+)"/.exec(res.html)?.[1] ?? '';
    expect(await hashOf(id)).toBe(sha256Hex(decodeURIComponent(url.slice('http://localhost/hb/'.length))));
  });

  it('rotates the heartbeat URL with CSRF, and refuses without', async () => {
    const before = await hashOf(seed.heartbeat.id);
    const forged = await owner.post(`/admin/monitors/${seed.heartbeat.id}/rotate-token`, {}, { csrf: null });
    expect(forged.status).toBe(403);
    expect(await hashOf(seed.heartbeat.id)).toBe(before);
    const res = await owner.post(`/admin/monitors/${seed.heartbeat.id}/rotate-token`, {});
    expect(res.status).toBe(200);
    expect(res.html).not.toContain('http-equiv="refresh"');
    const url = /<textarea id="hb-url"[^>]*>([^<]+)<\/textarea>/.exec(res.html)?.[1] ?? '';
    expect(await hashOf(seed.heartbeat.id)).toBe(sha256Hex(decodeURIComponent(url.split('/hb/')[1] ?? '')));
  });

  it('pauses and resumes, archives and restores; forms without the CSRF token change nothing', async () => {
    const id = seed.http.id;
    expect((await technician.post(`/admin/monitors/${id}/pause`, {}, { csrf: 'csrf_forged' })).status).toBe(403);
    expect((await getMonitor(t.ctx, id)).enabled).toBe(true);
    const paused = await technician.post(`/admin/monitors/${id}/pause`, {});
    expect(paused.status).toBe(303);
    expect((await getMonitor(t.ctx, id)).enabled).toBe(false);
    expect(textOf((await technician.follow(paused)).html)).toContain('Shop home page is paused');
    expect(textOf((await technician.get('/admin/monitors')).html)).toMatch(/Shop home page .*Paused/);
    expect((await technician.post(`/admin/monitors/${id}/resume`, {})).status).toBe(303);
    expect((await getMonitor(t.ctx, id)).enabled).toBe(true);
    expect((await owner.post(`/admin/monitors/${id}/archive`, {})).location).toBe('/admin/monitors');
    expect((await getMonitor(t.ctx, id)).archivedAt).not.toBeNull();
    expect(textOf((await owner.get('/admin/monitors?archived=true')).html)).toContain('Shop home page');
    expect((await owner.post(`/admin/monitors/${id}/restore`, {})).status).toBe(303);
    expect((await getMonitor(t.ctx, id)).archivedAt).toBeNull();
  });

  it('an unknown monitor is a 404 page', async () => {
    const res = await owner.get('/admin/monitors/mon_missing');
    expect(res.status).toBe(404);
    expect(textOf(res.html)).toContain('Monitor not found');
  });
});
