import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Ctx, systemActor } from '../../src/domain/context.ts';
import { resolveIncidentByCheck } from '../../src/domain/incidents/incident-lifecycle.ts';
import { createMaintenanceWindow } from '../../src/domain/monitoring/maintenance-windows.ts';
import { DAY_MS, HOUR_MS, hourLabel } from '../../src/domain/monitoring/rollups-time.ts';
import { manualTimer } from '../../src/engine/timer.ts';
import { startJobRunner } from '../../src/jobs/job-runner.ts';
import { claimSlot } from '../../src/jobs/job-slots.ts';
import type { CheckResultsTable } from '../../src/storage/schema.ts';
import { createTestDb, type TestDb } from '../support/test-db.ts';
import {
  addMonitor,
  createClientWithSite,
  recordIncident,
  resultRow,
  silentLogger,
  testRunner,
  writeResults,
} from './fixtures.ts';

const DAY0 = Date.UTC(2026, 2, 2);
const MIN = 60_000;

let t: TestDb;
beforeEach(async () => {
  t = await createTestDb(DAY0);
});
afterEach(async () => {
  await t.close();
});

async function seed(hours: number, everyMs = 10 * MIN) {
  const { clientId, site } = await createClientWithSite(t.ctx);
  const m = await addMonitor(t.ctx, site.id);
  const rows: CheckResultsTable[] = [];
  for (let at = DAY0; at < DAY0 + hours * HOUR_MS; at += everyMs) rows.push(resultRow(m.id, at, 'up', 50));
  await writeResults(t.ctx.db, rows);
  return { clientId, site, monitorId: m.id };
}

const hourRow = (monitorId: string, start: number) =>
  t.ctx.db
    .selectFrom('check_rollups')
    .selectAll()
    .where('monitor_id', '=', monitorId)
    .where('period', '=', 'hour')
    .where('period_start', '=', start)
    .executeTakeFirst();

const dayRow = (monitorId: string, start: number) =>
  t.ctx.db
    .selectFrom('check_rollups')
    .selectAll()
    .where('monitor_id', '=', monitorId)
    .where('period', '=', 'day')
    .where('period_start', '=', start)
    .executeTakeFirst();

async function finishedSlots(prefix: string) {
  const rows = await t.ctx.db.selectFrom('job_slots').selectAll().where('finished_at', 'is not', null).execute();
  return rows
    .map((r) => r.slot_key)
    .filter((k) => k.startsWith(prefix))
    .sort();
}

describe('job slots', () => {
  it('are claimed once when many runners race for the same slot', async () => {
    const claims = await Promise.all(
      Array.from({ length: 8 }, (_, i) => claimSlot(t.ctx.db, 'rollup-hour:2026-03-02T00:00Z', `r${i}`, DAY0, 60_000)),
    );
    expect(claims.filter(Boolean)).toHaveLength(1);
  });

  it('two runners racing over the same due jobs split them: each slot runs exactly once', async () => {
    const { monitorId } = await seed(30);
    t.clock.set(DAY0 + 30 * HOUR_MS + 10 * MIN);
    const a = testRunner(t.ctx, { runnerId: 'runner-a' });
    const b = testRunner(t.ctx, { runnerId: 'runner-b' });
    const [ranA, ranB] = await Promise.all([a.runOnce(), b.runOnce()]);
    const all = [...ranA, ...ranB];
    expect(new Set(all).size).toBe(all.length);
    // Whichever runner came second may have skipped a day whose last hour the other was still
    // rolling up; one more pass finishes the set.
    const again = [...(await a.runOnce()), ...(await b.runOnce())];
    const done = [...all, ...again].sort();
    expect(new Set(done).size).toBe(done.length);
    const hours = Array.from({ length: 30 }, (_, i) => `rollup-hour:${hourLabel(DAY0 + i * HOUR_MS)}`);
    expect(done).toEqual(
      [...hours, 'rollup-day:2026-03-02', 'prune-raw:2026-03-03', 'prune-rollups:2026-03-03'].sort(),
    );
    expect(await hourRow(monitorId, DAY0 + 29 * HOUR_MS)).toMatchObject({ checks_total: 6 });
  });
});

describe('the rollup jobs', () => {
  it('catch up every hour and day missed while no process ran', async () => {
    const { monitorId } = await seed(60);
    const runner = testRunner(t.ctx);
    t.clock.set(DAY0 + 3 * HOUR_MS + 6 * MIN);
    expect(await runner.runOnce()).toEqual([
      'rollup-hour:2026-03-02T00:00Z',
      'rollup-hour:2026-03-02T01:00Z',
      'rollup-hour:2026-03-02T02:00Z',
      'prune-raw:2026-03-02',
      'prune-rollups:2026-03-02',
    ]);
    // Not yet: 03:00 ends at 04:00 and is rolled up 5 minutes (settleMs) later.
    t.clock.set(DAY0 + 4 * HOUR_MS + 4 * MIN);
    expect(await runner.runOnce()).toEqual([]);

    // The process is down for two days.
    t.clock.set(DAY0 + 2 * DAY_MS + 11 * HOUR_MS + 30 * MIN);
    const ran = await runner.runOnce();
    const expectedHours = [];
    for (let h = DAY0 + 3 * HOUR_MS; h <= DAY0 + 2 * DAY_MS + 10 * HOUR_MS; h += HOUR_MS) {
      expectedHours.push(`rollup-hour:${hourLabel(h)}`);
    }
    expect(ran).toEqual([
      ...expectedHours,
      'rollup-day:2026-03-02',
      'rollup-day:2026-03-03',
      'prune-raw:2026-03-04',
      'prune-rollups:2026-03-04',
    ]);
    expect(await hourRow(monitorId, DAY0 + 30 * HOUR_MS)).toMatchObject({ checks_total: 6, checks_up: 6 });
    expect(await dayRow(monitorId, DAY0 + DAY_MS)).toMatchObject({ checks_total: 144 });
    expect(await runner.runOnce()).toEqual([]);
  });

  it('take over a slot whose runner died (lease expired), and leave a live one alone', async () => {
    await seed(3);
    t.clock.set(DAY0 + 3 * HOUR_MS + 30 * MIN);
    const now = t.clock.now();
    await t.ctx.db
      .insertInto('job_slots')
      .values([
        {
          slot_key: 'rollup-hour:2026-03-02T00:00Z',
          claimed_by: 'dead',
          claimed_at: now - 20 * MIN,
          finished_at: null,
        },
        {
          slot_key: 'rollup-hour:2026-03-02T01:00Z',
          claimed_by: 'alive',
          claimed_at: now - 5 * MIN,
          finished_at: null,
        },
      ])
      .execute();
    const ran = await testRunner(t.ctx, { leaseMs: 15 * MIN }).runOnce();
    expect(ran).toContain('rollup-hour:2026-03-02T00:00Z');
    expect(ran).not.toContain('rollup-hour:2026-03-02T01:00Z');
    expect(ran).toContain('rollup-hour:2026-03-02T02:00Z');
    expect(await finishedSlots('rollup-hour:')).toEqual([
      'rollup-hour:2026-03-02T00:00Z',
      'rollup-hour:2026-03-02T02:00Z',
    ]);
  });

  it('re-roll hours already rolled up when an incident starting in them is confirmed or resolved later', async () => {
    const { monitorId } = await seed(30);
    const runner = testRunner(t.ctx);
    t.clock.set(DAY0 + 25 * HOUR_MS + 10 * MIN);
    await runner.runOnce(); // hours 00:00 … 00:00 next day, and day 0, rolled up
    expect(await dayRow(monitorId, DAY0)).toMatchObject({ downtime_ms: 0 });

    // Confirmed at 01:20 next day, the outage started at 23:40 on day 0 (its first failed check).
    t.clock.set(DAY0 + 25 * HOUR_MS + 20 * MIN);
    const id = await recordIncident(t.ctx.db, monitorId, {
      startedAt: DAY0 + 23 * HOUR_MS + 40 * MIN,
      detectedAt: t.clock.now(),
    });
    t.clock.set(DAY0 + 26 * HOUR_MS + 10 * MIN);
    await runner.runOnce(); // the 01:00 slot sees the change
    expect(await hourRow(monitorId, DAY0 + 23 * HOUR_MS)).toMatchObject({ downtime_ms: 20 * MIN, checks_total: 6 });
    expect(await hourRow(monitorId, DAY0 + 24 * HOUR_MS)).toMatchObject({ downtime_ms: HOUR_MS });
    expect(await dayRow(monitorId, DAY0)).toMatchObject({ downtime_ms: 20 * MIN, checks_total: 144 });

    // Resolved at 02:30 by a check that started at 00:15: the hours after it were rolled up as down.
    t.clock.set(DAY0 + 26 * HOUR_MS + 30 * MIN);
    await resolveIncidentByCheck(t.ctx.db, id, DAY0 + 24 * HOUR_MS + 15 * MIN, t.clock.now());
    t.clock.set(DAY0 + 27 * HOUR_MS + 10 * MIN);
    await runner.runOnce();
    expect(await hourRow(monitorId, DAY0 + 24 * HOUR_MS)).toMatchObject({ downtime_ms: 15 * MIN });
    expect(await hourRow(monitorId, DAY0 + 25 * HOUR_MS)).toMatchObject({ downtime_ms: 0 });
  });

  it('re-roll hours covered by a one-off maintenance window entered after the fact', async () => {
    const { clientId, site, monitorId } = await seed(8);
    await recordIncident(t.ctx.db, monitorId, {
      startedAt: DAY0 + 2 * HOUR_MS,
      detectedAt: DAY0 + 2 * HOUR_MS + MIN,
      resolvedAt: DAY0 + 3 * HOUR_MS,
    });
    const runner = testRunner(t.ctx);
    t.clock.set(DAY0 + 5 * HOUR_MS + 10 * MIN);
    await runner.runOnce();
    expect(await hourRow(monitorId, DAY0 + 2 * HOUR_MS)).toMatchObject({ downtime_ms: HOUR_MS, maintenance_ms: 0 });
    // At 05:30 someone records that 02:30–03:30 was planned maintenance.
    t.clock.set(DAY0 + 5 * HOUR_MS + 30 * MIN);
    await createMaintenanceWindow(t.ctx as Ctx, systemActor, {
      kind: 'once',
      clientId,
      siteId: site.id,
      title: 'Database migration',
      startsAt: new Date(DAY0 + 2 * HOUR_MS + 30 * MIN).toISOString(),
      endsAt: new Date(DAY0 + 3 * HOUR_MS + 30 * MIN).toISOString(),
    });
    t.clock.set(DAY0 + 6 * HOUR_MS + 10 * MIN);
    await runner.runOnce();
    expect(await hourRow(monitorId, DAY0 + 2 * HOUR_MS)).toMatchObject({
      downtime_ms: 30 * MIN,
      maintenance_ms: 30 * MIN,
    });
    expect(await hourRow(monitorId, DAY0 + 3 * HOUR_MS)).toMatchObject({ downtime_ms: 0, maintenance_ms: 30 * MIN });
  });
});

describe('startJobRunner', () => {
  it('runs a pass at once and then every tick on the injected timer, and stops cleanly', async () => {
    const timer = manualTimer(DAY0);
    const ctx: Ctx = { db: t.ctx.db, clock: timer };
    t.clock.set(DAY0);
    const { monitorId } = await seed(5);
    timer.set(DAY0 + HOUR_MS + 6 * MIN);
    const runner = startJobRunner({
      ctx,
      config: { rawRetentionDays: 90, rollupRetentionDays: 730 },
      logger: silentLogger,
      timer,
      tickMs: 60_000,
      batchPauseMs: 0,
    });
    const idle = () => timer.pendingCount === 1; // the next tick is scheduled
    await timer.advanceAsync(0);
    await waitFor(async () => idle() && (await finishedSlots('rollup-hour:')).length === 1);
    expect(await hourRow(monitorId, DAY0)).toBeDefined();

    // A minute later the next pass finds nothing due: 01:00 is rolled up after 02:05.
    await timer.advanceAsync(60_000);
    await waitFor(async () => idle());
    expect(await finishedSlots('rollup-hour:')).toHaveLength(1);

    timer.set(DAY0 + 2 * HOUR_MS + 6 * MIN);
    await timer.advanceAsync(0);
    await waitFor(async () => idle() && (await finishedSlots('rollup-hour:')).length === 2);
    await runner.stop();
    expect(timer.pendingCount).toBe(0);
    timer.set(DAY0 + 5 * HOUR_MS);
    await timer.advanceAsync(60_000);
    expect(await finishedSlots('rollup-hour:')).toHaveLength(2);
  });
});

async function waitFor(condition: () => Promise<boolean>, timeoutMs = 10_000) {
  const start = Date.now();
  while (!(await condition())) {
    if (Date.now() - start > timeoutMs) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
