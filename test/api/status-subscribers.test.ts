import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { confirmSubscription, requestSubscription } from '../../src/domain/statuspage/subscribers.ts';
import { ConsoleClient } from '../pages/console-client.ts';
import { seedClient, seedPage, seedSite } from '../status/status-fixtures.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(async () => {
  await t.close();
});

/** Two pages of two clients, with a confirmed and a pending subscriber on the first. */
async function seed() {
  const acme = await seedClient(t.ctx, { name: 'Acme', plan: 'premium' });
  const { site } = await seedSite(t.ctx, acme.id);
  const { page: a } = await seedPage(t.ctx, acme.id, site.id, { slug: 'acme', language: 'fr' });
  const beta = await seedClient(t.ctx, { name: 'Beta', plan: 'premium' });
  const b = await seedSite(t.ctx, beta.id, { host: 'beta.example' });
  const { page: other } = await seedPage(t.ctx, beta.id, b.site.id, { slug: 'beta' });
  const confirmed = await requestSubscription(t.ctx, { id: a.id, language: 'fr' }, 'ann@example.test');
  await confirmSubscription(t.ctx, a.id, confirmed?.confirmToken as string);
  const pending = await requestSubscription(t.ctx, { id: a.id, language: 'fr' }, 'bob@example.test');
  return { a, other, confirmedId: confirmed?.subscriberId as string, pendingId: pending?.subscriberId as string };
}

describe('status page subscribers (staff)', () => {
  it('lists with counts, removes (admin+), and never across pages', async () => {
    const { a, other, confirmedId, pendingId } = await seed();
    const list = await t.api('GET', `/status-pages/${a.id}/subscribers`, undefined, t.tokens.technician);
    expect(list.status).toBe(200);
    expect(list.body.counts).toEqual({ pending: 1, confirmed: 1, unsubscribed: 0 });
    expect(
      list.body.data
        .map((s: { email: string; status: string; language: string }) => [s.email, s.status, s.language])
        .sort(),
    ).toEqual([
      ['ann@example.test', 'confirmed', 'fr'],
      ['bob@example.test', 'pending', 'fr'],
    ]);
    expect(JSON.stringify(list.body)).not.toMatch(/sunsub_|sconf_|token/i);
    expect((await t.api('GET', `/status-pages/${other.id}/subscribers`)).body).toEqual({
      counts: { pending: 0, confirmed: 0, unsubscribed: 0 },
      data: [],
    });

    expect(
      (await t.api('DELETE', `/status-pages/${a.id}/subscribers/${pendingId}`, undefined, t.tokens.technician)).status,
    ).toBe(403);
    expect((await t.api('DELETE', `/status-pages/${other.id}/subscribers/${pendingId}`)).status).toBe(404);
    expect((await t.api('DELETE', `/status-pages/${a.id}/subscribers/${pendingId}`)).status).toBe(204);
    expect((await t.api('DELETE', `/status-pages/${a.id}/subscribers/${pendingId}`)).status).toBe(404);
    expect((await t.api('GET', `/status-pages/${a.id}/subscribers`)).body.counts).toEqual({
      pending: 0,
      confirmed: 1,
      unsubscribed: 0,
    });

    const console = new ConsoleClient(t);
    await console.signIn('admin');
    const page = await console.get(`/admin/status-pages/${a.id}/subscribers`);
    expect(page.status).toBe(200);
    expect(page.html).toContain('1 confirmed · 0 waiting · 0 unsubscribed');
    expect(page.html).toContain('ann@example.test');
    expect((await console.post(`/admin/status-pages/${other.id}/subscribers/${confirmedId}/remove`, {})).status).toBe(
      404,
    );
    const removed = await console.post(`/admin/status-pages/${a.id}/subscribers/${confirmedId}/remove`, {});
    expect(removed.status).toBe(303);
    expect((await console.follow(removed)).html).toContain('Nobody has subscribed yet.');
  });
});
