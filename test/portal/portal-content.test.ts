import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SECRET } from '../status/status-fixtures.ts';
import { createTestDb, type TestDb } from '../support/test-db.ts';
import { contentApp, seedPortalClient } from './content-world.ts';

let t: TestDb;
beforeEach(async () => {
  t = await createTestDb();
});
afterEach(async () => {
  await t.close();
});

async function world() {
  const a = await seedPortalClient(t, { name: 'Acme Bakery', plan: 'standard' });
  const b = await seedPortalClient(t, { name: 'Bravo Books', plan: 'premium' });
  return { a, b, app: contentApp(t, a.portal) };
}

describe('portal content pages', () => {
  it('renders every page of the contact’s own client, without internal details', async () => {
    const { a, app } = await world();
    const pages = [
      '/portal',
      `/portal/sites/${a.site.id}`,
      '/portal/incidents',
      `/portal/incidents/${a.incidents.resolved}`,
      `/portal/incidents/${a.incidents.open}`,
      '/portal/sla',
      '/portal/sla?month=2026-02',
      '/portal/plan',
      '/portal/maintenance',
      `/portal/maintenance/${a.window.id}`,
      '/portal/support',
      '/portal/support/new',
      `/portal/support/${a.request.id}`,
    ];
    for (const path of pages) {
      const res = await app.get(path);
      const html = await res.text();
      expect(res.status, path).toBe(200);
      // Notes, error messages, monitor names and URLs all carry SECRET; none may show.
      expect(html, path).not.toContain(SECRET);
      expect(html, path).not.toContain('HTTP 500');
      expect(html, path).not.toContain('Bravo');
    }
    const overview = await (await app.get('/portal')).text();
    expect(overview).toContain('Acme Bakery');
    expect(overview).toContain('Outage'); // the open incident makes the site's status an outage
    const site = await (await app.get(`/portal/sites/${a.site.id}`)).text();
    expect(site).toContain('<svg');
    expect(site).toContain('150 ms');
    const incident = await (await app.get(`/portal/incidents/${a.incidents.resolved}`)).text();
    expect(incident).toContain('The hosting provider had a network fault.');
    expect(incident).toContain('Problem detected');
    expect(incident).toContain('Resolved');
    expect(incident).toContain('No SLA applies to this incident.'); // before the contract began
    const open = await (await app.get(`/portal/incidents/${a.incidents.open}`)).text();
    expect(open).toContain('First response');
    expect(open).toContain('Our team took it on');
    const plan = await (await app.get('/portal/plan')).text();
    expect(plan).toContain('Standard');
    expect(plan).toContain('What Premium adds');
    expect(plan).toContain('SSL certificate monitoring');
    const maintenance = await (await app.get('/portal/maintenance')).text();
    expect(maintenance).toContain('Server upgrade');
  });

  it('answers 404 for another client’s sites, incidents, maintenance and support requests', async () => {
    const { b, app } = await world();
    const foreign = [
      `/portal/sites/${b.site.id}`,
      `/portal/incidents/${b.incidents.resolved}`,
      `/portal/incidents/${b.incidents.open}`,
      `/portal/maintenance/${b.window.id}`,
      `/portal/support/${b.request.id}`,
    ];
    for (const path of foreign) {
      const res = await app.get(path);
      expect(res.status, path).toBe(404);
      expect(await res.text(), path).not.toContain('Bravo');
    }
    const reply = await app.post(`/portal/support/${b.request.id}/messages`, { body: 'let me in' });
    expect(reply.status).toBe(404);
    const count = await t.ctx.db
      .selectFrom('support_messages')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('request_id', '=', b.request.id)
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
    // A request about another client's site is refused, and nothing is written.
    const opened = await app.post('/portal/support', {
      subject: 'x',
      description: 'y',
      siteId: b.site.id,
      urgency: 'low',
    });
    expect(opened.status).toBe(422);
    expect(await opened.text()).not.toContain('Bravo');
  });

  it('opens a request and replies from the portal, with field errors on bad input', async () => {
    const { a, app } = await world();
    const bad = await app.post('/portal/support', { subject: '', description: '', urgency: 'normal' });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('Please fill this in.');
    const res = await app.post('/portal/support', {
      subject: 'Checkout is slow',
      description: 'Since Monday.',
      siteId: a.site.id,
      urgency: 'urgent',
    });
    expect(res.status).toBe(303);
    const location = res.headers.get('location') ?? '';
    expect(location).toMatch(/^\/portal\/support\/sup_[0-9a-z]{20}\?done=sent$/);
    const detail = await (await app.get(location)).text();
    expect(detail).toContain('Checkout is slow');
    expect(detail).toContain('Urgent');
    expect(detail).toContain('name="_csrf" value="csrf-test-token"');
    const id = location.split('/').pop()?.split('?')[0] ?? '';
    const replied = await app.post(`/portal/support/${id}/messages`, { body: 'Also on mobile.' });
    expect(replied.status).toBe(303);
    expect(await (await app.get(`/portal/support/${id}`)).text()).toContain('Also on mobile.');
  });

  it('speaks the contact’s language and shows times in the client’s zone', async () => {
    const a = await seedPortalClient(t, { name: 'Casa Pan', language: 'es' });
    const app = contentApp(t, a.portal);
    const overview = await (await app.get('/portal')).text();
    expect(overview).toContain('Tus sitios');
    expect(overview).toContain('Las horas se muestran en Europe/Madrid.');
    const incident = await (await app.get(`/portal/incidents/${a.incidents.resolved}`)).text();
    expect(incident).toContain('Problema detectado');
    // Started 2026-02-28 09:00 UTC = 10:00 in Madrid.
    expect(incident).toContain('10:00');
    const de = await seedPortalClient(t, { name: 'Dora Druck', language: 'de' });
    const plan = await (await contentApp(t, de.portal).get('/portal/plan')).text();
    expect(plan).toContain('Ihr Tarif');
  });
});
