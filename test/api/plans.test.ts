import { describe, expect, it } from 'vitest';
import { contractDoc, listOf, planDoc, planVersionDoc, siteDoc } from '../../src/http/api/doc-schemas.ts';
import { expectError, expectInvalid, expectOk, makeClient, makeContract, makeSite, useTestApp } from './helpers.ts';

const t = useTestApp();

const newPlan = (code: string) => ({
  code,
  name: `Plan ${code}`,
  checkIntervalS: 120,
  alertChannels: ['email', 'slack'],
  features: {
    monthlyReport: true,
    statusPage: true,
    clientPortal: false,
    sslMonitoring: false,
    performanceMonitoring: false,
    quarterlyReview: false,
    hidePoweredBy: false,
  },
  supportMinutesPerMonth: 120,
  monthlyPriceMinor: 25_000,
  annualPriceMinor: 270_000,
  currency: 'EUR',
});

describe('the seeded plan catalogue', () => {
  it('has Basic, Standard and Premium in tier order, with the deliverables of the product brief', async () => {
    const plans = expectOk(await t().api('GET', '/plans'), 200, listOf(planDoc)).data;
    expect(plans.map((p) => [p.code, p.name, p.version])).toEqual([
      ['basic', 'Basic', 1],
      ['standard', 'Standard', 1],
      ['premium', 'Premium', 1],
    ]);
    const [basic, standard, premium] = plans as [(typeof plans)[0], (typeof plans)[0], (typeof plans)[0]];
    expect(plans.map((p) => p.checkIntervalS)).toEqual([180, 60, 30]);
    expect(plans.map((p) => [p.sla?.firstResponseMinutes, p.sla?.firstResponseClock])).toEqual([
      [240, 'business'],
      [60, 'business'],
      [30, '24x7'],
    ]);
    expect(plans.map((p) => p.sla?.uptimeCommitmentBp)).toEqual([null, null, 9990]);
    expect(plans.map((p) => p.sla?.policyId)).toEqual(plans.map((p) => p.slaPolicyId));
    expect(plans.map((p) => p.supportMinutesPerMonth)).toEqual([60, 180, 480]);
    expect(basic.alertChannels).toEqual(['email']);
    expect([...standard.alertChannels].sort()).toEqual(['email', 'slack', 'webhook']);
    expect([...premium.alertChannels].sort()).toEqual(['email', 'slack', 'webhook']);
    expect(plans.map((p) => p.features.monthlyReport)).toEqual([true, true, true]);
    expect(plans.map((p) => p.features.statusPage)).toEqual([false, true, true]);
    expect(plans.map((p) => p.features.clientPortal)).toEqual([false, true, true]);
    expect(plans.map((p) => p.features.sslMonitoring && p.features.performanceMonitoring)).toEqual([
      false,
      false,
      true,
    ]);
    expect(plans.map((p) => p.features.quarterlyReview)).toEqual([false, false, true]);
    // Price bands of the brief, in EUR cents; annual billing carries a discount.
    const bands = [
      [10_000, 20_000],
      [20_000, 40_000],
      [40_000, 80_000],
    ];
    plans.forEach((p, i) => {
      expect(p.currency).toBe('EUR');
      expect(p.pricingModel).toBe('flat');
      expect(p.monthlyPriceMinor).toBeGreaterThanOrEqual(bands[i]![0]!);
      expect(p.monthlyPriceMinor).toBeLessThanOrEqual(bands[i]![1]!);
      expect(p.annualPriceMinor).toBeLessThan(12 * p.monthlyPriceMinor);
    });
  });

  it('gets a plan by id or by code, and answers 404 otherwise', async () => {
    const byCode = expectOk(await t().api('GET', '/plans/premium'), 200, planDoc);
    expect(expectOk(await t().api('GET', `/plans/${byCode.id}`), 200, planDoc)).toEqual(byCode);
    expectError(await t().api('GET', '/plans/platinum'), 404, 'not_found');
    expectError(await t().api('GET', '/plans/platinum/versions'), 404, 'not_found');
    expectError(await t().api('GET', '/plan-versions/plv_nope'), 404, 'not_found');
    expectError(await t().api('PATCH', '/plans/platinum', { name: 'X' }), 404, 'not_found');
    expectError(await t().api('POST', '/plans/platinum/archive'), 404, 'not_found');
    expectError(await t().api('POST', '/plans/platinum/restore'), 404, 'not_found');
  });
});

describe('plan versions', () => {
  it('a change to a plan in use makes a new version; the contract and its sites keep the version they signed', async () => {
    const client = await makeClient(t());
    const site = await makeSite(t(), client.id);
    const contract = await makeContract(t(), client.id, { planId: 'standard' });
    const v1 = expectOk(await t().api('GET', '/plans/standard'), 200, planDoc);
    t().clock.advance(3_600_000);

    const v2 = expectOk(
      await t().api('PATCH', '/plans/standard', { checkIntervalS: 45, monthlyPriceMinor: 32_000 }),
      200,
      planDoc,
    );
    expect(v2).toMatchObject({ id: v1.id, version: 2, checkIntervalS: 45, monthlyPriceMinor: 32_000 });
    expect(v2.versionId).not.toBe(v1.versionId);

    const signed = expectOk(await t().api('GET', `/contracts/${contract.id}`), 200, contractDoc);
    expect(signed).toMatchObject({ planVersion: 1, planVersionId: v1.versionId });
    const sitePlan = expectOk(await t().api('GET', `/sites/${site.id}`), 200, siteDoc).plan;
    expect(sitePlan).toMatchObject({ planVersion: 1, planVersionId: v1.versionId, checkIntervalS: 60 });

    const versions = expectOk(await t().api('GET', `/plans/${v1.id}/versions`), 200, listOf(planVersionDoc)).data;
    expect(versions.map((v) => [v.version, v.checkIntervalS, v.monthlyPriceMinor])).toEqual([
      [2, 45, 32_000],
      [1, 60, v1.monthlyPriceMinor],
    ]);
    const old = expectOk(await t().api('GET', `/plan-versions/${v1.versionId}`), 200, planVersionDoc);
    expect(old).toMatchObject({ planId: v1.id, version: 1, checkIntervalS: 60, createdAt: v1.createdAt });

    // A new contract signs the current version.
    const other = await makeClient(t());
    expect((await makeContract(t(), other.id, { planId: 'standard' })).planVersion).toBe(2);
  });

  it('does not make a version when nothing in the terms changes; moving a plan only changes its position', async () => {
    const plan = expectOk(await t().api('GET', '/plans/basic'), 200, planDoc);
    const same = expectOk(await t().api('PATCH', '/plans/basic', { name: plan.name, position: 99 }), 200, planDoc);
    expect(same).toMatchObject({ version: 1, versionId: plan.versionId, position: 99 });
    const codes = expectOk(await t().api('GET', '/plans'), 200, listOf(planDoc)).data.map((p) => p.code);
    expect(codes).toEqual(['standard', 'premium', 'basic']);
  });

  it('refuses invalid terms with 422, including an hourly plan without an hourly rate', async () => {
    expectInvalid(await t().api('PATCH', '/plans/basic', { checkIntervalS: 5, alertChannels: [] }), [
      'checkIntervalS',
      'alertChannels',
    ]);
    expectInvalid(await t().api('PATCH', '/plans/basic', { monthlyPriceMinor: 12.5 }), ['monthlyPriceMinor']);
    expectInvalid(await t().api('PATCH', '/plans/basic', { pricingModel: 'hourly_minimum' }), ['hourlyRateMinor']);
    expectInvalid(await t().api('PATCH', '/plans/basic', { features: { statusPage: true } }), [
      'features.monthlyReport',
    ]);
    expect(expectOk(await t().api('GET', '/plans/basic'), 200, planDoc).version).toBe(1);
  });
});

describe('creating and archiving plans', () => {
  it('creates a plan at the end of the catalogue; a duplicate code is a conflict', async () => {
    const created = expectOk(await t().api('POST', '/plans', newPlan('growth')), 201, planDoc);
    expect(created).toMatchObject({
      code: 'growth',
      version: 1,
      pricingModel: 'flat',
      cancellationNoticeDays: 30,
      description: '',
      hourlyRateMinor: null,
    });
    const codes = expectOk(await t().api('GET', '/plans'), 200, listOf(planDoc)).data.map((p) => p.code);
    expect(codes).toEqual(['basic', 'standard', 'premium', 'growth']);
    expectError(await t().api('POST', '/plans', newPlan('growth')), 409, 'conflict');
    expectError(await t().api('POST', '/plans', newPlan('basic')), 409, 'conflict');
    expectInvalid(await t().api('POST', '/plans', { ...newPlan('Bad Code'), currency: 'XXXX' }), ['code', 'currency']);
    expectInvalid(await t().api('POST', '/plans', { code: 'bare' }), ['name', 'checkIntervalS', 'features']);
  });

  it('archives a plan: it leaves the catalogue, cannot be sold, and can be restored', async () => {
    const archived = expectOk(await t().api('POST', '/plans/premium/archive'), 200, planDoc);
    expect(archived.archivedAt).toBe('2026-03-02T09:00:00.000Z');
    const list = async (q: string) =>
      expectOk(await t().api('GET', `/plans${q}`), 200, listOf(planDoc)).data.map((p) => p.code);
    expect(await list('')).toEqual(['basic', 'standard']);
    expect(await list('?archived=true')).toEqual(['premium']);
    expect(await list('?archived=all')).toEqual(['basic', 'standard', 'premium']);
    const client = await makeClient(t());
    expectError(await t().api('POST', '/contracts', { clientId: client.id, planId: 'premium' }), 409, 'conflict');
    expect(expectOk(await t().api('POST', '/plans/premium/restore'), 200, planDoc).archivedAt).toBeNull();
    await makeContract(t(), client.id, { planId: 'premium' });
  });

  it('sells an existing, live SLA policy or none; an unknown or archived one is refused on slaPolicyId', async () => {
    const premium = expectOk(await t().api('GET', '/plans/premium'), 200, planDoc);
    const created = expectOk(
      await t().api('POST', '/plans', { ...newPlan('gold'), slaPolicyId: premium.slaPolicyId }),
      201,
      planDoc,
    );
    expect(created.sla).toEqual(premium.sla);
    expect(created.sla).toMatchObject({ name: 'Premium SLA', resolutionMinutes: 240, resolutionClock: '24x7' });
    expect(expectOk(await t().api('POST', '/plans', newPlan('bare-sla')), 201, planDoc)).toMatchObject({
      slaPolicyId: null,
      sla: null,
    });

    expectInvalid(await t().api('POST', '/plans', { ...newPlan('ghost'), slaPolicyId: 'slp_nope' }), ['slaPolicyId']);
    const spare = await t().api('POST', '/sla/policies', {
      name: 'Spare',
      calendarId: 'cal_24x7',
      firstResponseMinutes: 15,
    });
    expect(spare.status).toBe(201);
    expect((await t().api('POST', `/sla/policies/${spare.body.id}/archive`)).status).toBe(200);
    expectInvalid(await t().api('POST', '/plans', { ...newPlan('ghost'), slaPolicyId: spare.body.id }), [
      'slaPolicyId',
    ]);
    expectInvalid(await t().api('PATCH', '/plans/gold', { slaPolicyId: spare.body.id }), ['slaPolicyId']);
    expectError(await t().api('GET', '/plans/ghost'), 404, 'not_found');
    // The summary is read-only.
    expectInvalid(await t().api('PATCH', '/plans/gold', { sla: null }), ['']);
    const dropped = expectOk(await t().api('PATCH', '/plans/gold', { slaPolicyId: null }), 200, planDoc);
    expect(dropped).toMatchObject({ version: 2, sla: null });
  });

  it('forbids technicians to change plans (403) and lets admins do it', async () => {
    const tech = t().tokens.technician;
    expectError(await t().api('POST', '/plans', newPlan('tech'), tech), 403, 'forbidden');
    expectError(await t().api('PATCH', '/plans/basic', { name: 'Cheap' }, tech), 403, 'forbidden');
    expectError(await t().api('POST', '/plans/basic/archive', undefined, tech), 403, 'forbidden');
    expectError(await t().api('POST', '/plans/basic/restore', undefined, tech), 403, 'forbidden');
    // Technicians can still read the catalogue.
    expectOk(await t().api('GET', '/plans', undefined, tech), 200, listOf(planDoc));
    expectOk(await t().api('POST', '/plans', newPlan('by-admin'), t().tokens.admin), 201, planDoc);
  });
});
