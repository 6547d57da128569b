import { gunzipSync } from 'node:zlib';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/domain/context.ts';
import { addStatusPageComponent } from '../../src/domain/statuspage/add-component.ts';
import { postIncidentUpdate } from '../../src/domain/statuspage/post-incident-update.ts';
import { publicIncidentId } from '../../src/domain/statuspage/public-ids.ts';
import { updateStatusPageBranding } from '../../src/domain/statuspage/update-branding.ts';
import { createApp } from '../../src/http/app.ts';
import { createTestDb, type TestDb } from '../support/test-db.ts';
import { DAY, MIN, SECRET, seedChecks, seedClient, seedOutage, seedPage, seedSite } from './status-fixtures.ts';

let t: TestDb;
let app: ReturnType<typeof createApp>;
let w: Awaited<ReturnType<typeof seedWorld>>;

/** Two clients with pages; Acme's monitor has a past and an open outage, error text full of secrets. */
async function seedWorld() {
  const nowMs = t.clock.now();
  const acme = await seedClient(t.ctx, { name: 'Acme', plan: 'premium' });
  const { site, monitor } = await seedSite(t.ctx, acme.id);
  await seedChecks(t.ctx, monitor.id, nowMs - 3 * DAY, nowMs);
  await t.ctx.db
    .insertInto('check_results')
    .values({
      monitor_id: monitor.id,
      started_at: nowMs - 5 * MIN,
      location: 'local',
      outcome: 'down',
      error_class: 'status',
      http_status: 500,
      dns_ms: 1,
      connect_ms: 1,
      tls_ms: 1,
      first_byte_ms: 1,
      total_ms: 50,
      message: `Internal Server Error ${SECRET}`,
      is_confirmation: 0,
    })
    .execute();
  await t.ctx.db
    .updateTable('monitors')
    .set({ status: 'down', last_error_class: `status ${SECRET}` })
    .where('id', '=', monitor.id)
    .execute();
  const past = await seedOutage(t.ctx, monitor.id, nowMs - 2 * DAY, nowMs - 2 * DAY + 15 * MIN);
  const open = await seedOutage(t.ctx, monitor.id, nowMs - 20 * MIN, null);
  await postIncidentUpdate(t.ctx, systemActor, open, {
    status: 'identified',
    message: 'A <script>alert(1)</script> plugin broke checkout & cart.',
    title: 'Checkout unavailable',
  });
  const { page } = await seedPage(t.ctx, acme.id, site.id, { slug: 'acme', host: 'status.acme.example' });
  const hidden = await seedSite(t.ctx, acme.id, { host: 'hidden.acme.example' });
  await addStatusPageComponent(t.ctx, systemActor, page.id, {
    siteId: hidden.site.id,
    displayName: 'Hidden component',
    published: false,
  });
  const hiddenIncident = await seedOutage(t.ctx, hidden.monitor.id, nowMs - 10 * MIN, null);

  const beta = await seedClient(t.ctx, { name: 'Beta', plan: 'standard', locale: 'es' });
  const betaSite = await seedSite(t.ctx, beta.id, { host: 'beta.example' });
  const betaIncident = await seedOutage(t.ctx, betaSite.monitor.id, nowMs - DAY, nowMs - DAY + 5 * MIN);
  const betaPage = await seedPage(t.ctx, beta.id, betaSite.site.id, {
    slug: 'beta',
    title: 'Beta estado',
    language: 'es',
    host: 'estado.beta.example',
    componentName: 'Tienda',
  });
  const betaMonitor = betaSite.monitor.id;
  return { acme, site, monitor, page, past, open, hidden, hiddenIncident, beta, betaIncident, betaPage, betaMonitor };
}

beforeAll(async () => {
  t = await createTestDb();
  app = createApp({ ctx: t.ctx, logger: pino({ level: 'silent' }), trustedProxies: ['10.0.0.0/8'] });
  w = await seedWorld();
});
afterAll(async () => t?.close());

/** A request as if from a socket peer at `peer` (in-process requests have no socket otherwise). */
function get(path: string, headers: Record<string, string> = {}, peer = '203.0.113.9') {
  return app.request(
    path,
    { headers },
    { incoming: { socket: { remoteAddress: peer, remotePort: 1, remoteFamily: 'IPv4' } } },
  );
}

describe('public status page', () => {
  it('serves the page at /status/<slug>: landmarks, headings, times, components, incidents', async () => {
    const res = await get('/status/acme');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(res.headers.get('cache-control')).toMatch(/^public, max-age=\d+/);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = await res.text();
    expect(html).toMatch(/^<!doctype html><html lang="en">/);
    for (const part of ['<main id="main">', '<header class="masthead">', '<footer>', '<h1>', '<time datetime="']) {
      expect(html).toContain(part);
    }
    expect(html).toContain('Major outage');
    expect(html).toContain('Online shop');
    expect(html).toContain('Checkout unavailable');
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('Powered by Steward');
    expect(html.match(/<li class="[a-z]+[^"]*" data-tip=/g)?.length).toBe(90);
  });

  it('serves the same page at the root of its custom domain, and nothing else there', async () => {
    const res = await get('/', { host: 'Status.Acme.example:443' });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('Checkout unavailable');
    expect(html).toContain('href="/feed.atom"');
    expect(html).toContain(`href="/incidents/${publicIncidentId(w.open)}"`);
    const incident = await get(`/incidents/${publicIncidentId(w.open)}`, { host: 'status.acme.example' });
    expect(incident.status).toBe(200);
    expect(await incident.text()).toContain(
      'A &lt;script&gt;alert(1)&lt;/script&gt; plugin broke checkout &amp; cart.',
    );
    for (const path of ['/admin', '/login', '/api/v1/me', '/status/acme', '/hb/x', '/nope']) {
      expect((await get(path, { host: 'status.acme.example' })).status, path).toBe(404);
    }
    expect((await app.request('/', { method: 'POST', headers: { host: 'status.acme.example' } })).status).toBe(405);
  });

  it('routes an unknown host to Steward itself, and answers 404 for unknown pages', async () => {
    const root = await get('/', { host: 'unknown.example' });
    expect([302, 303]).toContain(root.status); // the console's own redirect, not a status page
    expect((await get('/status.json', { host: 'unknown.example' })).status).toBe(404);
    expect((await get('/status/nope')).status).toBe(404);
    expect((await get('/status/acme/nope')).status).toBe(404);
    expect((await get('/status/ACME%2F..')).status).toBe(404);
  });

  it('believes X-Forwarded-Host only from a trusted proxy', async () => {
    const untrusted = await get(
      '/',
      { host: 'steward.agency.example', 'x-forwarded-host': 'status.acme.example' },
      '203.0.113.9',
    );
    expect(untrusted.status).not.toBe(200);
    const trusted = await get(
      '/',
      { host: 'steward.agency.example', 'x-forwarded-host': 'status.acme.example' },
      '10.1.2.3',
    );
    expect(trusted.status).toBe(200);
    expect(await trusted.text()).toContain('Checkout unavailable');
    const mapped = await get(
      '/',
      { host: 'steward.agency.example', 'x-forwarded-host': 'status.acme.example' },
      '::ffff:10.9.9.9',
    );
    expect(mapped.status).toBe(200);
  });

  it('never shows another client’s incidents or pages through this page (404)', async () => {
    expect((await get(`/status/acme/incidents/${publicIncidentId(w.betaIncident)}`)).status).toBe(404);
    expect((await get(`/incidents/${publicIncidentId(w.betaIncident)}`, { host: 'status.acme.example' })).status).toBe(
      404,
    );
    expect((await get(`/incidents/${publicIncidentId(w.past)}`, { host: 'estado.beta.example' })).status).toBe(404);
    // An internal incident id is not a public one.
    expect((await get(`/status/acme/incidents/${w.open}`)).status).toBe(404);
    // An unpublished component's incidents are not there either.
    expect((await get(`/status/acme/incidents/${publicIncidentId(w.hiddenIncident)}`)).status).toBe(404);
    const beta = await (await get('/', { host: 'estado.beta.example' })).text();
    expect(beta).not.toContain('Acme');
    expect(beta).not.toContain('Checkout unavailable');
  });

  it('shows no URL, error detail, internal id, note or unpublished component in any format', async () => {
    const paths = [
      '',
      '/status.json',
      '/feed.atom',
      '/feed.rss',
      `/incidents/${publicIncidentId(w.open)}`,
      `/incidents/${publicIncidentId(w.past)}`,
    ];
    const forbidden = [
      SECRET,
      'Hidden component',
      'shop.acme.example',
      'Internal Server Error',
      'HTTP 500',
      w.monitor.id,
      w.site.id,
      w.acme.id,
      w.open,
      w.past,
      w.page.id,
    ];
    for (const path of paths) {
      for (const res of [await get(`/status/acme${path}`), await get(path || '/', { host: 'status.acme.example' })]) {
        expect(res.status, path).toBe(200);
        const body = await res.text();
        for (const secret of forbidden) expect(body, `${path} shows ${secret}`).not.toContain(secret);
      }
    }
  });

  it('speaks the page’s language', async () => {
    const html = await (await get('/status/beta')).text();
    expect(html).toContain('<html lang="es">');
    expect(html).toContain('Tienda');
    expect(html).toMatch(/Todos los sistemas funcionan con normalidad|Interrupción/);
    expect(html).toContain('Incidencias anteriores');
  });
});

describe('JSON and feeds', () => {
  it('gives the public status as JSON with component ids, not monitor ids', async () => {
    const res = await get('/status/acme/status.json');
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    const body = await res.json();
    expect(body.status.indicator).toBe('major_outage');
    expect(body.components).toHaveLength(1);
    expect(body.components[0]).toMatchObject({ name: 'Online shop', status: 'outage' });
    expect(body.components[0].id).toMatch(/^spc_/);
    expect(body.components[0].days).toHaveLength(90);
    expect(body.incidents.active[0]).toMatchObject({
      id: publicIncidentId(w.open),
      title: 'Checkout unavailable',
      status: 'identified',
    });
    expect(body.incidents.active[0].url).toBe(`http://localhost/status/acme/incidents/${publicIncidentId(w.open)}`);
  });

  it('lists incidents and updates in Atom and RSS, escaped, with absolute links', async () => {
    const atom = await get('/feed.atom', { host: 'status.acme.example' });
    expect(atom.headers.get('content-type')).toMatch(/application\/atom\+xml/);
    const atomText = await atom.text();
    expect(atomText).toMatch(
      /^<\?xml version="1.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www.w3.org\/2005\/Atom"/,
    );
    expect(atomText.match(/<entry>/g)?.length).toBe(4); // open: started + update; past: started + resolved
    expect(atomText).toContain('<title>Checkout unavailable: Identified</title>');
    expect(atomText).toContain('A &lt;script&gt;alert(1)&lt;/script&gt; plugin broke checkout &amp; cart.');
    expect(atomText).toContain(`href="http://status.acme.example/incidents/${publicIncidentId(w.open)}"`);
    const rss = await (await get('/status/acme/feed.rss')).text();
    expect(rss).toContain('<rss version="2.0"');
    expect(rss.match(/<item>/g)?.length).toBe(4);
    expect(rss).toMatch(/<pubDate>\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} GMT<\/pubDate>/);
  });
});

describe('caching', () => {
  it('answers 304 to a matching If-None-Match', async () => {
    const first = await get('/status/acme');
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^".+"$/);
    const again = await get('/status/acme', { 'if-none-match': etag ?? '' });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect(again.headers.get('etag')).toBe(etag);
    expect((await get('/status/acme', { 'if-none-match': '"other"' })).status).toBe(200);
  });

  it('sends gzip to clients that accept it, as a variant with its own ETag', async () => {
    const plain = await get('/status/acme');
    const html = await plain.text();
    const zipped = await get('/status/acme', { 'accept-encoding': 'gzip, deflate, br' });
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    expect(zipped.headers.get('vary')).toContain('Accept-Encoding');
    const bytes = new Uint8Array(await zipped.arrayBuffer());
    expect(bytes.length).toBeLessThan(html.length / 3);
    expect(gunzipSync(bytes).toString('utf8')).toBe(html);
    const zippedTag = zipped.headers.get('etag') ?? '';
    expect(zippedTag).not.toBe(plain.headers.get('etag'));
    expect((await get('/status/acme', { 'accept-encoding': 'gzip', 'if-none-match': zippedTag })).status).toBe(304);
  });

  it('keeps serving the cached page until a status changes, then shows the change at once', async () => {
    t.clock.advance(60_000);
    const before = await get('/status/beta');
    const etag = before.headers.get('etag');
    const beforeHtml = await before.text();
    expect(beforeHtml).toContain('Todos los sistemas funcionan con normalidad');
    const builtAt = (await (await get('/status/beta/status.json')).json()).generatedAt;
    // Nothing changed: the same rendering, not rebuilt, even after the revalidation interval.
    t.clock.advance(2000);
    expect((await get('/status/beta')).headers.get('etag')).toBe(etag);
    expect((await (await get('/status/beta/status.json')).json()).generatedAt).toBe(builtAt);
    // The monitor goes down (as the engine writes it): the next check of the stamp sees it.
    await t.ctx.db.updateTable('monitors').set({ status: 'down' }).where('id', '=', w.betaMonitor).execute();
    t.clock.advance(1001);
    const after = await get('/status/beta');
    expect(after.headers.get('etag')).not.toBe(etag);
    expect(await after.text()).toContain('Interrupción grave');
    expect((await (await get('/status/beta/status.json')).json()).generatedAt).not.toBe(builtAt);
    // A branding edit shows too.
    await updateStatusPageBranding(t.ctx, systemActor, w.betaPage.page.id, { brandColor: '#ffcc00' });
    t.clock.advance(1001);
    expect(await (await get('/status/beta')).text()).toContain('--brand:#ffcc00;--on-brand:#111827');
  });

  it('drops a page whose client lost the plan, and honours "hide powered by" only where allowed', async () => {
    await t.ctx.db.updateTable('status_pages').set({ hide_powered_by: 1 }).execute();
    t.clock.advance(1001);
    expect(await (await get('/status/acme')).text()).not.toContain('Powered by Steward');
    expect(await (await get('/status/beta')).text()).toContain('Steward'); // Standard: shown anyway
    await t.ctx.db
      .updateTable('contracts')
      .set({ status: 'ended', updated_at: t.clock.now() })
      .where('client_id', '=', w.beta.id)
      .execute();
    t.clock.advance(1001);
    expect((await get('/status/beta')).status).toBe(404);
    expect((await get('/', { host: 'estado.beta.example' })).status).toBe(404);
  });
});

describe('the domain check for on-demand TLS', () => {
  it('answers 200 for attached domains and 404 otherwise', async () => {
    expect((await get('/.well-known/steward/domain-check?domain=status.acme.example')).status).toBe(200);
    expect((await get('/.well-known/steward/domain-check?domain=STATUS.ACME.EXAMPLE')).status).toBe(200);
    expect((await get('/.well-known/steward/domain-check?domain=evil.example')).status).toBe(404);
    expect((await get('/.well-known/steward/domain-check')).status).toBe(404);
  });
});
