import { describe, expect, it } from 'vitest';
import { contractDoc, pageOf } from '../../src/http/api/doc-schemas.ts';
import {
  collectPages,
  expectError,
  expectInvalid,
  expectOk,
  makeAddon,
  makeClient,
  makeContract,
  useTestApp,
} from './helpers.ts';

const t = useTestApp();

const at = (iso: string) => t().clock.set(Date.parse(iso));

describe('signing contracts', () => {
  it('signs an active contract on the current plan version, starting today in the client time zone', async () => {
    // 12:00 UTC on 2 March is already 3 March in Auckland (UTC+13 in summer).
    at('2026-03-02T12:00:00Z');
    const client = await makeClient(t(), { timeZone: 'Pacific/Auckland' });
    const addon = await makeAddon(t());
    const res = await t().api('POST', '/contracts', { clientId: client.id, planId: 'premium', addonIds: [addon.id] });
    const contract = expectOk(res, 201, contractDoc);
    expect(contract).toMatchObject({
      clientId: client.id,
      planCode: 'premium',
      planName: 'Premium',
      planVersion: 1,
      billingPeriod: 'monthly',
      status: 'active',
      startDate: '2026-03-03',
      trialEndsOn: null,
      cancellationNoticeDays: 30,
      cancelRequestedAt: null,
      endsOn: null,
      addonIds: [addon.id],
    });
    expect(expectOk(await t().api('GET', `/contracts/${contract.id}`), 200, contractDoc)).toEqual(contract);
  });

  it('a trial lasts 14 days by default and is converted by activate', async () => {
    const client = await makeClient(t());
    const trial = await makeContract(t(), client.id, { status: 'trial' });
    expect(trial).toMatchObject({ status: 'trial', trialEndsOn: '2026-03-16' });
    const active = expectOk(await t().api('POST', `/contracts/${trial.id}/activate`), 200, contractDoc);
    expect(active).toMatchObject({ status: 'active', trialEndsOn: null });
    expectError(await t().api('POST', `/contracts/${trial.id}/activate`), 409, 'conflict');
  });

  it('allows one live contract per client (409), and a new one once the old has ended', async () => {
    const client = await makeClient(t());
    const first = await makeContract(t(), client.id, { status: 'trial' });
    for (const status of ['trial', 'active']) {
      expectError(
        await t().api('POST', '/contracts', { clientId: client.id, planId: 'basic', status }),
        409,
        'conflict',
      );
    }
    await t().api('POST', `/contracts/${first.id}/activate`);
    await t().api('POST', `/contracts/${first.id}/cancel`);
    expectError(await t().api('POST', '/contracts', { clientId: client.id, planId: 'basic' }), 409, 'conflict');
    expectOk(await t().api('POST', `/contracts/${first.id}/end`), 200, contractDoc);
    const second = expectOk(
      await t().api('POST', '/contracts', { clientId: client.id, planId: 'basic' }),
      201,
      contractDoc,
    );
    expect(second.status).toBe('active');
  });

  it('refuses invalid values with 422 and details', async () => {
    const client = await makeClient(t());
    expectInvalid(
      await t().api('POST', '/contracts', {
        clientId: client.id,
        planId: 'basic',
        startDate: '2026-02-30',
        status: 'ended',
        billingPeriod: 'weekly',
      }),
      ['startDate', 'status', 'billingPeriod'],
    );
    expectInvalid(
      await t().api('POST', '/contracts', { clientId: client.id, planId: 'basic', trialEndsOn: '2026-04-01' }),
      ['trialEndsOn'],
    );
    expectInvalid(
      await t().api('POST', '/contracts', {
        clientId: client.id,
        planId: 'basic',
        status: 'trial',
        startDate: '2026-03-10',
        trialEndsOn: '2026-03-09',
      }),
      ['trialEndsOn'],
    );
    expectInvalid(
      await t().api('POST', '/contracts', { clientId: client.id, planId: 'basic', addonIds: ['add_nope'] }),
      ['addonIds'],
    );
  });

  it('answers 404 for an unknown client, plan or contract, and 409 for an archived client', async () => {
    const client = await makeClient(t());
    expectError(await t().api('POST', '/contracts', { clientId: 'cli_nope', planId: 'basic' }), 404, 'not_found');
    expectError(await t().api('POST', '/contracts', { clientId: client.id, planId: 'gold' }), 404, 'not_found');
    for (const action of ['activate', 'cancel', 'resume', 'end']) {
      expectError(await t().api('POST', `/contracts/ctr_nope/${action}`), 404, 'not_found');
    }
    expectError(await t().api('GET', '/contracts/ctr_nope'), 404, 'not_found');
    expectError(await t().api('PATCH', '/contracts/ctr_nope', { billingPeriod: 'annual' }), 404, 'not_found');
    await t().api('POST', `/clients/${client.id}/archive`);
    expectError(await t().api('POST', '/contracts', { clientId: client.id, planId: 'basic' }), 409, 'conflict');
  });

  it('forbids technicians to sign or change contracts (403)', async () => {
    const tech = t().tokens.technician;
    const client = await makeClient(t());
    const contract = await makeContract(t(), client.id, { status: 'trial' });
    const other = await makeClient(t());
    expectError(await t().api('POST', '/contracts', { clientId: other.id, planId: 'basic' }, tech), 403, 'forbidden');
    expectError(
      await t().api('PATCH', `/contracts/${contract.id}`, { billingPeriod: 'annual' }, tech),
      403,
      'forbidden',
    );
    for (const action of ['activate', 'cancel', 'resume', 'end']) {
      expectError(await t().api('POST', `/contracts/${contract.id}/${action}`, undefined, tech), 403, 'forbidden');
    }
    // Reading is fine.
    expectOk(await t().api('GET', `/contracts/${contract.id}`, undefined, tech), 200, contractDoc);
    expect((await t().api('GET', `/contracts/${contract.id}`)).body.status).toBe('trial');
  });
});

describe('changing contracts', () => {
  it('changes billing period, notice and add-ons; trial end only for trials; nothing once ended', async () => {
    const client = await makeClient(t());
    const addon = await makeAddon(t());
    const trial = await makeContract(t(), client.id, { status: 'trial' });
    const changed = expectOk(
      await t().api('PATCH', `/contracts/${trial.id}`, {
        billingPeriod: 'annual',
        cancellationNoticeDays: 60,
        addonIds: [addon.id],
        trialEndsOn: '2026-03-31',
      }),
      200,
      contractDoc,
    );
    expect(changed).toMatchObject({
      billingPeriod: 'annual',
      cancellationNoticeDays: 60,
      addonIds: [addon.id],
      trialEndsOn: '2026-03-31',
    });
    expectInvalid(await t().api('PATCH', `/contracts/${trial.id}`, { trialEndsOn: '2026-02-01' }), ['trialEndsOn']);
    expectInvalid(await t().api('PATCH', `/contracts/${trial.id}`, { cancellationNoticeDays: 400 }), [
      'cancellationNoticeDays',
    ]);
    await t().api('POST', `/contracts/${trial.id}/activate`);
    expectError(await t().api('PATCH', `/contracts/${trial.id}`, { trialEndsOn: '2026-04-30' }), 409, 'conflict');
    await t().api('POST', `/contracts/${trial.id}/end`);
    expectError(await t().api('PATCH', `/contracts/${trial.id}`, { billingPeriod: 'monthly' }), 409, 'conflict');
  });
});

describe('listing contracts', () => {
  it('filters by status and client, and pages with a cursor', async () => {
    const ids: Record<string, string> = {};
    for (const name of ['a', 'b', 'c', 'd']) {
      t().clock.advance(1);
      const client = await makeClient(t());
      ids[name] = (await makeContract(t(), client.id, { status: name === 'd' ? 'trial' : 'active' })).id;
      ids[`client-${name}`] = client.id;
    }
    await t().api('POST', `/contracts/${ids.b}/cancel`);
    await t().api('POST', `/contracts/${ids.c}/end`);
    const list = async (q: string) =>
      expectOk(await t().api('GET', `/contracts${q}`), 200, pageOf(contractDoc)).data.map((c) => c.id);
    expect(await list('?status=active')).toEqual([ids.a]);
    expect(await list('?status=cancelling')).toEqual([ids.b]);
    expect(await list('?status=ended')).toEqual([ids.c]);
    expect(await list('?status=trial')).toEqual([ids.d]);
    expect(await list(`?clientId=${ids['client-c']}`)).toEqual([ids.c]);
    const { items, pages } = await collectPages<{ id: string }>(t(), '/contracts', 3);
    expect(pages).toBe(2);
    expect(items.map((c) => c.id)).toEqual([ids.a, ids.b, ids.c, ids.d]);
    expectInvalid(await t().api('GET', '/contracts?status=paused'), ['status']);
    expectInvalid(await t().api('GET', '/contracts?cursor=bm9wZQ'), ['cursor']);
  });
});
