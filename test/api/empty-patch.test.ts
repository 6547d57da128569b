import { describe, expect, it } from 'vitest';
import { addonDoc, contactDoc } from '../../src/http/api/doc-schemas.ts';
import {
  API_ROUTES,
  expectOk,
  makeAddon,
  makeClient,
  makeContract,
  makeSite,
  userIdOf,
  useTestApp,
} from './helpers.ts';
import { MONITORING_API_ROUTES } from './monitoring-routes-list.ts';
import { STATUS_PAGE_API_ROUTES } from './status-pages-routes-list.ts';

// A PATCH names only what changes. An empty one, or one that leaves a field out, must keep
// every other value (an UPDATE with nothing to set, or a schema default, once broke this).

const t = useTestApp();

/** Each core PATCH route with a real record to patch and the GET that reads it back. */
async function patchTargets(): Promise<Record<string, { patch: string; read: string }>> {
  const client = await makeClient(t(), { notes: 'keep me' });
  const contact = await t().api('POST', `/clients/${client.id}/contacts`, { name: 'Ana', email: 'ana@x.test' });
  const site = await makeSite(t(), client.id);
  const contract = await makeContract(t(), client.id);
  const addon = await makeAddon(t(), { description: 'keep me' });
  const userId = await userIdOf(t(), t().tokens.technician);
  const contactPath = `/clients/${client.id}/contacts/${contact.body.id}`;
  const calendars = (await t().api('GET', '/sla/calendars')).body.data as Array<{ id: string; kind: string }>;
  const calendarId = calendars.find((c) => c.kind === 'business')?.id;
  const policyId = ((await t().api('GET', '/sla/policies')).body.data as Array<{ id: string }>)[0]?.id;
  return {
    'PATCH /clients/{id}': { patch: `/clients/${client.id}`, read: `/clients/${client.id}` },
    'PATCH /clients/{id}/contacts/{contactId}': { patch: contactPath, read: `/clients/${client.id}/contacts` },
    'PATCH /sites/{id}': { patch: `/sites/${site.id}`, read: `/sites/${site.id}` },
    'PATCH /plans/{id}': { patch: '/plans/basic', read: '/plans/basic' },
    'PATCH /addons/{id}': { patch: `/addons/${addon.id}`, read: `/addons/${addon.id}` },
    'PATCH /contracts/{id}': { patch: `/contracts/${contract.id}`, read: `/contracts/${contract.id}` },
    'PATCH /settings': { patch: '/settings', read: '/settings' },
    'PATCH /users/{id}': { patch: `/users/${userId}`, read: `/users/${userId}` },
    'PATCH /sla/calendars/{id}': { patch: `/sla/calendars/${calendarId}`, read: `/sla/calendars/${calendarId}` },
    'PATCH /sla/policies/{id}': { patch: `/sla/policies/${policyId}`, read: `/sla/policies/${policyId}` },
  };
}

const withoutUpdatedAt = (body: unknown) =>
  JSON.parse(JSON.stringify(body), (k, v) => (k === 'updatedAt' ? undefined : v));

describe('empty and partial PATCH bodies', () => {
  it('an empty PATCH on every core route answers 200 and changes nothing', async () => {
    const targets = await patchTargets();
    const corePatchRoutes = API_ROUTES.filter(
      (r) =>
        r.startsWith('PATCH ') &&
        !(MONITORING_API_ROUTES as readonly string[]).includes(r) &&
        !(STATUS_PAGE_API_ROUTES as readonly string[]).includes(r), // tested in status-pages.test.ts
    );
    expect(Object.keys(targets).sort()).toEqual([...corePatchRoutes].sort());
    for (const [route, { patch, read }] of Object.entries(targets)) {
      const before = await t().api('GET', read);
      const res = await t().api('PATCH', patch, {});
      expect(res.status, `${route}: ${JSON.stringify(res.body)}`).toBe(200);
      const after = await t().api('GET', read);
      expect(withoutUpdatedAt(after.body), route).toEqual(withoutUpdatedAt(before.body));
    }
  });

  it('patching one field of an add-on or a contact keeps the others', async () => {
    const addon = await makeAddon(t(), { description: 'Shop plugin updates' });
    const priced = expectOk(await t().api('PATCH', `/addons/${addon.id}`, { monthlyPriceMinor: 7_000 }), 200, addonDoc);
    expect(priced).toMatchObject({ monthlyPriceMinor: 7_000, description: 'Shop plugin updates' });
    const client = await makeClient(t());
    const contact = await t().api('POST', `/clients/${client.id}/contacts`, {
      name: 'Ana',
      email: 'ana@x.test',
      phone: '+34 600',
    });
    const renamed = expectOk(
      await t().api('PATCH', `/clients/${client.id}/contacts/${contact.body.id}`, { name: 'Ana María' }),
      200,
      contactDoc,
    );
    expect(renamed).toMatchObject({ name: 'Ana María', email: 'ana@x.test', phone: '+34 600' });
  });
});
