import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getStatusPage } from '../../src/domain/statuspage/read-pages.ts';
import { seedClient, seedOutage, seedSite } from '../status/status-fixtures.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { type ConsoleClient, signedIn, textOf } from './console-client.ts';

let t: TestApp;
let owner: ConsoleClient;
let technician: ConsoleClient;
let world: Awaited<ReturnType<typeof seed>>;

async function seed() {
  const acme = await seedClient(t.ctx, { name: 'Acme', plan: 'standard' });
  const { site, monitor } = await seedSite(t.ctx, acme.id);
  const basic = await seedClient(t.ctx, { name: 'Basicco', plan: 'basic' });
  const incidentId = await seedOutage(t.ctx, monitor.id, t.clock.now() - 600_000, null);
  return { acme, site, monitor, basic, incidentId };
}

beforeAll(async () => {
  t = await createTestApp();
  world = await seed();
  owner = await signedIn(t, 'owner');
  technician = await signedIn(t, 'technician');
});
afterAll(() => t?.close());

let pageId = '';

describe('status pages in the console', () => {
  it('refuses a page for a client on Basic, with the plans that have one', async () => {
    const res = await owner.post('/admin/status-pages', { clientId: world.basic.id, title: 'Basic status' });
    expect(res.status).toBe(409);
    expect(textOf(res.html)).toContain("Basicco's plan (Basic) has no status page; Standard and Premium include one");
  });

  it('creates a page, adds a component, publishes it and links to the public page', async () => {
    const created = await owner.post('/admin/status-pages', {
      clientId: world.acme.id,
      title: 'Acme status',
      slug: '',
    });
    expect(created.status).toBe(303);
    pageId = /\/admin\/status-pages\/(stp_\w+)$/.exec(created.location ?? '')?.[1] ?? '';
    expect(pageId).not.toBe('');
    const added = await owner.post(`/admin/status-pages/${pageId}/components`, {
      target: `site:${world.site.id}`,
      displayName: 'Online shop',
      groupName: 'Web',
    });
    expect(added.status).toBe(303);
    const published = await owner.post(`/admin/status-pages/${pageId}`, {
      title: 'Acme status',
      slug: 'acme',
      language: 'en',
      timeZone: 'Europe/Madrid',
      published: 'on',
    });
    expect(published.status).toBe(303);
    const page = await owner.follow(published);
    expect(page.html).toContain('href="/status/acme"');
    expect(textOf(page.html)).toContain('View public page');
    expect(textOf(page.html)).toContain('Site: ');
    const pub = await t.app.request('/status/acme');
    expect(pub.status).toBe(200);
    expect(await pub.text()).toContain('Online shop');
  });

  it('shows form errors for bad branding and taken domains; saves good ones', async () => {
    const bad = await owner.post(`/admin/status-pages/${pageId}/branding`, {
      brandColor: 'nope',
      accentColor: '#0f766e',
      footerLinks: 'Help | javascript:alert(1)',
    });
    expect(bad.status).toBe(422);
    expect(textOf(bad.html)).toContain('must be a colour as #rrggbb');
    const good = await owner.post(`/admin/status-pages/${pageId}/branding`, {
      brandColor: '#112233',
      accentColor: '#0f766e',
      footerLinks: 'Help | https://acme.example/help\nMail us | mailto:help@acme.example',
    });
    expect(good.status).toBe(303);
    expect((await getStatusPage(t.ctx, pageId)).footerLinks).toEqual([
      { label: 'Help', url: 'https://acme.example/help' },
      { label: 'Mail us', url: 'mailto:help@acme.example' },
    ]);
    const hide = await owner.post(`/admin/status-pages/${pageId}/branding`, {
      brandColor: '#112233',
      accentColor: '#0f766e',
      hidePoweredBy: 'on',
    });
    expect(hide.status).toBe(409);
    expect(textOf(hide.html)).toContain('Premium allows it');
    expect((await owner.post(`/admin/status-pages/${pageId}/domains`, { host: 'Status.Acme.example' })).status).toBe(
      303,
    );
    const dup = await owner.post(`/admin/status-pages/${pageId}/domains`, { host: 'status.acme.example' });
    expect(dup.status).toBe(409);
    expect(textOf(dup.html)).toContain('already attached');
    expect((await owner.post(`/admin/status-pages/${pageId}/domains/status.acme.example/detach`, {})).status).toBe(303);
  });

  it('renames, hides and removes components', async () => {
    const [component] = (await getStatusPage(t.ctx, pageId)).components;
    const base = `/admin/status-pages/${pageId}/components/${component?.id}`;
    expect((await owner.post(base, { displayName: 'Shop', groupName: '' })).status).toBe(303);
    expect((await getStatusPage(t.ctx, pageId)).components[0]).toMatchObject({
      displayName: 'Shop',
      groupName: null,
      published: false,
    });
    expect((await owner.post(`${base}/remove`, {})).status).toBe(303);
    expect((await getStatusPage(t.ctx, pageId)).components).toEqual([]);
  });

  it('lets technicians look but not change (403), and refuses forms without the CSRF token', async () => {
    const page = await technician.get(`/admin/status-pages/${pageId}`);
    expect(page.status).toBe(200);
    expect(textOf(page.html)).toContain('Only owners and admins can change status pages');
    expect((await technician.post(`/admin/status-pages/${pageId}`, { title: 'x' })).status).toBe(403);
    expect((await owner.post(`/admin/status-pages/${pageId}/archive`, {}, { csrf: null })).status).toBe(403);
    expect((await owner.get('/admin/status-pages/stp_unknown')).status).toBe(404);
  });

  it('posts a public update from the incident’s updates form', async () => {
    const form = await technician.get(`/admin/incidents/${world.incidentId}/updates`);
    expect(form.status).toBe(200);
    expect(form.html).toContain(`action="/admin/incidents/${world.incidentId}/updates"`);
    const bad = await technician.post(`/admin/incidents/${world.incidentId}/updates`, {
      status: 'identified',
      message: '',
    });
    expect(bad.status).toBe(422);
    const ok = await technician.post(`/admin/incidents/${world.incidentId}/updates`, {
      status: 'identified',
      message: 'A plugin update broke the checkout.',
      title: 'Checkout unavailable',
    });
    expect(ok.status).toBe(303);
    expect(ok.location).toBe(`/admin/incidents/${world.incidentId}`);
    const after = await technician.get(`/admin/incidents/${world.incidentId}/updates`);
    expect(textOf(after.html)).toContain('A plugin update broke the checkout.');
    expect((await technician.get('/admin/incidents/inc_unknown/updates')).status).toBe(404);
  });

  it('archives a page: offline, gone from the list', async () => {
    expect((await owner.post(`/admin/status-pages/${pageId}/archive`, {})).status).toBe(303);
    t.clock.advance(1001); // public pages are re-checked at most once a second
    expect((await t.app.request('/status/acme')).status).toBe(404);
    expect(textOf((await owner.get('/admin/status-pages')).html)).not.toContain('Acme status');
  });
});
