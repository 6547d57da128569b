import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/domain/context.ts';
import { resolveIncidentByCheck } from '../../src/domain/incidents/incident-lifecycle.ts';
import { createMaintenanceWindow } from '../../src/domain/monitoring/maintenance-windows.ts';
import { monthlyCompliance } from '../../src/domain/sla/compliance.ts';
import { AppError } from '../../src/errors.ts';
import { createTestDb, type TestDb } from '../support/test-db.ts';
import { at, MIN, outage, seedMarch } from './fixtures.ts';

// March 2026 worked out by hand (fixtures.ts lists the outages):
//  Alpha, Europe/Madrid: March is 2026-02-28T23:00Z → 2026-03-31T22:00Z = 743 h = 44 580 min.
//   a1: 20 min of the outage across midnight of the 1st (23:30–00:20 local), 50 + 90 min, and
//       30 min of the one across midnight of April 1st (23:30 local → month end) = 190 min down.
//       (44 580 − 190) / 44 580 = 99.5738 % → "99.573"; 0.3262 % short of 99.9 % → 4 started
//       steps → 40 % of 612.34 = 244.936 → 244.94.
//   a2: 02:30–03:40Z down with maintenance 02:00–03:00Z: 40 min down, 60 min excluded;
//       44 480 / 44 520 = 99.9101 % → "99.910", kept.
//   First response (30 min 24/7): acked after 9 min (met); 40 min counted outside maintenance,
//   88 and 269 min unacknowledged (breached) → 1 of 4, "25.0". Resolution (240 min): 50, 40, 90
//   met, 270 breached → "75.0".
//  Beta, UTC: 44 640 min; 30 min + the last hour of an outage still open = 90 min down →
//   44 550 / 44 640 = 99.7983 % → "99.798". Basic: no commitment, no credit.

describe('monthly compliance, computed by hand', () => {
  let t: TestDb;
  let seeded: Awaited<ReturnType<typeof seedMarch>>;
  const report = (input: unknown) => monthlyCompliance(t.ctx, systemActor, input);

  beforeAll(async () => {
    t = await createTestDb(at('2026-02-20T12:00:00Z'));
    seeded = await seedMarch(t.ctx, t.clock);
    t.clock.set(at('2026-04-05T00:00:00Z'));
  });
  afterAll(() => t?.close());

  it('gives uptime, downtime, clocks and the credit of a Premium client in its own zone', async () => {
    const { clients } = await report({ month: '2026-03' });
    expect(clients.map((c) => c.clientName)).toEqual(['Alpha', 'Beta']); // Gamma has no site
    const alpha = clients[0]!;
    expect(alpha).toMatchObject({
      timeZone: 'Europe/Madrid',
      from: '2026-02-28T23:00:00.000Z',
      to: '2026-03-31T22:00:00.000Z',
      asOf: '2026-03-31T22:00:00.000Z',
      complete: true,
      contract: { planName: 'Premium', billingPeriod: 'monthly', trial: false },
      policy: { name: 'Premium SLA', uptimeCommitmentBp: 9990, uptimeCommitmentPercent: '99.900' },
      fee: [{ currency: 'EUR', amountMinor: 61_234 }],
    });
    const [a1, a2] = alpha.sites;
    expect(a1).toMatchObject({
      name: 'a1.example',
      windowMs: 44_580 * MIN,
      downtimeMs: 190 * MIN,
      downtimeMinutes: 190,
      excludedMs: 0,
      uptimePercent: '99.573',
      incidents: 3,
      keepsCommitment: false,
    });
    expect(a1!.uptimeRatio).toBeCloseTo(44_390 / 44_580, 12);
    expect(a2).toMatchObject({
      downtimeMinutes: 40,
      excludedMinutes: 60,
      uptimePercent: '99.910',
      incidents: 1,
      keepsCommitment: true,
    });
    expect(alpha.credit).toEqual({
      siteId: a1!.siteId,
      steps: 4,
      creditBp: 4000,
      amounts: [{ currency: 'EUR', amountMinor: 24_494 }],
    });
  });

  it('lists the incidents that started in the month with their final clocks', async () => {
    const alpha = (await report({ month: '2026-03' })).clients[0]!;
    const { ids } = seeded;
    expect(alpha.incidents.map((i) => i.id)).toEqual([ids.acked, ids.inMaintenance, ids.slow, ids.acrossApril]);
    const clock = (i: number, metric: string) => alpha.incidents[i]!.clocks.find((c) => c.metric === metric);
    expect(alpha.incidents.map((_, i) => clock(i, 'first_response')?.elapsedMinutes)).toEqual([9, 40, 88, 269]);
    expect(alpha.incidents.map((_, i) => clock(i, 'resolution')?.state)).toEqual(['met', 'met', 'met', 'breached']);
    // Resolved after the month ended: the clock carries its real final figures.
    expect(alpha.incidents[3]).toMatchObject({ resolvedAt: '2026-04-01T02:00:00.000Z', acknowledgedAt: null });
    expect(clock(3, 'resolution')).toMatchObject({ elapsedMinutes: 270, met: false });
    expect(alpha.firstResponse).toEqual({
      met: 1,
      breached: 3,
      open: 0,
      withinTargetRatio: 0.25,
      withinTargetPercent: '25.0',
    });
    expect(alpha.resolution).toMatchObject({ met: 3, breached: 1, open: 0, withinTargetPercent: '75.0' });
  });

  it('counts an outage open at the month end up to the end, with clocks as they stood then', async () => {
    const beta = (await report({ month: '2026-03', clientId: seeded.beta.clientId })).clients;
    expect(beta).toHaveLength(1);
    expect(beta[0]).toMatchObject({
      from: '2026-03-01T00:00:00.000Z',
      policy: { name: 'Basic SLA', uptimeCommitmentBp: null, uptimeCommitmentPercent: null },
      fee: [{ currency: 'EUR', amountMinor: 15_000 }],
      credit: null,
      sites: [{ windowMs: 44_640 * MIN, downtimeMinutes: 90, uptimePercent: '99.798', incidents: 2 }],
      firstResponse: { met: 1, breached: 0, open: 1, withinTargetPercent: '100.0' },
    });
    // Opened 23:01 on a Tuesday: no business time had passed by the end of the month.
    expect(beta[0]!.incidents[1]!.clocks.map((c) => [c.metric, c.state, c.elapsedMinutes])).toEqual([
      ['first_response', 'running', 0],
      ['resolution', 'running', 0],
    ]);
  });

  it('cuts the month at midnight of the client’s zone: the outage across March 1st counts in both months', async () => {
    const feb = (await report({ month: '2026-02', clientId: seeded.alpha.clientId })).clients[0]!;
    // Monitored from 2026-02-20 12:00Z to the end of February in Madrid (23:00Z on the 28th): 203 h.
    expect(feb.sites[0]).toMatchObject({ windowMs: 203 * 60 * MIN, downtimeMinutes: 30, uptimePercent: '99.753' });
    expect(feb.incidents.map((i) => i.id)).toEqual([seeded.ids.acrossFeb]);
    // 12 150 / 12 180 = 99.7537 %: 0.1463 % short → 2 steps → 20 % of 612.34 = 122.468 → 122.47.
    expect(feb.credit).toMatchObject({ steps: 2, amounts: [{ currency: 'EUR', amountMinor: 12_247 }] });
    expect(feb.sites[1]).toMatchObject({ downtimeMs: 0, uptimePercent: '100.000', incidents: 0 });
  });

  it('an empty month is 100 % with nothing decided', async () => {
    const beta = (await report({ month: '2026-02', clientId: seeded.beta.clientId })).clients[0]!;
    expect(beta.sites).toMatchObject([{ downtimeMs: 0, uptimePercent: '100.000', uptimeRatio: 1, incidents: 0 }]);
    expect(beta.incidents).toEqual([]);
    expect(beta.firstResponse).toEqual({
      met: 0,
      breached: 0,
      open: 0,
      withinTargetRatio: null,
      withinTargetPercent: null,
    });
  });

  it('the running month is month to date; months before the clients existed are empty', async () => {
    const april = (await report({ month: '2026-04', clientId: seeded.alpha.clientId })).clients[0]!;
    // 2026-03-31T22:00Z → now (2026-04-05T00:00Z) = 98 h; the outage across April 1st is down
    // from 22:00Z (midnight in Madrid) to 02:00Z: 240 min → 5 640 / 5 880 = 95.918 %.
    expect(april).toMatchObject({ complete: false, asOf: '2026-04-05T00:00:00.000Z', incidents: [] });
    expect(april.sites[0]).toMatchObject({ windowMs: 98 * 60 * MIN, downtimeMinutes: 240, uptimePercent: '95.918' });

    expect((await report({ month: '2026-01' })).clients).toEqual([]);
    const january = (await report({ month: '2026-01', clientId: seeded.alpha.clientId })).clients[0]!;
    expect(january).toMatchObject({ sites: [], incidents: [], contract: null, policy: null, fee: [], credit: null });
  });

  it('refuses a future month, a malformed one and an unknown client', async () => {
    const code = (input: unknown) =>
      report(input).then(
        () => null,
        (err) => (err instanceof AppError ? [err.code, err.message] : err),
      );
    expect(await code({ month: '2026-05' })).toEqual(['invalid', 'Invalid input (month: is in the future)']);
    expect((await code({ month: '2026-13' }))?.[0]).toBe('invalid');
    expect((await code({ month: '2026-03', extra: 1 }))?.[0]).toBe('invalid');
    expect((await code({ month: '2026-03', clientId: 'cli_missing' }))?.[0]).toBe('not_found');
  });
});

describe('stability', () => {
  let t: TestDb;
  afterAll(() => t?.close());

  it('computing a past month again, after later checks, incidents and windows, gives identical JSON', async () => {
    t = await createTestDb(at('2026-02-20T12:00:00Z'));
    const { alpha, beta, ids } = await seedMarch(t.ctx, t.clock);
    const march = () => monthlyCompliance(t.ctx, systemActor, { month: '2026-03' }).then((r) => JSON.stringify(r));
    t.clock.set(at('2026-04-05T00:00:00Z'));
    const first = await march();
    expect(await march()).toBe(first);

    // April and May happen: outages, acknowledgements, new maintenance windows.
    await outage(t.ctx, t.clock, alpha.sites[0]!.monitorId, {
      start: '2026-04-10T08:00:00Z',
      ack: '2026-04-10T08:05:00Z',
      resolved: '2026-04-10T09:00:00Z',
    });
    t.clock.set(at('2026-04-20T00:00:00Z'));
    await createMaintenanceWindow(t.ctx, systemActor, {
      kind: 'weekly',
      clientId: alpha.clientId,
      title: 'Weekly updates',
      weekdays: [1, 2, 3, 4, 5, 6, 7],
      startLocal: '21:00',
      durationMin: 120,
    });
    await outage(t.ctx, t.clock, alpha.sites[1]!.monitorId, { start: '2026-05-02T10:00:00Z' });
    t.clock.set(at('2026-05-10T00:00:00Z'));
    expect(await march()).toBe(first);

    // Stored history that does change March: the outage open at its end is resolved.
    await resolveIncidentByCheck(t.ctx.db, ids.betaOpen, at('2026-04-01T10:00:00Z'), t.clock.now());
    const after = JSON.parse(await march());
    const b = after.clients.find((c: { clientId: string }) => c.clientId === beta.clientId);
    expect(b.sites[0].downtimeMinutes).toBe(90); // still clipped at the month's end
    expect(
      b.incidents[1].clocks.map((c: { state: string; elapsedMinutes: number }) => [c.state, c.elapsedMinutes]),
    ).toEqual([
      ['met', 60], // Wednesday 09:00–10:00 in business hours
      ['met', 60],
    ]);
  });
});
