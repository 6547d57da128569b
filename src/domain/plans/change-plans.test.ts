import { type KyselyPlugin, type QueryId, SelectQueryNode, TableNode } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb, testDialect } from '../../../test/support/test-db.ts';
import { prepareStorage } from '../../bootstrap.ts';
import { createClient } from '../clients/clients.ts';
import { type Actor, systemActor } from '../context.ts';
import { createContract } from '../contracts/change-contracts.ts';
import { getContract } from '../contracts/read-contracts.ts';
import { createSlaPolicy, setSlaPolicyArchived } from '../sla/change-policies.ts';
import { BUILTIN_24X7_CALENDAR_ID } from '../sla/seed-sla.ts';
import { createPlan, seedDefaultPlans, setPlanArchived, updatePlan } from './change-plans.ts';
import { getPlan, listPlans, listPlanVersions } from './read-plans.ts';

const admin: Actor = { kind: 'user', userId: 'usr_admin', role: 'admin' };
const technician: Actor = { kind: 'user', userId: 'usr_tech', role: 'technician' };

let t: TestDb;
beforeEach(async () => {
  t = await createTestDb();
});
afterEach(async () => {
  await t.close();
});

const countRows = async (table: 'plans' | 'plan_versions') =>
  Number(
    (
      await t.ctx.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
/**
 * Holds each of the first `parties` reads of plan_versions until all of them have happened, so concurrent
 * callers all start from the same version. Needed on PostgreSQL, where calls truly run in parallel; SQLite's
 * single connection already runs queries in call order (and waiting there would hold that connection).
 */
function afterAllHaveRead(parties: number): KyselyPlugin {
  const held = new Set<QueryId>();
  let arrived = 0;
  let openGate = () => {};
  const gate = new Promise<void>((resolve) => {
    openGate = resolve;
  });
  return {
    transformQuery({ node, queryId }) {
      const readsVersions =
        SelectQueryNode.is(node) &&
        node.from?.froms.some((f) => TableNode.is(f) && f.table.identifier.name === 'plan_versions');
      if (readsVersions && held.size + arrived < parties) held.add(queryId);
      return node;
    },
    async transformResult({ result, queryId }) {
      if (held.delete(queryId)) {
        arrived++;
        if (arrived === parties) openGate();
        await gate;
      }
      return result;
    },
  };
}

const versionRow = (id: string) =>
  t.ctx.db.selectFrom('plan_versions').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

describe('seeding the default catalogue', () => {
  it('creates Basic, Standard and Premium at version 1 on first start', async () => {
    const plans = await listPlans(t.ctx);
    expect(plans.map((p) => [p.code, p.version, p.currency])).toEqual([
      ['basic', 1, 'EUR'],
      ['standard', 1, 'EUR'],
      ['premium', 1, 'EUR'],
    ]);
    // tiers must promise visibly more as they cost more
    const [basic, standard, premium] = plans;
    expect(basic!.monthlyPriceMinor).toBeLessThan(standard!.monthlyPriceMinor);
    expect(standard!.monthlyPriceMinor).toBeLessThan(premium!.monthlyPriceMinor);
    expect(basic!.checkIntervalS).toBeGreaterThan(standard!.checkIntervalS);
    expect(standard!.checkIntervalS).toBeGreaterThan(premium!.checkIntervalS);
    // Each tier sells its own SLA policy (docs/sla.md); only Premium commits to an uptime.
    expect(plans.map((p) => [p.sla?.name, p.sla?.firstResponseMinutes, p.sla?.firstResponseClock])).toEqual([
      ['Basic SLA', 240, 'business'],
      ['Standard SLA', 60, 'business'],
      ['Premium SLA', 30, '24x7'],
    ]);
    expect(plans.map((p) => p.sla?.uptimeCommitmentBp)).toEqual([null, null, 9990]);
    expect(plans.map((p) => p.slaPolicyId)).toEqual(plans.map((p) => p.sla?.policyId));
  });

  it('seeds only once, however often it is called', async () => {
    expect(await seedDefaultPlans(t.ctx, 'EUR')).toBe(false);
    expect(await seedDefaultPlans(t.ctx, 'USD')).toBe(false);
    await prepareStorage(t.storage, t.clock);
    expect(await countRows('plans')).toBe(3);
    expect(await countRows('plan_versions')).toBe(3);
    expect((await listPlans(t.ctx)).every((p) => p.currency === 'EUR')).toBe(true);
  });

  it('seeds once when two starts race on an empty catalogue', async () => {
    await t.ctx.db.deleteFrom('plan_versions').execute();
    await t.ctx.db.deleteFrom('plans').execute();
    const results = await Promise.allSettled([seedDefaultPlans(t.ctx, 'EUR'), seedDefaultPlans(t.ctx, 'EUR')]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled']);
    const seeded = results.map((r) => (r as PromiseFulfilledResult<boolean>).value).sort();
    expect(seeded).toEqual([false, true]);
    expect(await countRows('plans')).toBe(3);
    expect(await countRows('plan_versions')).toBe(3);
  });
});

describe('updatePlan', () => {
  it('adds version N+1 and leaves the old version row exactly as it was', async () => {
    const before = await getPlan(t.ctx, 'standard');
    const v1Row = await versionRow(before.versionId);
    t.clock.advance(60_000);

    const v2 = await updatePlan(t.ctx, admin, before.id, { monthlyPriceMinor: 32_000, name: 'Standard+' });
    expect(v2.version).toBe(2);
    expect(v2.versionId).not.toBe(before.versionId);
    expect(v2.monthlyPriceMinor).toBe(32_000);
    expect(v2.name).toBe('Standard+');
    expect(v2.annualPriceMinor).toBe(before.annualPriceMinor);
    expect(await versionRow(before.versionId)).toEqual(v1Row);

    const v3 = await updatePlan(t.ctx, admin, before.id, { checkIntervalS: 120 });
    expect(v3.version).toBe(3);
    expect(v3.monthlyPriceMinor).toBe(32_000);
    expect(await versionRow(before.versionId)).toEqual(v1Row);
    expect((await listPlanVersions(t.ctx, before.id)).map((v) => [v.version, v.monthlyPriceMinor])).toEqual([
      [3, 32_000],
      [2, 32_000],
      [1, before.monthlyPriceMinor],
    ]);
  });

  it('never changes the version a contract signed', async () => {
    const client = await createClient(t.ctx, systemActor, { name: 'Acme' });
    const contract = await createContract(t.ctx, admin, { clientId: client.id, planId: 'premium' });
    await updatePlan(t.ctx, admin, contract.planId, { monthlyPriceMinor: 99_000 });
    const after = await getContract(t.ctx, contract.id);
    expect(after.planVersion).toBe(1);
    expect(after.planVersionId).toBe(contract.planVersionId);
    expect((await versionRow(after.planVersionId)).monthly_price_minor).toBe(60_000);
  });

  it.each([
    ['an empty patch', {}],
    ['the same price', { monthlyPriceMinor: 30_000 }],
    ['the same name and channels', { name: 'Standard', alertChannels: ['email', 'webhook', 'slack'] }],
  ])('creates no version for %s', async (_what, patch) => {
    const before = await getPlan(t.ctx, 'standard');
    const after = await updatePlan(t.ctx, admin, before.id, patch);
    expect(after.version).toBe(1);
    expect(after.versionId).toBe(before.versionId);
    expect(await countRows('plan_versions')).toBe(3);
  });

  it('moves a plan in the catalogue without a new version', async () => {
    const before = await getPlan(t.ctx, 'basic');
    const after = await updatePlan(t.ctx, admin, before.id, { position: 99 });
    expect(after.position).toBe(99);
    expect(after.version).toBe(1);
    expect((await listPlans(t.ctx)).map((p) => p.code)).toEqual(['standard', 'premium', 'basic']);
  });

  it('lets exactly one of two concurrent changes from the same version win', async () => {
    const plan = await getPlan(t.ctx, 'basic');
    const ctx = testDialect === 'postgres' ? { ...t.ctx, db: t.ctx.db.withPlugin(afterAllHaveRead(2)) } : t.ctx;
    const results = await Promise.allSettled([
      updatePlan(ctx, admin, plan.id, { monthlyPriceMinor: 17_000 }),
      updatePlan(ctx, admin, plan.id, { monthlyPriceMinor: 19_000 }),
    ]);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r) => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect((lost[0] as PromiseRejectedResult).reason).toMatchObject({ name: 'AppError', code: 'conflict' });
    const winner = (won[0] as PromiseFulfilledResult<Awaited<ReturnType<typeof updatePlan>>>).value;
    expect(winner.version).toBe(2);

    const current = await getPlan(t.ctx, plan.id);
    expect(current.versionId).toBe(winner.versionId);
    expect(current.monthlyPriceMinor).toBe(winner.monthlyPriceMinor);
    // the loser left nothing behind: no orphan version row
    expect((await listPlanVersions(t.ctx, plan.id)).map((v) => v.version)).toEqual([2, 1]);
  });

  it('refuses invalid terms and writes nothing', async () => {
    const plan = await getPlan(t.ctx, 'basic');
    await expect(updatePlan(t.ctx, admin, plan.id, { checkIntervalS: 5 })).rejects.toMatchObject({ code: 'invalid' });
    await expect(updatePlan(t.ctx, admin, plan.id, { monthlyPriceMinor: 99.5 })).rejects.toMatchObject({
      code: 'invalid',
    });
    await expect(updatePlan(t.ctx, admin, plan.id, { alertChannels: [] })).rejects.toMatchObject({ code: 'invalid' });
    await expect(updatePlan(t.ctx, admin, plan.id, { code: 'renamed' })).rejects.toMatchObject({ code: 'invalid' });
    await expect(updatePlan(t.ctx, admin, plan.id, { pricingModel: 'hourly_minimum' })).rejects.toMatchObject({
      code: 'invalid',
      message: expect.stringMatching(/hourly rate/),
    });
    expect(await countRows('plan_versions')).toBe(3);
    expect(await getPlan(t.ctx, plan.id)).toEqual(plan);
  });

  it('is refused to technicians and for unknown plans', async () => {
    const plan = await getPlan(t.ctx, 'basic');
    await expect(updatePlan(t.ctx, technician, plan.id, { monthlyPriceMinor: 1 })).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(setPlanArchived(t.ctx, technician, plan.id, true)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(updatePlan(t.ctx, admin, 'plan_missing', { monthlyPriceMinor: 1 })).rejects.toMatchObject({
      code: 'not_found',
    });
    expect((await getPlan(t.ctx, plan.id)).monthlyPriceMinor).toBe(plan.monthlyPriceMinor);
  });
});

describe('createPlan and archiving', () => {
  const terms = {
    code: 'starter',
    name: 'Starter',
    checkIntervalS: 300,
    alertChannels: ['email'],
    features: {
      monthlyReport: true,
      statusPage: false,
      clientPortal: false,
      sslMonitoring: false,
      performanceMonitoring: false,
      quarterlyReview: false,
      hidePoweredBy: false,
    },
    supportMinutesPerMonth: 0,
    monthlyPriceMinor: 5_000,
    annualPriceMinor: 54_000,
    currency: 'EUR',
  };

  it('creates a plan at version 1 after the existing tiers, and refuses a duplicate code', async () => {
    const plan = await createPlan(t.ctx, admin, terms);
    expect(plan).toMatchObject({ code: 'starter', version: 1, cancellationNoticeDays: 30, pricingModel: 'flat' });
    expect(plan.position).toBeGreaterThan((await getPlan(t.ctx, 'premium')).position);
    await expect(createPlan(t.ctx, admin, { ...terms, name: 'Again' })).rejects.toMatchObject({ code: 'conflict' });
    await expect(createPlan(t.ctx, technician, { ...terms, code: 'other' })).rejects.toMatchObject({
      code: 'forbidden',
    });
    expect(await countRows('plans')).toBe(4);
  });

  it('sells an SLA policy only if it exists and is not archived; null means none', async () => {
    const plan = await createPlan(t.ctx, admin, terms);
    expect(plan).toMatchObject({ slaPolicyId: null, sla: null });
    const standard = await getPlan(t.ctx, 'standard');
    const withSla = await updatePlan(t.ctx, admin, plan.id, { slaPolicyId: standard.slaPolicyId });
    expect(withSla).toMatchObject({ version: 2, slaPolicyId: standard.slaPolicyId, sla: { name: 'Standard SLA' } });

    await expect(
      createPlan(t.ctx, admin, { ...terms, code: 'ghost', slaPolicyId: 'slp_missing' }),
    ).rejects.toMatchObject({ code: 'invalid', details: [{ path: 'slaPolicyId' }] });
    const spare = await createSlaPolicy(t.ctx, admin, {
      name: 'Spare',
      calendarId: BUILTIN_24X7_CALENDAR_ID,
      firstResponseMinutes: 15,
    });
    await setSlaPolicyArchived(t.ctx, admin, spare.id, true);
    await expect(updatePlan(t.ctx, admin, plan.id, { slaPolicyId: spare.id })).rejects.toMatchObject({
      code: 'invalid',
      details: [{ path: 'slaPolicyId' }],
    });
    expect((await getPlan(t.ctx, plan.id)).version).toBe(2);
    expect(await updatePlan(t.ctx, admin, plan.id, { slaPolicyId: null })).toMatchObject({ version: 3, sla: null });
  });

  it('hides archived plans from the default list and brings them back on restore', async () => {
    const basic = await getPlan(t.ctx, 'basic');
    const archived = await setPlanArchived(t.ctx, admin, basic.id, true);
    expect(archived.archivedAt).toBe(new Date(t.clock.now()).toISOString());
    expect((await listPlans(t.ctx)).map((p) => p.code)).toEqual(['standard', 'premium']);
    expect((await listPlans(t.ctx, { archived: 'true' })).map((p) => p.code)).toEqual(['basic']);
    await setPlanArchived(t.ctx, admin, basic.id, false);
    expect((await listPlans(t.ctx)).map((p) => p.code)).toEqual(['basic', 'standard', 'premium']);
  });
});
