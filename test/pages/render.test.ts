import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '../../src/domain/clients/clients.ts';
import { systemActor } from '../../src/domain/context.ts';
import { createContract } from '../../src/domain/contracts/change-contracts.ts';
import { createSite } from '../../src/domain/sites/sites.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { type ConsoleClient, signedIn, textOf } from './console-client.ts';

let t: TestApp;
let clientId: string;
let owner: ConsoleClient;
let technician: ConsoleClient;

beforeAll(async () => {
  t = await createTestApp();
  const client = await createClient(t.ctx, systemActor, { name: 'Acme Bakery', timeZone: 'Europe/Madrid' });
  clientId = client.id;
  await createSite(t.ctx, systemActor, { clientId, url: 'acme.example', cms: 'wordpress' });
  await createContract(t.ctx, systemActor, { clientId, planId: 'premium', billingPeriod: 'annual' });
  owner = await signedIn(t, 'owner');
  technician = await signedIn(t, 'technician');
});
afterAll(() => t?.close());

const PAGES = [
  ['/admin', 'Monthly recurring revenue'],
  ['/admin/clients', 'Acme Bakery'],
  ['/admin/clients/new', 'Create client'],
  ['/admin/plans', 'Premium'],
  ['/admin/users', 'tech@agency.test'],
  ['/admin/tokens', 'Create a token'],
  ['/admin/settings', 'Agency settings'],
] as const;

describe.each(['owner', 'technician'] as const)('every console page renders for the %s', (role) => {
  it.each(PAGES)('%s', async (path, expected) => {
    const res = await (role === 'owner' ? owner : technician).get(path);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(textOf(res.html)).toContain(expected);
  });

  it('the client page and a plan page', async () => {
    const browser = role === 'owner' ? owner : technician;
    const client = await browser.get(`/admin/clients/${clientId}`);
    expect(client.status).toBe(200);
    expect(textOf(client.html)).toContain('https://acme.example/');
    const plans = await browser.get('/admin/plans');
    const planPath = /href="(\/admin\/plans\/plan_[a-z0-9]+)"/.exec(plans.html)?.[1] ?? '';
    const plan = await browser.get(planPath);
    expect(plan.status).toBe(200);
    expect(textOf(plan.html)).toContain('Version history');
  });
});

describe('what each role sees', () => {
  it('owners get the forms that change plans, contracts, users and settings', async () => {
    const client = await owner.get(`/admin/clients/${clientId}`);
    expect(client.html).toContain('/contract/');
    expect(client.html).toContain('Cancel with notice');
    const plans = await owner.get('/admin/plans');
    expect(plans.html).toContain('action="/admin/addons#new-addon"');
    expect((await owner.get('/admin/users')).html).toContain('action="/admin/users"');
    expect((await owner.get('/admin/settings')).html).toContain('action="/admin/settings"');
  });

  it('technicians see plans, contracts, users and settings read-only', async () => {
    const client = await technician.get(`/admin/clients/${clientId}`);
    expect(client.html).not.toContain('/contract/');
    expect(client.html).not.toContain('Sign contract');
    expect(textOf(client.html)).toContain('Only owners and admins can sign or change contracts.');
    expect(textOf(client.html)).toContain('Premium'); // the contract itself is visible
    const plans = await technician.get('/admin/plans');
    expect(plans.html).not.toContain('action="/admin/addons#new-addon"');
    const planPath = /href="(\/admin\/plans\/plan_[a-z0-9]+)"/.exec(plans.html)?.[1] ?? '';
    expect((await technician.get(planPath)).html).not.toContain(`action="${planPath}"`);
    const users = await technician.get('/admin/users');
    expect(users.html).not.toContain('action="/admin/users"');
    expect(users.html).not.toContain('/deactivate');
    const settings = await technician.get('/admin/settings');
    expect(settings.html).not.toContain('action="/admin/settings"');
    expect(textOf(settings.html)).toContain('Only owners and admins can change the agency settings.');
  });

  it('an unknown client is a 404 page', async () => {
    const res = await owner.get('/admin/clients/cli_missing');
    expect(res.status).toBe(404);
    expect(textOf(res.html)).toContain('Client not found');
  });
});

describe('dashboard', () => {
  it('shows counts and MRR from the live contract: annual price / 12', async () => {
    const text = textOf((await owner.get('/admin')).html);
    expect(text).toMatch(/Active clients 1\b/);
    expect(text).toMatch(/Sites 1\b/);
    expect(text).toContain('1 active · 0 trial · 0 cancelling');
    expect(text).toContain('€540.00'); // Premium annual €6,480.00 / 12
    expect(text).toContain('Acme Bakery');
  });
});
