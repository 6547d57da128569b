import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/domain/context.ts';
import { systemActor } from '../../src/domain/context.ts';
import {
  acknowledgeIncident,
  pauseIncident,
  resolveIncidentManually,
  resumeIncident,
  setIncidentSeverity,
} from '../../src/domain/incidents/incident-actions.ts';
import { getIncident, getIncidentSla, listIncidents } from '../../src/domain/incidents/read-incidents.ts';
import { AppError } from '../../src/errors.ts';
import { createWorld } from '../alerts/support/alert-world.ts';
import { createTestDb, type TestDb } from '../support/test-db.ts';

// Pausing, resuming, resolving and the severity, as the clocks see them (Premium: 30 min first
// response, 4 h resolution, 24/7; the incident is detected at 09:00 UTC, its first check failed at 08:59).

const MIN = 60_000;
const tech: Actor = { kind: 'user', userId: 'usr_tech', role: 'technician' };
const admin: Actor = { kind: 'user', userId: 'usr_admin', role: 'admin' };
let t: TestDb;
beforeEach(async () => {
  t = await createTestDb();
});
afterEach(() => t.close());

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'ok';
  } catch (err) {
    if (err instanceof AppError) return err.code;
    throw err;
  }
}

async function incident(plan: 'premium' | 'standard' = 'premium') {
  const w = await createWorld(t, { plan });
  const openedMs = t.clock.now();
  return { w, id: await w.openIncident(), openedMs };
}

const kinds = async (id: string) => (await getIncident(t.ctx, id)).events.map((e) => e.kind);

describe('waiting for the client', () => {
  it('two pauses at once: one wins, the other is a conflict; the clocks stop at the pause', async () => {
    const { id, openedMs } = await incident();
    t.clock.set(openedMs + 5 * MIN);
    const codes = await Promise.all([
      codeOf(pauseIncident(t.ctx, tech, id, { reason: 'waiting for DNS access' })),
      codeOf(pauseIncident(t.ctx, admin, id, {})),
    ]);
    expect(codes.sort()).toEqual(['conflict', 'ok']);
    expect((await kinds(id)).filter((k) => k === 'paused')).toHaveLength(1);
    t.clock.set(openedMs + 50 * MIN);
    const sla = await getIncidentSla(t.ctx, id);
    expect(sla.pausedAt).toBe(new Date(openedMs + 5 * MIN).toISOString());
    expect(sla.clocks.map((c) => [c.metric, c.state, c.elapsedMinutes])).toEqual([
      ['first_response', 'paused', 5],
      ['resolution', 'paused', 6],
    ]);
  });

  it('resume runs the clocks again; resuming twice, or a resolved incident, is a conflict', async () => {
    const { id, openedMs } = await incident();
    expect(await codeOf(resumeIncident(t.ctx, tech, id))).toBe('conflict');
    t.clock.set(openedMs + 5 * MIN);
    await pauseIncident(t.ctx, tech, id);
    t.clock.set(openedMs + 65 * MIN);
    const codes = await Promise.all([
      codeOf(resumeIncident(t.ctx, tech, id)),
      codeOf(resumeIncident(t.ctx, admin, id)),
    ]);
    expect(codes.sort()).toEqual(['conflict', 'ok']);
    t.clock.set(openedMs + 75 * MIN);
    const [first] = (await getIncidentSla(t.ctx, id)).clocks;
    expect(first).toMatchObject({ state: 'running', elapsedMinutes: 15, percentElapsed: 50 });
    expect(first?.dueAt).toBe(new Date(openedMs + 90 * MIN).toISOString());
    const events = (await getIncident(t.ctx, id)).events.filter((e) => e.kind === 'resumed');
    expect(events.map((e) => e.data)).toEqual([{ pausedSince: new Date(openedMs + 5 * MIN).toISOString() }]);
    await resolveIncidentManually(t.ctx, tech, id);
    expect(await codeOf(pauseIncident(t.ctx, tech, id))).toBe('conflict');
    expect(await codeOf(pauseIncident(t.ctx, tech, id, { reason: 5 }))).toBe('invalid');
    expect(await codeOf(pauseIncident(t.ctx, tech, 'inc_missing'))).toBe('not_found');
  });

  it.each(['by check', 'by hand'] as const)(
    'resolving %s while paused closes the pause in the same step',
    async (how) => {
      const { w, id, openedMs } = await incident();
      t.clock.set(openedMs + 10 * MIN);
      await pauseIncident(t.ctx, tech, id, { reason: 'client restoring a backup' });
      t.clock.set(openedMs + 40 * MIN);
      if (how === 'by check') expect(await w.resolve(id)).toBe(true);
      else await resolveIncidentManually(t.ctx, tech, id, { note: 'restored' });
      const after = await getIncident(t.ctx, id);
      expect(after).toMatchObject({ status: 'resolved', pausedAt: null });
      const resumed = after.events.filter((e) => e.kind === 'resumed');
      expect(resumed).toMatchObject([
        { at: new Date(openedMs + 40 * MIN).toISOString(), data: { reason: 'resolved' } },
      ]);
      expect(after.sla.clocks.map((c) => [c.metric, c.state, c.elapsedMinutes])).toEqual([
        ['first_response', 'met', 10],
        ['resolution', 'met', 11],
      ]);
      // Reopened (a flap): the clocks run on from the resolution, not paused.
      t.clock.set(openedMs + 42 * MIN);
      if (how === 'by check') {
        expect(await w.reopen(id)).toBe(true);
        const reopened = await getIncident(t.ctx, id);
        expect(reopened.pausedAt).toBeNull();
        expect(reopened.sla.clocks[1]).toMatchObject({ state: 'running', elapsedMinutes: 13 });
      }
    },
  );
});

describe('severity', () => {
  async function withSeverityTargets() {
    const policy = await t.ctx.db
      .selectFrom('sla_policies')
      .select('id')
      .where('name', '=', 'Premium SLA')
      .executeTakeFirstOrThrow();
    await t.ctx.db
      .updateTable('sla_policies')
      .set({
        severity_targets: JSON.stringify({
          critical: { firstResponseMinutes: 15 },
          minor: { firstResponseMinutes: 120 },
        }),
      })
      .where('id', '=', policy.id)
      .execute();
  }

  it('picks the targets; anyone may raise it, lowering it needs an admin; the same one is a conflict', async () => {
    await withSeverityTargets();
    const { id } = await incident();
    const target = async () => (await getIncidentSla(t.ctx, id)).clocks[0]?.targetMinutes;
    expect((await getIncident(t.ctx, id)).severity).toBe('critical');
    expect(await target()).toBe(15);
    expect(await codeOf(setIncidentSeverity(t.ctx, tech, id, { severity: 'major' }))).toBe('forbidden');
    expect(await codeOf(setIncidentSeverity(t.ctx, tech, id, { severity: 'critical' }))).toBe('conflict');
    expect(await codeOf(setIncidentSeverity(t.ctx, tech, id, { severity: 'urgent' }))).toBe('invalid');
    await setIncidentSeverity(t.ctx, admin, id, { severity: 'minor' });
    expect(await target()).toBe(120);
    t.clock.advance(MIN);
    await setIncidentSeverity(t.ctx, tech, id, { severity: 'major' });
    expect(await target()).toBe(30);
    const changes = (await getIncident(t.ctx, id)).events.filter((e) => e.kind === 'severity_changed');
    expect(changes.map((e) => [e.actorUserId, e.data])).toEqual([
      ['usr_admin', { from: 'critical', to: 'minor' }],
      ['usr_tech', { from: 'minor', to: 'major' }],
    ]);
  });

  it("a resolved incident's severity is part of the record: only an admin may change it", async () => {
    const { id } = await incident();
    await resolveIncidentManually(t.ctx, systemActor, id);
    expect(await codeOf(setIncidentSeverity(t.ctx, tech, id, { severity: 'critical' }))).toBe('conflict');
    expect(await codeOf(setIncidentSeverity(t.ctx, tech, id, { severity: 'major' }))).toBe('forbidden');
    expect(await codeOf(setIncidentSeverity(t.ctx, admin, id, { severity: 'major' }))).toBe('ok');
  });
});

describe('reads', () => {
  it('filters incidents by SLA state, computed at the time of the read', async () => {
    const a = await incident();
    const b = await incident();
    t.clock.set(a.openedMs + 10 * MIN);
    await acknowledgeIncident(t.ctx, tech, b.id);
    const ids = async (sla?: string) => (await listIncidents(t.ctx, sla ? { sla } : {})).map((i) => i.id).sort();
    expect(await ids('at_risk')).toEqual([]);
    t.clock.set(a.openedMs + 25 * MIN);
    expect(await ids('at_risk')).toEqual([a.id]);
    expect(await ids('breached')).toEqual([]);
    t.clock.set(a.openedMs + 31 * MIN);
    expect(await ids('breached')).toEqual([a.id]);
    t.clock.set(a.openedMs + 200 * MIN); // b's resolution clock (4 h) passed 75 %
    expect(await ids('at_risk')).toEqual([b.id]);
    expect(await ids()).toEqual([a.id, b.id].sort());
    expect(await listIncidents(t.ctx, { sla: 'at_risk', status: 'resolved' })).toEqual([]);
    expect(await codeOf(listIncidents(t.ctx, { sla: 'late' }))).toBe('invalid');
  });

  it('recomputes the clocks when the policy changes (nothing is counted up)', async () => {
    const { id, openedMs } = await incident();
    t.clock.set(openedMs + 20 * MIN);
    await acknowledgeIncident(t.ctx, tech, id);
    expect((await getIncidentSla(t.ctx, id)).clocks[0]).toMatchObject({ met: true, marginMinutes: 10 });
    await t.ctx.db
      .updateTable('sla_policies')
      .set({ first_response_minutes: 15 })
      .where('name', '=', 'Premium SLA')
      .execute();
    expect((await getIncidentSla(t.ctx, id)).clocks[0]).toMatchObject({
      state: 'breached',
      met: false,
      marginMinutes: -5,
      dueAt: new Date(openedMs + 15 * MIN).toISOString(),
    });
  });

  it('an incident of a client without an SLA has no policy and no clocks', async () => {
    const w = await createWorld(t, { plan: null });
    const id = await w.openIncident();
    expect((await getIncident(t.ctx, id)).sla).toEqual({ policy: null, clocks: [] });
  });
});
