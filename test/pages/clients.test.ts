import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createClient, getClient, listClients } from '../../src/domain/clients/clients.ts';
import { listContacts } from '../../src/domain/clients/contacts.ts';
import { systemActor } from '../../src/domain/context.ts';
import { createAddon } from '../../src/domain/contracts/addons.ts';
import { listContracts } from '../../src/domain/contracts/read-contracts.ts';
import { getPlan } from '../../src/domain/plans/read-plans.ts';
import { listSites } from '../../src/domain/sites/sites.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { type ConsoleClient, formFields, signedIn, textOf } from './console-client.ts';

let t: TestApp;
let owner: ConsoleClient;
beforeEach(async () => {
  t = await createTestApp();
  owner = await signedIn(t, 'owner');
});
afterEach(() => t?.close());

const newClient = (over: Record<string, string> = {}) => ({
  name: 'Acme Bakery',
  locale: 'es',
  timeZone: 'Europe/Madrid',
  currency: 'EUR',
  notes: '',
  contactName: 'Lucía',
  contactEmail: 'lucia@acme.example',
  ...over,
});

async function createViaForm(over: Record<string, string> = {}) {
  const res = await owner.post('/admin/clients', newClient(over));
  expect(res.status).toBe(303);
  return res.location?.split('/').pop() ?? '';
}

describe('new client form', () => {
  it('preselects the agency defaults', async () => {
    const page = await owner.get('/admin/clients/new');
    expect(page.html).toMatch(/<option value="EUR" selected="">/);
    expect(page.html).toMatch(/<option value="UTC" selected="">/);
  });

  it('creates the client with its first contact and shows it', async () => {
    const id = await createViaForm();
    const page = await owner.get(`/admin/clients/${id}`);
    expect(textOf(page.html)).toContain('Client Acme Bakery created.');
    expect(textOf(page.html)).toContain('lucia@acme.example');
    expect((await getClient(t.ctx, id)).timeZone).toBe('Europe/Madrid');
  });

  it('re-renders with field messages and 422, keeping what was typed, and writes nothing', async () => {
    const res = await owner.post('/admin/clients', newClient({ name: ' ', contactEmail: 'not-an-email' }));
    expect(res.status).toBe(422);
    const text = textOf(res.html);
    expect(text).toContain('Please correct the fields marked below.');
    expect(res.html).toMatch(/id="f-name-err">must not be empty/);
    expect(res.html).toMatch(/id="f-contactEmail-err">must be an e-mail address/);
    expect(res.html).toContain('value="not-an-email"');
    expect(res.html).toMatch(/<option value="Europe\/Madrid" selected="">/);
    expect((await listClients(t.ctx, { archived: 'all' })).data).toHaveLength(0);
  });

  it('says what is missing from half a contact', async () => {
    const res = await owner.post('/admin/clients', newClient({ contactName: '' }));
    expect(res.status).toBe(422);
    expect(res.html).toMatch(/id="f-contactName-err">enter the name too, or clear the e-mail/);
    const noContact = await owner.post('/admin/clients', newClient({ contactName: '', contactEmail: '' }));
    expect(noContact.status).toBe(303);
  });
});

describe('client list', () => {
  it('searches by name, filters archived clients and pages with a cursor', async () => {
    for (let i = 1; i <= 27; i++) {
      await createClient(t.ctx, systemActor, { name: `Client ${String(i).padStart(2, '0')}` });
      t.clock.advance(1000);
    }
    const first = await owner.get('/admin/clients');
    expect(textOf(first.html)).toContain('Client 25');
    expect(textOf(first.html)).not.toContain('Client 26');
    const next = /href="([^"]*cursor=[^"]+)"/.exec(first.html)?.[1]?.replaceAll('&amp;', '&') ?? '';
    const second = await owner.get(next);
    expect(textOf(second.html)).toContain('Client 27');
    expect(textOf(second.html)).not.toContain('Client 01');
    expect(textOf(second.html)).toContain('First page');

    const search = await owner.get('/admin/clients?q=ent%2007');
    expect(textOf(search.html)).toContain('Client 07');
    expect(textOf(search.html)).not.toContain('Client 08');
    expect(textOf((await owner.get('/admin/clients?q=zzz')).html)).toContain('No clients match this search.');

    const archived = await createClient(t.ctx, systemActor, { name: 'Gone GmbH' });
    const archivedPage = await owner.follow(await owner.post(`/admin/clients/${archived.id}/archive`, {}));
    expect(textOf(archivedPage.html)).toContain('Gone GmbH is archived.');
    expect(textOf((await owner.get('/admin/clients?q=gone')).html)).not.toContain('Gone GmbH');
    expect(textOf((await owner.get('/admin/clients?q=gone&archived=true')).html)).toContain('Gone GmbH');
  });
});

describe('client page: company, contacts, sites', () => {
  it('edits the company, adds and removes a contact', async () => {
    const id = await createViaForm();
    const saved = await owner.post(`/admin/clients/${id}`, { ...newClient({ name: 'Acme Bakery SL' }) });
    expect(saved.status).toBe(303);
    expect((await getClient(t.ctx, id)).name).toBe('Acme Bakery SL');

    const bad = await owner.post(`/admin/clients/${id}`, newClient({ timeZone: 'Mars/Olympus' }));
    expect(bad.status).toBe(422);
    expect(bad.html).toMatch(/id="f-co-timeZone-err">must be an IANA time zone/);

    const added = await owner.post(`/admin/clients/${id}/contacts`, { name: 'Pablo', email: 'pablo@acme.example' });
    expect(added.status).toBe(303);
    const duplicate = await owner.post(`/admin/clients/${id}/contacts`, { name: 'P2', email: 'pablo@acme.example' });
    expect(duplicate.status).toBe(409);
    expect(textOf(duplicate.html)).toContain('already has a contact with the e-mail pablo@acme.example');
    const pablo = (await listContacts(t.ctx, id)).find((c) => c.email === 'pablo@acme.example');
    await owner.post(`/admin/clients/${id}/contacts/${pablo?.id}/remove`, {});
    expect((await listContacts(t.ctx, id)).map((c) => c.name)).toEqual(['Lucía']);
  });

  it('adds a site with a normalised URL, refuses a bad or duplicate one, and archives it', async () => {
    const id = await createViaForm();
    const added = await owner.post(`/admin/clients/${id}/sites`, { url: 'Acme.Example:443/shop#x', cms: 'wordpress' });
    expect(added.status).toBe(303);
    const page = await owner.get(`/admin/clients/${id}`);
    expect(textOf(page.html)).toContain('https://acme.example/shop');
    expect(textOf(page.html)).toContain('No plan');

    const invalid = await owner.post(`/admin/clients/${id}/sites`, { url: 'not a url', cms: 'wordpress' });
    expect(invalid.status).toBe(422);
    expect(invalid.html).toMatch(/id="f-site-url-err">must not contain spaces/);
    const duplicate = await owner.post(`/admin/clients/${id}/sites`, { url: 'https://acme.example/shop' });
    expect(duplicate.status).toBe(409);

    const [site] = (await listSites(t.ctx, { clientId: id })).data;
    expect((await owner.post(`/admin/clients/${id}/sites/${site?.id}/archive`, {})).status).toBe(303);
    expect((await listSites(t.ctx, { clientId: id })).data).toHaveLength(0);
    const other = await createClient(t.ctx, systemActor, { name: 'Other' });
    // A site is only reachable under its own client.
    expect((await owner.post(`/admin/clients/${other.id}/sites/${site?.id}/restore`, {})).status).toBe(404);
  });
});

describe('client page: contract', () => {
  it('signs a contract; the site shows the derived plan; cancel shows the last day; resume; end', async () => {
    const id = await createViaForm();
    await owner.post(`/admin/clients/${id}/sites`, { url: 'acme.example', cms: 'wordpress' });
    const standard = await getPlan(t.ctx, 'standard');
    const signed = await owner.post(`/admin/clients/${id}/contract`, {
      planId: standard.id,
      billingPeriod: 'monthly',
      status: 'active',
      startDate: '2026-03-02',
    });
    expect(signed.status).toBe(303);
    let page = await owner.follow(signed);
    expect(textOf(page.html)).toContain('Contract signed: Standard v1, active.');
    expect(page.html).toMatch(/data-label="Plan"><span><span class="badge ok">Standard<\/span>/);

    const [contract] = (await listContracts(t.ctx, { clientId: id })).data;
    const base = `/admin/clients/${id}/contract/${contract?.id}`;
    // 30 days' notice from 2 Mar runs out on 1 Apr, the last day of the billing period 2 Mar–1 Apr.
    page = await owner.follow(await owner.post(`${base}/cancel`, {}));
    expect(textOf(page.html)).toContain('The contract is cancelled; its last day is 1 Apr 2026.');
    expect(textOf(page.html)).toContain('Cancelling');
    page = await owner.follow(await owner.post(`${base}/resume`, {}));
    expect(textOf(page.html)).toContain('the contract is active again');
    page = await owner.follow(await owner.post(`${base}/end`, {}));
    expect(textOf(page.html)).toContain('The contract ended on 2 Mar 2026.');
    expect(textOf(page.html)).toContain('Past contracts (1)');
    expect(textOf(page.html)).toContain('Sign contract');
    const again = await owner.post(`${base}/resume`, {});
    expect(again.status).toBe(409);
    expect(textOf(again.html)).toContain('Cannot resume a contract that is ended');
  });

  it('refuses a second live contract with a message, and an impossible start date with 422', async () => {
    const id = await createViaForm();
    const basic = await getPlan(t.ctx, 'basic');
    await owner.post(`/admin/clients/${id}/contract`, { planId: basic.id, status: 'trial' });
    const second = await owner.post(`/admin/clients/${id}/contract`, { planId: basic.id });
    expect(second.status).toBe(409);
    const other = await createViaForm({ name: 'Other' });
    const bad = await owner.post(`/admin/clients/${other}/contract`, { planId: basic.id, startDate: '2026-02-30' });
    expect(bad.status).toBe(422);
    expect(bad.html).toMatch(/id="f-k-startDate-err">is not a real calendar date/);
  });

  it('signs an annual contract with an add-on; the dashboard MRR counts both, divided by 12', async () => {
    const id = await createViaForm();
    const addon = await createAddon(t.ctx, systemActor, {
      name: 'Shop care',
      monthlyPriceMinor: 5_000,
      annualPriceMinor: 50_003,
      currency: 'EUR',
    });
    const page = await owner.get(`/admin/clients/${id}`);
    const fields = formFields(page.html, `/admin/clients/${id}/contract#contract-h`);
    expect(fields).toMatchObject({ billingPeriod: 'monthly', status: 'active', startDate: '2026-03-02' });
    const premium = await getPlan(t.ctx, 'premium');
    const signed = await owner.post(`/admin/clients/${id}/contract`, {
      ...fields,
      planId: premium.id,
      billingPeriod: 'annual',
      [`addon_${addon.id}`]: 'on',
    });
    expect(signed.status).toBe(303);
    const [contract] = (await listContracts(t.ctx, { clientId: id })).data;
    expect(contract).toMatchObject({ billingPeriod: 'annual', addonIds: [addon.id] });
    expect(textOf((await owner.get(`/admin/clients/${id}`)).html)).toContain('Shop care');
    // (648 000 + 50 003) / 12 = 58 166.9 → 58 167 minor units.
    expect(textOf((await owner.get('/admin')).html)).toContain('€581.67');
  });

  it('a technician cannot sign or change a contract (403) and nothing changes', async () => {
    const id = await createViaForm();
    const technician = await signedIn(t, 'technician');
    const basic = await getPlan(t.ctx, 'basic');
    const res = await technician.post(`/admin/clients/${id}/contract`, { planId: basic.id });
    expect(res.status).toBe(403);
    expect(textOf(res.html)).toContain('Only owners and admins can sign or change contracts');
    expect((await listContracts(t.ctx, { clientId: id })).data).toHaveLength(0);
    await owner.post(`/admin/clients/${id}/contract`, { planId: basic.id });
    const [contract] = (await listContracts(t.ctx, { clientId: id })).data;
    expect((await technician.post(`/admin/clients/${id}/contract/${contract?.id}/end`, {})).status).toBe(403);
    expect((await listContracts(t.ctx, { clientId: id })).data[0]?.status).toBe('active');
  });
});
