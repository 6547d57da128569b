import { describe, expect, it } from 'vitest';
import { listOf, planDoc } from '../../src/http/api/doc-schemas.ts';
import { slaPolicyDoc } from '../../src/http/api/sla-policy-doc-schemas.ts';
import { expectError, expectInvalid, expectOk, useTestApp } from './helpers.ts';
import { SLA_POLICY_API_ROUTES } from './sla-policy-routes-list.ts';

const t = useTestApp();

const list = async (query = '') =>
  expectOk(await t().api('GET', `/sla/policies${query}`), 200, listOf(slaPolicyDoc)).data;

async function businessCalendarId(): Promise<string> {
  const basic = (await list()).find((p) => p.name === 'Basic SLA');
  return basic?.calendarId ?? 'missing';
}

describe('reading SLA policies', () => {
  it('lists the three default policies with their calendar and the plan selling each', async () => {
    const policies = await list();
    expect(policies.map((p) => [p.name, p.firstResponseMinutes, p.firstResponseClock, p.calendar.kind])).toEqual([
      ['Basic SLA', 240, 'business', 'business'],
      ['Premium SLA', 30, '24x7', '24x7'],
      ['Standard SLA', 60, 'business', 'business'],
    ]);
    const premium = policies[1]!;
    expect(premium).toMatchObject({
      resolutionMinutes: 240,
      uptimeCommitmentBp: 9990,
      creditPerStepBp: 1000,
      creditStepBp: 10,
      creditCapBp: 5000,
      calendar: { id: 'cal_24x7', name: '24/7' },
    });
    const plan = expectOk(await t().api('GET', '/plans/premium'), 200, planDoc);
    expect(premium.plans).toEqual([{ id: plan.id, code: 'premium', name: 'Premium', archived: false }]);
    expect(plan.slaPolicyId).toBe(premium.id);
    expect(expectOk(await t().api('GET', `/sla/policies/${premium.id}`), 200, slaPolicyDoc)).toEqual(premium);
    // Technicians read them too.
    expectOk(await t().api('GET', '/sla/policies', undefined, t().tokens.technician), 200, listOf(slaPolicyDoc));
    expectError(await t().api('GET', '/sla/policies/slp_nope'), 404, 'not_found');
    expectInvalid(await t().api('GET', '/sla/policies?archived=maybe'), ['archived']);
  });

  it('answers 401 without a valid token on every route', async () => {
    for (const route of SLA_POLICY_API_ROUTES) {
      const [method = '', path = ''] = route.split(' ');
      const res = await t().api(method, path.replace('{id}', 'slp_x'), method === 'GET' ? undefined : {}, null);
      expectError(res, 401, 'unauthenticated');
      expectError(await t().api(method, path.replace('{id}', 'slp_x'), undefined, 'stw_bogus'), 401);
    }
  });
});

describe('creating and changing SLA policies', () => {
  it('creates a policy with defaults and severity overrides; 422 names every bad field', async () => {
    const calendarId = await businessCalendarId();
    const created = expectOk(
      await t().api('POST', '/sla/policies', {
        name: 'Care Plus',
        calendarId,
        firstResponseMinutes: 120,
        resolutionMinutes: 960,
        severityTargets: {
          critical: { firstResponseMinutes: 30, resolutionMinutes: 240 },
          minor: { resolutionMinutes: null },
        },
        uptimeCommitmentBp: 9950,
      }),
      201,
      slaPolicyDoc,
    );
    expect(created).toMatchObject({
      name: 'Care Plus',
      description: '',
      firstResponseClock: 'business',
      resolutionClock: 'business',
      warnAtPercent: 75,
      creditPerStepBp: 1000,
      plans: [],
      archivedAt: null,
      severityTargets: {
        critical: { firstResponseMinutes: 30, resolutionMinutes: 240 },
        minor: { resolutionMinutes: null },
      },
    });
    expect((await list()).map((p) => p.name)).toContain('Care Plus');

    expectInvalid(
      await t().api('POST', '/sla/policies', {
        name: ' ',
        calendarId,
        firstResponseMinutes: 0,
        firstResponseClock: 'weekdays',
        warnAtPercent: 49,
        uptimeCommitmentBp: 10_001,
        creditPerStepBp: -1,
        severityTargets: { critical: { ackMinutes: 5 } },
      }),
      [
        'name',
        'firstResponseMinutes',
        'firstResponseClock',
        'warnAtPercent',
        'uptimeCommitmentBp',
        'creditPerStepBp',
        'severityTargets.critical',
      ],
    );
    expectInvalid(await t().api('POST', '/sla/policies', { name: 'Nothing', calendarId }), ['firstResponseMinutes']);
    expectInvalid(await t().api('POST', '/sla/policies', { name: 'X', calendarId: 'cal_nope', resolutionMinutes: 5 }), [
      'calendarId',
    ]);
    expectInvalid(
      await t().api('POST', '/sla/policies', {
        name: 'X',
        calendarId: 'cal_24x7',
        resolutionMinutes: 5,
        resolutionClock: 'business',
      }),
      ['resolutionClock'],
    );
    expectInvalid(await t().api('POST', '/sla/policies', {}), ['name', 'calendarId']);
    expect(await list()).toHaveLength(4);
  });

  it('PATCH changes the policy in place and the plans selling it show the change at once', async () => {
    const standard = (await list()).find((p) => p.name === 'Standard SLA')!;
    t().clock.advance(60_000);
    const changed = expectOk(
      await t().api('PATCH', `/sla/policies/${standard.id}`, { firstResponseMinutes: 45, warnAtPercent: 80 }),
      200,
      slaPolicyDoc,
    );
    expect(changed).toEqual({
      ...standard,
      firstResponseMinutes: 45,
      warnAtPercent: 80,
      updatedAt: '2026-03-02T09:01:00.000Z',
    });
    const plan = expectOk(await t().api('GET', '/plans/standard'), 200, planDoc);
    expect(plan).toMatchObject({ version: 1, sla: { policyId: standard.id, firstResponseMinutes: 45 } });

    expectInvalid(
      await t().api('PATCH', `/sla/policies/${standard.id}`, { firstResponseMinutes: null, resolutionMinutes: null }),
      ['firstResponseMinutes'],
    );
    expectInvalid(await t().api('PATCH', `/sla/policies/${standard.id}`, { id: 'slp_other' }), ['']);
    expectError(await t().api('PATCH', '/sla/policies/slp_nope', { name: 'X' }), 404, 'not_found');
    expect(expectOk(await t().api('GET', `/sla/policies/${standard.id}`), 200, slaPolicyDoc)).toEqual(changed);
  });

  it('forbids technicians every change (403); admins may', async () => {
    const tech = t().tokens.technician;
    const basic = (await list()).find((p) => p.name === 'Basic SLA')!;
    const body = { name: 'T', calendarId: basic.calendarId, firstResponseMinutes: 10 };
    expectError(await t().api('POST', '/sla/policies', body, tech), 403, 'forbidden');
    expectError(await t().api('PATCH', `/sla/policies/${basic.id}`, { name: 'Cheap' }, tech), 403, 'forbidden');
    expectError(await t().api('POST', `/sla/policies/${basic.id}/archive`, undefined, tech), 403, 'forbidden');
    expectError(await t().api('POST', `/sla/policies/${basic.id}/restore`, undefined, tech), 403, 'forbidden');
    expect(await list()).toHaveLength(3);
    expectOk(await t().api('POST', '/sla/policies', body, t().tokens.admin), 201, slaPolicyDoc);
  });
});

describe('archiving SLA policies', () => {
  it('refuses (409) while a plan sells the policy, names the plan; archives and restores otherwise', async () => {
    const basic = (await list()).find((p) => p.name === 'Basic SLA')!;
    const refused = expectError(await t().api('POST', `/sla/policies/${basic.id}/archive`), 409, 'conflict');
    expect(refused.message).toContain('is the SLA of Basic');

    // Once the plan sells another policy, only its older version (and its contracts) keep this one.
    const standardId = (await list()).find((p) => p.name === 'Standard SLA')!.id;
    expectOk(await t().api('PATCH', '/plans/basic', { slaPolicyId: standardId }), 200, planDoc);
    const archived = expectOk(await t().api('POST', `/sla/policies/${basic.id}/archive`), 200, slaPolicyDoc);
    expect(archived).toMatchObject({ archivedAt: '2026-03-02T09:00:00.000Z', plans: [] });
    expect((await list()).map((p) => p.name)).toEqual(['Premium SLA', 'Standard SLA']);
    expect((await list('?archived=true')).map((p) => p.name)).toEqual(['Basic SLA']);
    expect(await list('?archived=all')).toHaveLength(3);
    // An archived policy cannot be chosen again by a plan.
    expectInvalid(await t().api('PATCH', '/plans/basic', { slaPolicyId: basic.id }), ['slaPolicyId']);

    const restored = expectOk(await t().api('POST', `/sla/policies/${basic.id}/restore`), 200, slaPolicyDoc);
    expect(restored.archivedAt).toBeNull();
    expectOk(await t().api('PATCH', '/plans/basic', { slaPolicyId: basic.id }), 200, planDoc);
    expectError(await t().api('POST', '/sla/policies/slp_nope/archive'), 404, 'not_found');
    expectError(await t().api('POST', '/sla/policies/slp_nope/restore'), 404, 'not_found');
  });
});
