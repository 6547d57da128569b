import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../../test/support/test-db.ts';
import type { Actor } from '../context.ts';
import { updatePlan } from '../plans/change-plans.ts';
import { getPlan } from '../plans/read-plans.ts';
import { createSlaPolicy, setSlaPolicyArchived, updateSlaPolicy } from './change-policies.ts';
import { getSlaPolicy, listSlaPolicies } from './policies.ts';
import { BUILTIN_24X7_CALENDAR_ID } from './seed-sla.ts';

const admin: Actor = { kind: 'user', userId: 'usr_admin', role: 'admin' };
const technician: Actor = { kind: 'user', userId: 'usr_tech', role: 'technician' };

let t: TestDb;
let businessCalendarId: string;
beforeEach(async () => {
  t = await createTestDb();
  const basic = await getPlan(t.ctx, 'basic');
  businessCalendarId = (await getSlaPolicy(t.ctx, basic.slaPolicyId ?? '')).calendarId;
});
afterEach(() => t.close());

const issuesOf = async (p: Promise<unknown>) => {
  const err = (await p.then(
    () => undefined,
    (e) => e,
  )) as { code?: string; details?: Array<{ path: string }> } | undefined;
  expect(err?.code).toBe('invalid');
  return (err?.details ?? []).map((d) => d.path).sort();
};

describe('the seeded policies', () => {
  it('are read with their calendar and the plans selling them, by name', async () => {
    const policies = await listSlaPolicies(t.ctx);
    expect(policies.map((p) => [p.name, p.calendar.kind, p.plans.map((pl) => pl.code)])).toEqual([
      ['Basic SLA', 'business', ['basic']],
      ['Premium SLA', '24x7', ['premium']],
      ['Standard SLA', 'business', ['standard']],
    ]);
    expect(policies[0]).toMatchObject({
      firstResponseMinutes: 240,
      resolutionMinutes: 960,
      firstResponseClock: 'business',
      calendar: { id: businessCalendarId, name: 'Business hours', timeZone: 'UTC' },
      warnAtPercent: 75,
      uptimeCommitmentBp: null,
      creditPerStepBp: 1000,
      creditStepBp: 10,
      creditCapBp: 5000,
      severityTargets: {},
      archivedAt: null,
    });
    await expect(getSlaPolicy(t.ctx, 'slp_missing')).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('creating a policy', () => {
  it('fills the defaults; the clocks follow the calendar', async () => {
    const office = await createSlaPolicy(t.ctx, admin, {
      name: 'Office',
      calendarId: businessCalendarId,
      firstResponseMinutes: 120,
      severityTargets: { critical: { firstResponseMinutes: 30 }, minor: {} },
    });
    expect(office).toMatchObject({
      description: '',
      firstResponseClock: 'business',
      resolutionClock: 'business',
      resolutionMinutes: null,
      warnAtPercent: 75,
      creditCapBp: 5000,
      severityTargets: { critical: { firstResponseMinutes: 30 } },
      plans: [],
      createdAt: new Date(t.clock.now()).toISOString(),
    });
    const uptimeOnly = await createSlaPolicy(t.ctx, admin, {
      name: 'Uptime only',
      calendarId: BUILTIN_24X7_CALENDAR_ID,
      uptimeCommitmentBp: 9950,
    });
    expect(uptimeOnly).toMatchObject({ firstResponseClock: '24x7', resolutionClock: '24x7', uptimeCommitmentBp: 9950 });
    expect(await getSlaPolicy(t.ctx, office.id)).toEqual(office);
  });

  it('refuses a policy that measures nothing, and every bad field at once', async () => {
    expect(await issuesOf(createSlaPolicy(t.ctx, admin, { name: 'Empty', calendarId: businessCalendarId }))).toEqual([
      'firstResponseMinutes',
    ]);
    // A severity override with a target counts as a target; one that only removes targets does not.
    await createSlaPolicy(t.ctx, admin, {
      name: 'Critical only',
      calendarId: businessCalendarId,
      severityTargets: { critical: { resolutionMinutes: 60 } },
    });
    expect(
      await issuesOf(
        createSlaPolicy(t.ctx, admin, {
          name: 'Nothing',
          calendarId: businessCalendarId,
          severityTargets: { critical: { resolutionMinutes: null } },
        }),
      ),
    ).toEqual(['firstResponseMinutes']);
    expect(
      await issuesOf(
        createSlaPolicy(t.ctx, admin, {
          name: '',
          calendarId: businessCalendarId,
          firstResponseMinutes: 0,
          resolutionMinutes: 1.5,
          warnAtPercent: 100,
          uptimeCommitmentBp: 8999,
          creditStepBp: 0,
          creditCapBp: 10_001,
          severityTargets: { blocker: {} },
        }),
      ),
    ).toEqual([
      'creditCapBp',
      'creditStepBp',
      'firstResponseMinutes',
      'name',
      'resolutionMinutes',
      'severityTargets',
      'uptimeCommitmentBp',
      'warnAtPercent',
    ]);
    expect(await listSlaPolicies(t.ctx)).toHaveLength(4);
  });

  it('needs a live calendar, and no business-hours target under the 24/7 calendar', async () => {
    const input = { name: 'X', firstResponseMinutes: 60 };
    expect(await issuesOf(createSlaPolicy(t.ctx, admin, { ...input, calendarId: 'cal_missing' }))).toEqual([
      'calendarId',
    ]);
    await t.ctx.db.updateTable('sla_calendars').set({ archived_at: 1 }).where('id', '=', businessCalendarId).execute();
    expect(await issuesOf(createSlaPolicy(t.ctx, admin, { ...input, calendarId: businessCalendarId }))).toEqual([
      'calendarId',
    ]);
    expect(
      await issuesOf(
        createSlaPolicy(t.ctx, admin, {
          ...input,
          calendarId: BUILTIN_24X7_CALENDAR_ID,
          firstResponseClock: 'business',
          resolutionClock: 'business', // no resolution target: its clock does not matter
        }),
      ),
    ).toEqual(['firstResponseClock']);
  });

  it('is for owners and admins only', async () => {
    await expect(
      createSlaPolicy(t.ctx, technician, { name: 'T', calendarId: businessCalendarId, firstResponseMinutes: 5 }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    expect(await listSlaPolicies(t.ctx)).toHaveLength(3);
  });
});

describe('changing a policy', () => {
  it('changes only what the patch names, at once, and keeps updatedAt when nothing changes', async () => {
    const basic = await getPlan(t.ctx, 'basic');
    const before = await getSlaPolicy(t.ctx, basic.slaPolicyId ?? '');
    t.clock.advance(60_000);
    const after = await updateSlaPolicy(t.ctx, admin, before.id, {
      firstResponseMinutes: 180,
      severityTargets: { critical: { firstResponseMinutes: 60, resolutionMinutes: null } },
    });
    expect(after).toEqual({
      ...before,
      firstResponseMinutes: 180,
      severityTargets: { critical: { firstResponseMinutes: 60, resolutionMinutes: null } },
      updatedAt: new Date(t.clock.now()).toISOString(),
    });
    // The plan is not versioned for it: its summary shows the policy as it is now.
    expect((await getPlan(t.ctx, 'basic')).sla).toMatchObject({ firstResponseMinutes: 180, policyId: before.id });

    t.clock.advance(60_000);
    expect(
      await updateSlaPolicy(t.ctx, admin, before.id, { name: before.name, severityTargets: after.severityTargets }),
    ).toEqual(after);
    expect(await updateSlaPolicy(t.ctx, admin, before.id, {})).toEqual(after);
  });

  it('never loses a change to a concurrent one: both apply, or the later writer gets a conflict', async () => {
    const id = (await getPlan(t.ctx, 'basic')).slaPolicyId ?? '';
    const results = await Promise.allSettled([
      updateSlaPolicy(t.ctx, admin, id, { firstResponseMinutes: 100 }),
      updateSlaPolicy(t.ctx, admin, id, { warnAtPercent: 60 }),
    ]);
    const final = await getSlaPolicy(t.ctx, id);
    const [a, b] = results;
    if (a.status === 'fulfilled' && b.status === 'fulfilled') {
      expect(final).toMatchObject({ firstResponseMinutes: 100, warnAtPercent: 60 });
    } else {
      const loser = [a, b].find((r) => r.status === 'rejected') as PromiseRejectedResult;
      expect(loser.reason).toMatchObject({ code: 'conflict' });
      expect([final.firstResponseMinutes === 100, final.warnAtPercent === 60].filter(Boolean)).toHaveLength(1);
    }
  });

  it('checks the result as a whole and refuses unknown ids and technicians', async () => {
    const premium = await getPlan(t.ctx, 'premium');
    const id = premium.slaPolicyId ?? '';
    expect(
      await issuesOf(
        updateSlaPolicy(t.ctx, admin, id, {
          firstResponseMinutes: null,
          resolutionMinutes: null,
          uptimeCommitmentBp: null,
        }),
      ),
    ).toEqual(['firstResponseMinutes']);
    expect(await issuesOf(updateSlaPolicy(t.ctx, admin, id, { resolutionClock: 'business' }))).toEqual([
      'resolutionClock',
    ]);
    expect(await issuesOf(updateSlaPolicy(t.ctx, admin, id, { calendarId: 'cal_missing' }))).toEqual(['calendarId']);
    // Moving to a business calendar makes business-hours clocks possible.
    const moved = await updateSlaPolicy(t.ctx, admin, id, {
      calendarId: businessCalendarId,
      resolutionClock: 'business',
    });
    expect(moved).toMatchObject({
      calendar: { kind: 'business' },
      firstResponseClock: '24x7',
      resolutionClock: 'business',
    });
    await expect(updateSlaPolicy(t.ctx, admin, 'slp_missing', { name: 'X' })).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(updateSlaPolicy(t.ctx, technician, id, { name: 'X' })).rejects.toMatchObject({ code: 'forbidden' });
    expect((await getSlaPolicy(t.ctx, id)).name).toBe('Premium SLA');
  });
});

describe('archiving a policy', () => {
  it('is refused while a plan sells it, naming the plans; allowed once only older versions do', async () => {
    const standard = await getPlan(t.ctx, 'standard');
    const id = standard.slaPolicyId ?? '';
    await expect(setSlaPolicyArchived(t.ctx, admin, id, true)).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringContaining('is the SLA of Standard'),
    });
    const basic = await getPlan(t.ctx, 'basic');
    await updatePlan(t.ctx, admin, basic.id, { slaPolicyId: id });
    await expect(setSlaPolicyArchived(t.ctx, admin, id, true)).rejects.toMatchObject({
      message: expect.stringContaining('Basic, Standard; give those plans another policy first'),
    });
    // An archived plan still counts: restoring it would sell the policy again.
    await t.ctx.db.updateTable('plans').set({ archived_at: 1 }).where('id', '=', basic.id).execute();
    expect((await getSlaPolicy(t.ctx, id)).plans).toEqual([
      { id: basic.id, code: 'basic', name: 'Basic', archived: true },
      { id: standard.id, code: 'standard', name: 'Standard', archived: false },
    ]);

    await updatePlan(t.ctx, admin, basic.id, { slaPolicyId: null });
    await updatePlan(t.ctx, admin, standard.id, { slaPolicyId: null });
    const archived = await setSlaPolicyArchived(t.ctx, admin, id, true);
    expect(archived).toMatchObject({ archivedAt: new Date(t.clock.now()).toISOString(), plans: [] });
    expect((await listSlaPolicies(t.ctx)).map((p) => p.name)).toEqual(['Basic SLA', 'Premium SLA']);
    expect((await listSlaPolicies(t.ctx, { archived: 'true' })).map((p) => p.name)).toEqual(['Standard SLA']);
    expect(await listSlaPolicies(t.ctx, { archived: 'all' })).toHaveLength(3);
    // Archiving again keeps the first time; restoring brings it back.
    t.clock.advance(1000);
    expect((await setSlaPolicyArchived(t.ctx, admin, id, true)).archivedAt).toBe(archived.archivedAt);
    expect((await setSlaPolicyArchived(t.ctx, admin, id, false)).archivedAt).toBeNull();
  });

  it('restores a policy only while its calendar is live', async () => {
    const spare = await createSlaPolicy(t.ctx, admin, {
      name: 'Spare',
      calendarId: businessCalendarId,
      resolutionMinutes: 5,
    });
    await setSlaPolicyArchived(t.ctx, admin, spare.id, true);
    await t.ctx.db.updateTable('sla_calendars').set({ archived_at: 1 }).where('id', '=', businessCalendarId).execute();
    await expect(setSlaPolicyArchived(t.ctx, admin, spare.id, false)).rejects.toMatchObject({
      code: 'conflict',
      message: '"Spare" counts in the archived calendar Business hours; restore that calendar first',
    });
    expect((await getSlaPolicy(t.ctx, spare.id)).archivedAt).not.toBeNull();
  });

  it('is for owners and admins, on existing policies', async () => {
    const spare = await createSlaPolicy(t.ctx, admin, {
      name: 'Spare',
      calendarId: businessCalendarId,
      firstResponseMinutes: 1,
    });
    await expect(setSlaPolicyArchived(t.ctx, technician, spare.id, true)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(setSlaPolicyArchived(t.ctx, admin, 'slp_missing', true)).rejects.toMatchObject({ code: 'not_found' });
    expect((await getSlaPolicy(t.ctx, spare.id)).archivedAt).toBeNull();
  });
});
