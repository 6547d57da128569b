import { describe, expect, it } from 'vitest';
import { addonDoc, contractDoc, listOf } from '../../src/http/api/doc-schemas.ts';
import { expectError, expectInvalid, expectOk, makeAddon, makeClient, makeContract, useTestApp } from './helpers.ts';

const t = useTestApp();

const ecommerce = {
  name: 'E-commerce maintenance',
  description: 'Shop plugin updates and checkout tests',
  monthlyPriceMinor: 9_900,
  annualPriceMinor: 106_920,
  currency: 'EUR',
};

describe('add-ons', () => {
  it('creates, lists, gets, updates, archives and restores an add-on', async () => {
    const created = expectOk(await t().api('POST', '/addons', ecommerce), 201, addonDoc);
    expect(created).toMatchObject({ ...ecommerce, archivedAt: null, createdAt: '2026-03-02T09:00:00.000Z' });
    const list = expectOk(await t().api('GET', '/addons'), 200, listOf(addonDoc));
    expect(list.data).toEqual([created]);
    expect(expectOk(await t().api('GET', `/addons/${created.id}`), 200, addonDoc)).toEqual(created);
    const updated = expectOk(
      await t().api('PATCH', `/addons/${created.id}`, { monthlyPriceMinor: 12_000, description: '' }),
      200,
      addonDoc,
    );
    expect(updated).toMatchObject({ monthlyPriceMinor: 12_000, description: '', name: ecommerce.name });
    const archived = expectOk(await t().api('POST', `/addons/${created.id}/archive`), 200, addonDoc);
    expect(archived.archivedAt).not.toBeNull();
    expect(expectOk(await t().api('POST', `/addons/${created.id}/restore`), 200, addonDoc).archivedAt).toBeNull();
  });

  it('answers 404 for unknown add-ons', async () => {
    expectError(await t().api('GET', '/addons/add_nope'), 404, 'not_found');
    expectError(await t().api('PATCH', '/addons/add_nope', { name: 'X' }), 404, 'not_found');
    expectError(await t().api('POST', '/addons/add_nope/archive'), 404, 'not_found');
    expectError(await t().api('POST', '/addons/add_nope/restore'), 404, 'not_found');
  });

  it('refuses invalid prices and currencies with 422', async () => {
    expectInvalid(await t().api('POST', '/addons', { ...ecommerce, monthlyPriceMinor: -1, currency: 'eur' }), [
      'monthlyPriceMinor',
      'currency',
    ]);
    expectInvalid(await t().api('POST', '/addons', { ...ecommerce, annualPriceMinor: 1e13 }), ['annualPriceMinor']);
    const addon = await makeAddon(t());
    expectInvalid(await t().api('PATCH', `/addons/${addon.id}`, { name: '   ' }), ['name']);
  });

  it('forbids technicians to change add-ons (403)', async () => {
    const tech = t().tokens.technician;
    const addon = await makeAddon(t());
    expectError(await t().api('POST', '/addons', ecommerce, tech), 403, 'forbidden');
    expectError(await t().api('PATCH', `/addons/${addon.id}`, { name: 'X' }, tech), 403, 'forbidden');
    expectError(await t().api('POST', `/addons/${addon.id}/archive`, undefined, tech), 403, 'forbidden');
    expectError(await t().api('POST', `/addons/${addon.id}/restore`, undefined, tech), 403, 'forbidden');
    expectOk(await t().api('GET', '/addons', undefined, tech), 200, listOf(addonDoc));
  });

  it('contracts take live add-ons only', async () => {
    const live = await makeAddon(t());
    const gone = await makeAddon(t());
    await t().api('POST', `/addons/${gone.id}/archive`);
    const client = await makeClient(t());
    expectInvalid(await t().api('POST', '/contracts', { clientId: client.id, planId: 'basic', addonIds: [gone.id] }), [
      'addonIds',
    ]);
    const contract = await makeContract(t(), client.id, { addonIds: [live.id, live.id] });
    const read = expectOk(await t().api('GET', `/contracts/${contract.id}`), 200, contractDoc);
    expect(read.addonIds).toEqual([live.id]);
  });
});
