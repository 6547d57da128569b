import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/domain/context.ts';
import { getPlan } from '../../src/domain/plans/read-plans.ts';
import { createSlaPolicy } from '../../src/domain/sla/change-policies.ts';
import { getSlaPolicy, listSlaPolicies } from '../../src/domain/sla/policies.ts';
import { restoreSnapshot, type Snapshot, takeSnapshot } from '../api/db-state.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { type ConsoleClient, formFields, signedIn, textOf } from './console-client.ts';

let t: TestApp;
let initial: Snapshot;
let owner: ConsoleClient;
beforeAll(async () => {
  t = await createTestApp();
  initial = await takeSnapshot(t);
});
beforeEach(async () => {
  await restoreSnapshot(t, initial);
  owner = await signedIn(t, 'owner');
});
afterAll(() => t?.close());

const policyNamed = async (name: string) => {
  const found = (await listSlaPolicies(t.ctx, { archived: 'all' })).find((p) => p.name === name);
  if (!found) throw new Error(`no policy ${name}`);
  return found;
};

/** The policy form as a browser would post it, from the page's own values, with some fields changed. */
async function policyForm(path: string, action: string, over: Record<string, string> = {}) {
  return { ...formFields((await owner.get(path)).html, action), ...over };
}

describe('the SLA policy list', () => {
  it('shows each policy with its targets, clocks, commitment, credit rule and the plans selling it', async () => {
    const page = await owner.get('/admin/sla/policies');
    expect(page.status).toBe(200);
    const text = textOf(page.html);
    for (const s of [
      'Basic SLA',
      'Standard SLA',
      'Premium SLA',
      '4 h (business hours)',
      '16 h (business hours)',
      '30 min (24/7)',
      '99.9 %',
      '10 % per started 0.1 % below, cap 50 %',
      'New policy',
    ]) {
      expect(text).toContain(s);
    }
    const premium = await getPlan(t.ctx, 'premium');
    expect(page.html).toContain(`href="/admin/plans/${premium.id}"`);
    expect(page.html).toContain('aria-current="page">SLA');
  });
});

describe('creating and editing a policy', () => {
  it('creates a policy from durations, per-severity overrides and percentages as typed', async () => {
    const form = await policyForm('/admin/sla/policies/new', '/admin/sla/policies', {
      name: 'Care Plus',
      firstResponseMinutes: '2 h',
      resolutionMinutes: '1 h 30 min',
      resolutionClock: '24x7',
      critical_firstResponseMinutes: '30 min',
      minor_resolutionMinutes: 'none',
      warnAtPercent: '80',
      uptimeCommitment: '99.5',
      creditPerStep: '5',
      creditStep: '0.25',
      creditCap: '30',
    });
    const res = await owner.post('/admin/sla/policies', form);
    expect(res.status).toBe(303);
    const created = await policyNamed('Care Plus');
    expect(res.location).toBe(`/admin/sla/policies/${created.id}`);
    expect(created).toMatchObject({
      firstResponseMinutes: 120,
      firstResponseClock: 'business',
      resolutionMinutes: 90,
      resolutionClock: '24x7',
      severityTargets: { critical: { firstResponseMinutes: 30 }, minor: { resolutionMinutes: null } },
      warnAtPercent: 80,
      uptimeCommitmentBp: 9950,
      creditPerStepBp: 500,
      creditStepBp: 25,
      creditCapBp: 3000,
    });
    const page = await owner.follow(res);
    const text = textOf(page.html);
    expect(text).toContain('SLA policy Care Plus created.');
    expect(text).toContain('5 % per started 0.25 % below, cap 30 %');
    expect(text).toContain('Critical: first response 30 min');
    expect(text).toContain('Minor: resolution none');
    expect(text).toContain('the clocks of all incidents under this policy are recomputed from their history');
  });

  it('saves what the form shows back unchanged, and a change applies to the plans selling it at once', async () => {
    const basic = await policyNamed('Basic SLA');
    const path = `/admin/sla/policies/${basic.id}`;
    const same = await owner.post(path, await policyForm(path, path));
    expect(textOf((await owner.follow(same)).html)).toContain('Nothing changed.');
    expect(await getSlaPolicy(t.ctx, basic.id)).toEqual(basic);

    const saved = await owner.post(
      path,
      await policyForm(path, path, { firstResponseMinutes: '3 h', major_resolutionMinutes: '8 h' }),
    );
    expect(textOf((await owner.follow(saved)).html)).toContain('Basic SLA saved');
    expect(await getSlaPolicy(t.ctx, basic.id)).toMatchObject({
      firstResponseMinutes: 180,
      resolutionMinutes: 960,
      severityTargets: { major: { resolutionMinutes: 480 } },
    });
    expect((await getPlan(t.ctx, 'basic')).sla).toMatchObject({ firstResponseMinutes: 180 });
    expect(textOf((await owner.get('/admin/plans')).html)).toContain('First response 3 h (business hours)');
  });

  it('re-renders with 422 and a message at each bad field; nothing is saved', async () => {
    const basic = await policyNamed('Basic SLA');
    const path = `/admin/sla/policies/${basic.id}`;
    const res = await owner.post(
      path,
      await policyForm(path, path, {
        name: '',
        firstResponseMinutes: 'soon',
        critical_resolutionMinutes: '0',
        warnAtPercent: '100',
        uptimeCommitment: '99.9.9',
        creditCap: '',
      }),
    );
    expect(res.status).toBe(422);
    expect(res.html).toMatch(/id="f-name-err">must not be empty/);
    expect(res.html).toMatch(/id="f-firstResponseMinutes-err">must be a duration such as/);
    expect(res.html).toMatch(/id="f-critical_resolutionMinutes-err">must be at least 1 minute/);
    expect(res.html).toMatch(/id="f-warnAtPercent-err">must be at most 99/);
    expect(res.html).toMatch(/id="f-uptimeCommitment-err">must be a percentage such as 99.9/);
    expect(res.html).toMatch(/id="f-creditCap-err">enter a percentage/);
    expect(res.html).toContain('value="soon"');
    expect(await getSlaPolicy(t.ctx, basic.id)).toEqual(basic);

    const empty = await owner.post(
      '/admin/sla/policies',
      await policyForm('/admin/sla/policies/new', '/admin/sla/policies', { name: 'Empty' }),
    );
    expect(empty.status).toBe(422);
    expect(empty.html).toMatch(/id="f-firstResponseMinutes-err">a policy needs a target or an uptime commitment/);
    expect(await listSlaPolicies(t.ctx)).toHaveLength(3);
  });
});

describe('archiving', () => {
  it('refuses while a plan sells the policy, saying which; archives and restores a spare one', async () => {
    const basic = await policyNamed('Basic SLA');
    const refused = await owner.post(`/admin/sla/policies/${basic.id}/archive`, {});
    expect(refused.status).toBe(409);
    expect(textOf(refused.html)).toContain('"Basic SLA" is the SLA of Basic; give that plan another policy first');
    expect((await getSlaPolicy(t.ctx, basic.id)).archivedAt).toBeNull();

    const spare = await createSlaPolicy(t.ctx, systemActor, {
      name: 'Spare',
      calendarId: 'cal_24x7',
      resolutionMinutes: 60,
    });
    const archived = await owner.post(`/admin/sla/policies/${spare.id}/archive`, {});
    expect(archived.status).toBe(303);
    expect(textOf((await owner.follow(archived)).html)).toContain('Spare archived: plans can no longer choose it');
    expect(textOf((await owner.get('/admin/sla/policies')).html)).not.toContain('Spare');
    expect(textOf((await owner.get('/admin/sla/policies?archived=all')).html)).toContain('Spare archived');
    const basicPlan = await getPlan(t.ctx, 'basic');
    expect((await owner.get(`/admin/plans/${basicPlan.id}`)).html).not.toContain(spare.id);

    expect((await owner.post(`/admin/sla/policies/${spare.id}/restore`, {})).status).toBe(303);
    expect((await getSlaPolicy(t.ctx, spare.id)).archivedAt).toBeNull();
    expect((await owner.get(`/admin/plans/${basicPlan.id}`)).html).toContain(`value="${spare.id}"`);
  });
});

describe('technicians', () => {
  it('read policies but get 403 for every change, and nothing changes', async () => {
    const technician = await signedIn(t, 'technician');
    const basic = await policyNamed('Basic SLA');
    const list = await technician.get('/admin/sla/policies');
    expect(list.status).toBe(200);
    expect(textOf(list.html)).toContain('Only owners and admins can change SLA policies.');
    expect(textOf(list.html)).not.toContain('New policy');
    expect(list.html).not.toContain('/archive"');
    const detail = await technician.get(`/admin/sla/policies/${basic.id}`);
    expect(textOf(detail.html)).toContain('4 h (business hours)');
    expect(detail.html).not.toContain(`action="/admin/sla/policies/${basic.id}"`);

    expect((await technician.get('/admin/sla/policies/new')).status).toBe(403);
    const form = await policyForm(`/admin/sla/policies/${basic.id}`, `/admin/sla/policies/${basic.id}`);
    for (const [path, fields] of [
      ['/admin/sla/policies', { ...form, name: 'Sneaky' }],
      [`/admin/sla/policies/${basic.id}`, { ...form, name: 'Hacked' }],
      [`/admin/sla/policies/${basic.id}/archive`, {}],
      [`/admin/sla/policies/${basic.id}/restore`, {}],
    ] as const) {
      expect((await technician.post(path, fields)).status, path).toBe(403);
    }
    expect(await listSlaPolicies(t.ctx, { archived: 'all' })).toHaveLength(3);
    expect(await getSlaPolicy(t.ctx, basic.id)).toEqual(basic);
  });

  it('get 404 for an unknown policy', async () => {
    expect((await owner.get('/admin/sla/policies/slp_nope')).status).toBe(404);
  });
});
