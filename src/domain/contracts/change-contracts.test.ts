import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../../test/support/test-db.ts';
import { createClient, setClientArchived } from '../clients/clients.ts';
import type { Client } from '../clients/schemas.ts';
import { type Actor, systemActor } from '../context.ts';
import { setPlanArchived } from '../plans/change-plans.ts';
import { getPlan } from '../plans/read-plans.ts';
import { createAddon, setAddonArchived } from './addons.ts';
import {
  activateContract,
  cancelContract,
  createContract,
  endContract,
  resumeContract,
  updateContract,
} from './change-contracts.ts';
import { getContract, listContracts } from './read-contracts.ts';

const admin: Actor = { kind: 'user', userId: 'usr_admin', role: 'admin' };
const technician: Actor = { kind: 'user', userId: 'usr_tech', role: 'technician' };

let t: TestDb;
let client: Client;
beforeEach(async () => {
  t = await createTestDb(); // now: 2026-03-02T09:00Z
  client = await createClient(t.ctx, systemActor, { name: 'Acme', timeZone: 'Europe/Madrid' });
});
afterEach(async () => {
  await t.close();
});

const sign = (input: Record<string, unknown> = {}) =>
  createContract(t.ctx, admin, { clientId: client.id, planId: 'standard', ...input });
const nowIso = () => new Date(t.clock.now()).toISOString();
const liveContracts = async (clientId: string) =>
  (await listContracts(t.ctx, { clientId })).data.filter((c) => c.status !== 'ended');

describe('createContract', () => {
  it('signs the current plan version, starting today in the client’s zone, with the plan’s notice', async () => {
    const plan = await getPlan(t.ctx, 'standard');
    const contract = await sign();
    expect(contract).toMatchObject({
      clientId: client.id,
      planId: plan.id,
      planCode: 'standard',
      planVersionId: plan.versionId,
      planVersion: 1,
      status: 'active',
      billingPeriod: 'monthly',
      startDate: '2026-03-02',
      trialEndsOn: null,
      cancellationNoticeDays: plan.cancellationNoticeDays,
      endsOn: null,
      addonIds: [],
    });
  });

  it.each([
    ['Pacific/Kiritimati', '2026-03-02T10:30:00Z', '2026-03-03'],
    ['Pacific/Pago_Pago', '2026-03-02T10:30:00Z', '2026-03-01'],
    ['Europe/Madrid', '2026-03-01T23:30:00Z', '2026-03-02'],
  ])('takes the default start date in the client’s zone (%s at %s → %s)', async (timeZone, instant, expected) => {
    t.clock.set(Date.parse(instant));
    const far = await createClient(t.ctx, systemActor, { name: 'Far away', timeZone });
    const contract = await createContract(t.ctx, admin, { clientId: far.id, planId: 'basic' });
    expect(contract.startDate).toBe(expected);
  });

  it('allows one live contract per client, and a new one once the old has ended', async () => {
    const first = await sign();
    await expect(sign({ planId: 'premium' })).rejects.toMatchObject({ code: 'conflict' });
    await endContract(t.ctx, admin, first.id);
    const second = await sign({ planId: 'premium' });
    expect(second.planCode).toBe('premium');
    expect((await liveContracts(client.id)).map((c) => c.id)).toEqual([second.id]);
  });

  it('keeps one live contract per client even when two are signed at the same time', async () => {
    const results = await Promise.allSettled([sign({ planId: 'basic' }), sign({ planId: 'premium' })]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const lost = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(lost.reason).toMatchObject({ name: 'AppError', code: 'conflict' });
    const rows = await t.ctx.db.selectFrom('contracts').select('id').where('client_id', '=', client.id).execute();
    expect(rows).toHaveLength(1);
  });

  it('refuses unknown or archived clients and plans', async () => {
    await expect(sign({ clientId: 'cli_missing' })).rejects.toMatchObject({ code: 'not_found' });
    await expect(sign({ planId: 'plan_missing' })).rejects.toMatchObject({ code: 'not_found' });
    await setPlanArchived(t.ctx, admin, (await getPlan(t.ctx, 'basic')).id, true);
    await expect(sign({ planId: 'basic' })).rejects.toMatchObject({ code: 'conflict' });
    await setClientArchived(t.ctx, admin, client.id, true);
    await expect(sign()).rejects.toMatchObject({ code: 'conflict' });
    expect((await listContracts(t.ctx)).data).toEqual([]);
  });

  it.each([
    ['a float notice', { cancellationNoticeDays: 1.5 }],
    ['a notice over a year', { cancellationNoticeDays: 366 }],
    ['an impossible date', { startDate: '2026-02-30' }],
    ['an unknown billing period', { billingPeriod: 'weekly' }],
    ['an unknown field', { discount: 10 }],
  ])('refuses %s', async (_what, input) => {
    await expect(sign(input)).rejects.toMatchObject({ code: 'invalid' });
    expect((await listContracts(t.ctx)).data).toEqual([]);
  });

  it('is for admins and owners only', async () => {
    await expect(createContract(t.ctx, technician, { clientId: client.id, planId: 'standard' })).rejects.toMatchObject({
      code: 'forbidden',
    });
    const contract = await sign();
    await expect(cancelContract(t.ctx, technician, contract.id)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(endContract(t.ctx, technician, contract.id)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(updateContract(t.ctx, technician, contract.id, { billingPeriod: 'annual' })).rejects.toMatchObject({
      code: 'forbidden',
    });
    expect((await getContract(t.ctx, contract.id)).status).toBe('active');
  });
});

describe('trials', () => {
  it('last 14 days by default', async () => {
    const contract = await sign({ status: 'trial', startDate: '2026-03-10' });
    expect(contract).toMatchObject({ status: 'trial', startDate: '2026-03-10', trialEndsOn: '2026-03-24' });
  });

  it('take a given end date, which may be the start date but not before it', async () => {
    expect((await sign({ status: 'trial', trialEndsOn: '2026-04-01' })).trialEndsOn).toBe('2026-04-01');
    await endContract(t.ctx, admin, (await liveContracts(client.id))[0]!.id);
    expect((await sign({ status: 'trial', trialEndsOn: '2026-03-02' })).trialEndsOn).toBe('2026-03-02');
    await endContract(t.ctx, admin, (await liveContracts(client.id))[0]!.id);
    await expect(sign({ status: 'trial', trialEndsOn: '2026-03-01' })).rejects.toMatchObject({ code: 'invalid' });
  });

  it('are the only contracts with a trial end', async () => {
    await expect(sign({ status: 'active', trialEndsOn: '2026-04-01' })).rejects.toMatchObject({ code: 'invalid' });
    const active = await sign();
    await expect(updateContract(t.ctx, admin, active.id, { trialEndsOn: '2026-04-01' })).rejects.toMatchObject({
      code: 'conflict',
    });
  });

  it('can be extended, and lose their trial end when activated', async () => {
    const trial = await sign({ status: 'trial' });
    expect((await updateContract(t.ctx, admin, trial.id, { trialEndsOn: '2026-04-30' })).trialEndsOn).toBe(
      '2026-04-30',
    );
    await expect(updateContract(t.ctx, admin, trial.id, { trialEndsOn: '2026-03-01' })).rejects.toMatchObject({
      code: 'invalid',
    });
    const active = await activateContract(t.ctx, admin, trial.id);
    expect(active).toMatchObject({ status: 'active', trialEndsOn: null });
    await expect(activateContract(t.ctx, admin, trial.id)).rejects.toMatchObject({ code: 'conflict' });
  });

  it('end at once when cancelled', async () => {
    const trial = await sign({ status: 'trial' });
    const ended = await cancelContract(t.ctx, admin, trial.id);
    expect(ended).toMatchObject({ status: 'ended', endsOn: '2026-03-02', cancelRequestedAt: nowIso() });
  });
});

describe('cancelContract', () => {
  // Started Jan 15, monthly, 30 days notice; today Mar 2 → notice runs out Apr 1, in the period Mar 15 – Apr 14.
  const start = (input: Record<string, unknown> = {}) => sign({ startDate: '2026-01-15', ...input });

  it('ends on the last day of the period in which the notice runs out', async () => {
    const contract = await start();
    const cancelled = await cancelContract(t.ctx, admin, contract.id);
    expect(cancelled).toMatchObject({ status: 'cancelling', endsOn: '2026-04-14', cancelRequestedAt: nowIso() });
  });

  it('with no notice, ends with the current period', async () => {
    const contract = await start({ cancellationNoticeDays: 0 });
    expect((await cancelContract(t.ctx, admin, contract.id)).endsOn).toBe('2026-03-14');
  });

  it('counts "today" in the client’s zone', async () => {
    // 23:30Z on Mar 14 is already Mar 15 in Madrid: the notice-0 contract runs one more period.
    t.clock.set(Date.parse('2026-03-14T23:30:00Z'));
    const contract = await start({ cancellationNoticeDays: 0 });
    expect((await cancelContract(t.ctx, admin, contract.id)).endsOn).toBe('2026-04-14');
  });

  it('takes a later last day than the notice requires', async () => {
    const contract = await start();
    expect((await cancelContract(t.ctx, admin, contract.id, { lastDay: '2026-06-30' })).endsOn).toBe('2026-06-30');
  });

  it('refuses an earlier last day unless the notice is waived', async () => {
    const contract = await start();
    await expect(cancelContract(t.ctx, admin, contract.id, { lastDay: '2026-03-31' })).rejects.toMatchObject({
      code: 'invalid',
      message: expect.stringMatching(/2026-04-14/),
    });
    expect((await getContract(t.ctx, contract.id)).status).toBe('active');
    const waived = await cancelContract(t.ctx, admin, contract.id, { lastDay: '2026-03-31', waiveNotice: true });
    expect(waived).toMatchObject({ status: 'cancelling', endsOn: '2026-03-31' });
  });

  it('accepts today, with the notice waived, but never a day in the past', async () => {
    const contract = await start();
    await expect(
      cancelContract(t.ctx, admin, contract.id, { lastDay: '2026-03-01', waiveNotice: true }),
    ).rejects.toMatchObject({ code: 'invalid', message: expect.stringMatching(/past/) });
    expect((await getContract(t.ctx, contract.id)).status).toBe('active');
    const today = await cancelContract(t.ctx, admin, contract.id, { lastDay: '2026-03-02', waiveNotice: true });
    expect(today.endsOn).toBe('2026-03-02');
  });

  it('judges "the past" in the client’s zone', async () => {
    t.clock.set(Date.parse('2026-03-02T10:30:00Z')); // already Mar 3 in Kiritimati
    const islander = await createClient(t.ctx, systemActor, { name: 'Islander', timeZone: 'Pacific/Kiritimati' });
    const contract = await createContract(t.ctx, admin, { clientId: islander.id, planId: 'basic' });
    await expect(
      cancelContract(t.ctx, admin, contract.id, { lastDay: '2026-03-02', waiveNotice: true }),
    ).rejects.toMatchObject({ code: 'invalid' });
  });

  it('of an annual contract runs to the end of the contract year', async () => {
    const contract = await start({ billingPeriod: 'annual' });
    expect((await cancelContract(t.ctx, admin, contract.id)).endsOn).toBe('2027-01-14');
  });

  it('can be taken back before the end, and not twice', async () => {
    const contract = await start();
    await cancelContract(t.ctx, admin, contract.id);
    await expect(cancelContract(t.ctx, admin, contract.id)).rejects.toMatchObject({ code: 'conflict' });
    const resumed = await resumeContract(t.ctx, admin, contract.id);
    expect(resumed).toMatchObject({ status: 'active', endsOn: null, cancelRequestedAt: null });
    await expect(resumeContract(t.ctx, admin, contract.id)).rejects.toMatchObject({ code: 'conflict' });
  });

  it.each([
    ['dates', { lastDay: '2026-13-01' }],
    ['flags', { waiveNotice: 'yes' }],
    ['fields', { reason: 'too expensive' }],
  ])('refuses malformed %s', async (_what, input) => {
    const contract = await start();
    await expect(cancelContract(t.ctx, admin, contract.id, input)).rejects.toMatchObject({ code: 'invalid' });
    expect((await getContract(t.ctx, contract.id)).status).toBe('active');
  });
});

describe('ending and the terminal state', () => {
  it.each(['trial', 'active', 'cancelling'] as const)('ends a %s contract today', async (status) => {
    const contract = await sign({ status: status === 'trial' ? 'trial' : 'active' });
    if (status === 'cancelling') await cancelContract(t.ctx, admin, contract.id);
    expect(await endContract(t.ctx, admin, contract.id)).toMatchObject({ status: 'ended', endsOn: '2026-03-02' });
  });

  it('leaves an ended contract unchangeable', async () => {
    const contract = await sign({ status: 'trial' });
    await endContract(t.ctx, admin, contract.id);
    for (const attempt of [
      () => endContract(t.ctx, admin, contract.id),
      () => activateContract(t.ctx, admin, contract.id),
      () => resumeContract(t.ctx, admin, contract.id),
      () => cancelContract(t.ctx, admin, contract.id),
      () => updateContract(t.ctx, admin, contract.id, { billingPeriod: 'annual' }),
    ]) {
      await expect(attempt()).rejects.toMatchObject({ code: 'conflict' });
    }
    expect(await getContract(t.ctx, contract.id)).toMatchObject({ status: 'ended', billingPeriod: 'monthly' });
  });

  it('lets only one of two concurrent transitions through', async () => {
    const contract = await sign();
    const results = await Promise.allSettled([
      cancelContract(t.ctx, admin, contract.id),
      endContract(t.ctx, admin, contract.id),
      endContract(t.ctx, admin, contract.id),
    ]);
    const ends = results.slice(1).filter((r) => r.status === 'fulfilled');
    expect(ends).toHaveLength(1);
    expect((await getContract(t.ctx, contract.id)).status).toBe('ended');
  });
});

describe('add-ons on contracts', () => {
  const addon = (name: string) =>
    createAddon(t.ctx, admin, { name, monthlyPriceMinor: 2_500, annualPriceMinor: 27_000, currency: 'EUR' });

  it('are attached once each, however often listed', async () => {
    const shop = await addon('E-commerce');
    const crm = await addon('CRM integration');
    const contract = await sign({ addonIds: [shop.id, crm.id, shop.id] });
    expect(contract.addonIds).toHaveLength(2);
    expect([...contract.addonIds].sort()).toEqual([shop.id, crm.id].sort());
  });

  it('must exist and not be archived; a refused contract leaves no rows', async () => {
    const shop = await addon('E-commerce');
    const old = await addon('Legacy');
    await setAddonArchived(t.ctx, admin, old.id, true);
    await expect(sign({ addonIds: [shop.id, 'add_missing'] })).rejects.toMatchObject({
      code: 'invalid',
      message: expect.stringMatching(/add_missing/),
    });
    await expect(sign({ addonIds: [old.id] })).rejects.toMatchObject({ code: 'invalid' });
    expect((await listContracts(t.ctx)).data).toEqual([]);
    expect(await t.ctx.db.selectFrom('contract_addons').selectAll().execute()).toEqual([]);
  });

  it('are replaced as a whole on update, and a bad list changes nothing', async () => {
    const shop = await addon('E-commerce');
    const crm = await addon('CRM integration');
    const contract = await sign({ addonIds: [shop.id] });
    expect((await updateContract(t.ctx, admin, contract.id, { addonIds: [crm.id] })).addonIds).toEqual([crm.id]);
    await expect(
      updateContract(t.ctx, admin, contract.id, { addonIds: [shop.id, 'add_missing'], billingPeriod: 'annual' }),
    ).rejects.toMatchObject({ code: 'invalid' });
    expect(await getContract(t.ctx, contract.id)).toMatchObject({ addonIds: [crm.id], billingPeriod: 'monthly' });
    expect((await updateContract(t.ctx, admin, contract.id, { addonIds: [] })).addonIds).toEqual([]);
  });

  it('are managed by admins only, with integer prices', async () => {
    await expect(
      createAddon(t.ctx, technician, { name: 'X', monthlyPriceMinor: 1, annualPriceMinor: 1, currency: 'EUR' }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(
      createAddon(t.ctx, admin, { name: 'X', monthlyPriceMinor: 9.99, annualPriceMinor: 1, currency: 'EUR' }),
    ).rejects.toMatchObject({ code: 'invalid' });
    expect(await t.ctx.db.selectFrom('addons').selectAll().execute()).toEqual([]);
  });
});
