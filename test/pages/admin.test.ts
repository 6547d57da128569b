import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getAgencySettings } from '../../src/domain/agency/settings.ts';
import { systemActor } from '../../src/domain/context.ts';
import { listAddons } from '../../src/domain/contracts/addons.ts';
import { getPlan, listPlanVersions } from '../../src/domain/plans/read-plans.ts';
import { listApiTokens } from '../../src/domain/users/tokens.ts';
import { findUserByEmail, listUsers } from '../../src/domain/users/users.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { type ConsoleClient, formFields, signedIn, textOf } from './console-client.ts';

let t: TestApp;
let owner: ConsoleClient;
beforeEach(async () => {
  t = await createTestApp();
  owner = await signedIn(t, 'owner');
});
afterEach(() => t?.close());

/** The plan form as a browser would post it, from the page's own field values. */
async function planForm(planId: string, over: Record<string, string | undefined> = {}) {
  const fields = formFields((await owner.get(`/admin/plans/${planId}`)).html, `/admin/plans/${planId}`);
  for (const [k, v] of Object.entries(over)) {
    if (v === undefined) delete fields[k];
    else fields[k] = v;
  }
  return fields;
}

describe('plans', () => {
  it('shows the catalogue with prices formatted from minor units', async () => {
    const text = textOf((await owner.get('/admin/plans')).html);
    for (const s of [
      'Basic',
      'Standard',
      'Premium',
      '€150.00',
      '€1,620.00',
      '€600.00',
      '99.9 %',
      '30 s',
      '3 min',
      '24/7',
      'Premium SLA',
      'First response 4 h (business hours) · Resolution 16 h (business hours)',
      'First response 30 min (24/7) · Resolution 4 h (24/7) · Uptime 99.9 %',
    ]) {
      expect(text).toContain(s);
    }
  });

  it('saving a plan makes a new version from major-unit prices; unchanged terms make none', async () => {
    const basic = await getPlan(t.ctx, 'basic');
    const same = await owner.post(`/admin/plans/${basic.id}`, await planForm(basic.id));
    expect(textOf((await owner.follow(same)).html)).toContain('Nothing changed; Basic stays at version 1.');

    const premium = await getPlan(t.ctx, 'premium');
    const form = await planForm(basic.id, {
      monthlyPrice: '175,50',
      feature_statusPage: 'on',
      slaPolicyId: premium.slaPolicyId ?? 'missing',
    });
    const saved = await owner.post(`/admin/plans/${basic.id}`, form);
    expect(saved.status).toBe(303);
    const page = await owner.follow(saved);
    expect(textOf(page.html)).toContain('Basic saved as version 2. Existing contracts keep version 1.');
    const plan = await getPlan(t.ctx, 'basic');
    expect(plan).toMatchObject({ version: 2, monthlyPriceMinor: 17_550, slaPolicyId: premium.slaPolicyId });
    expect(plan.sla).toMatchObject({ name: 'Premium SLA', uptimeCommitmentBp: 9990 });
    expect(plan.features.statusPage).toBe(true);
    expect((await listPlanVersions(t.ctx, basic.id)).map((v) => v.version)).toEqual([2, 1]);
    expect(textOf(page.html)).toContain('Saving creates version 3');

    // "None" is a choice: the plan then sells no SLA.
    await owner.post(`/admin/plans/${basic.id}`, await planForm(basic.id, { slaPolicyId: '' }));
    expect(await getPlan(t.ctx, 'basic')).toMatchObject({ version: 3, slaPolicyId: null, sla: null });
  });

  it('re-renders the plan form with 422 and messages for a bad price, interval or no alert channel', async () => {
    const basic = await getPlan(t.ctx, 'basic');
    const form = await planForm(basic.id, {
      monthlyPrice: '150.005',
      annualPrice: 'lots',
      checkIntervalS: '5',
      channel_email: undefined,
    });
    const res = await owner.post(`/admin/plans/${basic.id}`, form);
    expect(res.status).toBe(422);
    expect(res.html).toMatch(/id="f-monthlyPrice-err">use at most 2 decimals/);
    expect(res.html).toMatch(/id="f-annualPrice-err">must be an amount such as 150.00/);
    expect(res.html).toMatch(/id="f-checkIntervalS-err">must be at least 10 seconds/);
    expect(textOf(res.html)).toContain('needs at least one channel');
    expect(res.html).toContain('value="150.005"');
    expect((await getPlan(t.ctx, 'basic')).version).toBe(1);
  });

  it('creates an add-on with the price typed in major units', async () => {
    const res = await owner.post('/admin/addons', {
      name: 'E-commerce care',
      currency: 'EUR',
      monthlyPrice: '49.90',
      annualPrice: '499',
      description: '',
    });
    expect(res.status).toBe(303);
    expect(await listAddons(t.ctx)).toMatchObject([
      { name: 'E-commerce care', monthlyPriceMinor: 4_990, annualPriceMinor: 49_900 },
    ]);
    const bad = await owner.post('/admin/addons', { name: '', currency: 'EUR', monthlyPrice: '-1', annualPrice: '1' });
    expect(bad.status).toBe(422);
    expect(bad.html).toMatch(/id="f-addon-monthlyPrice-err">must be an amount such as 150.00/);
    expect(bad.html).toMatch(/id="f-addon-name-err">must not be empty/);
  });
});

describe('technicians cannot change plans, add-ons, users or settings', () => {
  it('gets 403 for every such post and nothing changes', async () => {
    const technician = await signedIn(t, 'technician');
    const basic = await getPlan(t.ctx, 'basic');
    const planPost = await technician.post(`/admin/plans/${basic.id}`, await planForm(basic.id, { name: 'Hacked' }));
    expect(planPost.status).toBe(403);
    expect(textOf(planPost.html)).toContain('Only owners and admins can change plans');
    expect((await getPlan(t.ctx, 'basic')).name).toBe('Basic');

    const addon = await technician.post('/admin/addons', {
      name: 'X',
      currency: 'EUR',
      monthlyPrice: '1',
      annualPrice: '1',
    });
    expect(addon.status).toBe(403);
    expect(await listAddons(t.ctx)).toHaveLength(0);

    const user = await technician.post('/admin/users', {
      email: 'new@agency.test',
      password: 'long-password-1',
      role: 'owner',
    });
    expect(user.status).toBe(403);
    expect(await findUserByEmail(t.ctx.db, 'new@agency.test')).toBeUndefined();
    const admin = await findUserByEmail(t.ctx.db, 'admin@agency.test');
    expect((await technician.post(`/admin/users/${admin?.id}/role`, { role: 'technician' })).status).toBe(403);
    expect((await technician.post(`/admin/users/${admin?.id}/deactivate`, {})).status).toBe(403);

    const settings = await technician.post('/admin/settings', {
      name: 'Hacked',
      defaultCurrency: 'USD',
      locale: 'en',
      timeZone: 'UTC',
    });
    expect(settings.status).toBe(403);
    expect((await getAgencySettings(t.ctx)).name).toBe('My agency');
  });
});

describe('users', () => {
  it('creates a user, changes the role, deactivates and reactivates', async () => {
    const created = await owner.post('/admin/users', {
      name: 'Nina',
      email: 'nina@agency.test',
      password: 'nina-password-1',
      role: 'technician',
    });
    expect(textOf((await owner.follow(created)).html)).toContain('Nina can now sign in as technician.');
    const nina = await findUserByEmail(t.ctx.db, 'nina@agency.test');
    await owner.post(`/admin/users/${nina?.id}/role`, { role: 'admin' });
    await owner.post(`/admin/users/${nina?.id}/deactivate`, {});
    let users = await listUsers(t.ctx);
    expect(users.find((u) => u.id === nina?.id)).toMatchObject({ role: 'admin', archivedAt: expect.any(String) });
    await owner.post(`/admin/users/${nina?.id}/reactivate`, {});
    users = await listUsers(t.ctx);
    expect(users.find((u) => u.id === nina?.id)?.archivedAt).toBeNull();
  });

  it('re-renders with 422 for a short password without echoing it, and 409 for a duplicate e-mail', async () => {
    const short = await owner.post('/admin/users', {
      name: 'Ed',
      email: 'ed@agency.test',
      password: 'short1',
      role: 'admin',
    });
    expect(short.status).toBe(422);
    expect(short.html).toMatch(/id="f-u-password-err">must be at least 10 characters/);
    expect(short.html).not.toContain('short1');
    const dup = await owner.post('/admin/users', { email: 'admin@agency.test', password: 'long-password-1' });
    expect(dup.status).toBe(409);
    expect(textOf(dup.html)).toContain('A user with the e-mail admin@agency.test already exists');
  });

  it('an admin cannot make or change owners', async () => {
    const admin = await signedIn(t, 'admin');
    const owners = (await listUsers(t.ctx)).filter((u) => u.role === 'owner');
    expect((await admin.post(`/admin/users/${owners[0]?.id}/deactivate`, {})).status).toBe(403);
    const made = await admin.post('/admin/users', {
      email: 'o2@agency.test',
      password: 'long-password-1',
      role: 'owner',
    });
    expect(made.status).toBe(403);
  });
});

describe('API tokens', () => {
  it('shows a new secret once, uncached, then lists and revokes the token', async () => {
    const res = await owner.post('/admin/tokens', { name: 'billing export' });
    expect(res.status).toBe(201);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const secret = /<textarea id="new-secret"[^>]*>(stw_[^<]+)<\/textarea>/.exec(res.html)?.[1] ?? '';
    expect(secret).toMatch(/^stw_/);
    expect(textOf(res.html)).toContain('Copy it now.');
    expect((await t.api('GET', '/clients', undefined, secret)).status).toBe(200);

    const list = await owner.get('/admin/tokens');
    expect(list.html).not.toContain(secret);
    expect(textOf(list.html)).toContain('billing export');
    const token = (await listApiTokens(t.ctx, systemActor)).find((k) => k.name === 'billing export');
    const revoked = await owner.post(`/admin/tokens/${token?.id}/revoke`, {});
    expect(textOf((await owner.follow(revoked)).html)).toContain('is revoked');
    expect((await t.api('GET', '/clients', undefined, secret)).status).toBe(401);
  });

  it('refuses an empty name with 422', async () => {
    const res = await owner.post('/admin/tokens', { name: '' });
    expect(res.status).toBe(422);
    expect(res.html).toMatch(/id="f-name-err">must not be empty/);
  });
});

describe('settings', () => {
  it('saves valid settings and refuses invalid ones with 422', async () => {
    const fields = { name: 'Pixel & Co', logoUrl: '', defaultCurrency: 'CHF', locale: 'de', timeZone: 'Europe/Zurich' };
    expect((await owner.post('/admin/settings', fields)).status).toBe(303);
    expect(await getAgencySettings(t.ctx)).toMatchObject({ name: 'Pixel & Co', logoUrl: null, defaultCurrency: 'CHF' });
    const bad = await owner.post('/admin/settings', { ...fields, logoUrl: 'ftp://x', defaultCurrency: 'XYZ' });
    expect(bad.status).toBe(422);
    expect(bad.html).toMatch(/id="f-logoUrl-err">must be an http\(s\) URL/);
    expect(bad.html).toMatch(/id="f-defaultCurrency-err">is not a known ISO 4217 currency/);
    expect((await getAgencySettings(t.ctx)).defaultCurrency).toBe('CHF');
  });
});
