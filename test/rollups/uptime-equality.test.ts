import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { siteMaintenanceIntervals } from '../../src/domain/monitoring/maintenance-windows.ts';
import {
  monitorsUptime,
  monitorUptime,
  recentUptime,
  type UptimeReport,
} from '../../src/domain/monitoring/monitor-stats.ts';
import { rollupDay, rollupHour } from '../../src/domain/monitoring/rollups.ts';
import { changesReflectedBefore, rolledPeriods } from '../../src/domain/monitoring/rollups-ledger.ts';
import { monitorsWithRecentChanges } from '../../src/domain/monitoring/rollups-refresh.ts';
import { loadMonitorRefs } from '../../src/domain/monitoring/rollups-sources.ts';
import { ceilHour, DAY_MS, floorHour, HOUR_MS } from '../../src/domain/monitoring/rollups-time.ts';
import { computeUptime } from '../../src/domain/monitoring/uptime.ts';
import { createTestDb, type TestDb } from '../support/test-db.ts';
import { seededRandom, testRunner } from './fixtures.ts';
import { type Simulation, simulate } from './simulation.ts';

// THE rollup test of issue 3: uptime and check counts read through rollups equal those computed
// from raw results and incidents alone, for random windows over a randomized two-day history.

const MIN = 60_000;

/** Uptime from raw data only: incidents, maintenance windows and check_results over the monitored span. */
async function rawReport(db: TestDb, monitorId: string, fromMs: number, toMs: number): Promise<UptimeReport> {
  const m = await db.ctx.db
    .selectFrom('monitors')
    .innerJoin('sites', 'sites.id', 'monitors.site_id')
    .select(['monitors.created_at', 'monitors.archived_at', 'monitors.site_id', 'sites.client_id'])
    .where('monitors.id', '=', monitorId)
    .executeTakeFirstOrThrow();
  const end = Math.max(fromMs, Math.min(toMs, db.clock.now()));
  const a = Math.max(fromMs, floorHour(Number(m.created_at)));
  const b = Math.min(end, m.archived_at === null ? Number.POSITIVE_INFINITY : ceilHour(Number(m.archived_at)));
  const checks = { total: 0, up: 0, degraded: 0, down: 0 };
  const base = { fromMs, toMs: end, checks };
  if (a >= b) return { ...base, windowMs: 0, downtimeMs: 0, excludedMs: 0, uptimeRatio: null };
  const incidents = await db.ctx.db
    .selectFrom('incidents')
    .select(['started_at', 'resolved_at'])
    .where('monitor_id', '=', monitorId)
    .execute();
  const maintenance = await siteMaintenanceIntervals(db.ctx.db, { id: m.site_id, clientId: m.client_id }, a, b);
  const figures = computeUptime(
    a,
    b,
    incidents.map((i) => ({
      startedAt: Number(i.started_at),
      resolvedAt: i.resolved_at === null ? null : Number(i.resolved_at),
    })),
    maintenance,
  );
  const results = await db.ctx.db
    .selectFrom('check_results')
    .select('outcome')
    .where('monitor_id', '=', monitorId)
    .where('started_at', '>=', a)
    .where('started_at', '<', b)
    .execute();
  for (const r of results) {
    checks.total++;
    checks[r.outcome]++;
  }
  return { ...base, ...figures };
}

function randomWindows(seed: number, startMs: number, endMs: number, count: number) {
  const rng = seededRandom(seed * 7919);
  const span = endMs - startMs;
  const windows: Array<{ fromMs: number; toMs: number }> = [
    { fromMs: startMs - HOUR_MS, toMs: endMs + HOUR_MS },
    { fromMs: floorHour(startMs) + DAY_MS - (floorHour(startMs) % DAY_MS), toMs: endMs },
    { fromMs: endMs - 24 * HOUR_MS, toMs: endMs },
  ];
  for (let i = 0; i < count; i++) {
    const fromMs = startMs - 2 * HOUR_MS + Math.floor(rng.next() * (span + 2 * HOUR_MS));
    const lengthMs =
      rng.pick([rng.int(1, 59) * MIN, rng.int(1, 30) * HOUR_MS, rng.int(1, 50 * 60) * MIN]) + rng.int(0, 59_999);
    const aligned = rng.next() < 0.3;
    windows.push(
      aligned
        ? { fromMs: floorHour(fromMs), toMs: floorHour(fromMs + lengthMs) + HOUR_MS }
        : { fromMs, toMs: fromMs + lengthMs },
    );
  }
  return windows;
}

async function expectSameAsRaw(db: TestDb, monitorIds: string[], windows: Array<{ fromMs: number; toMs: number }>) {
  for (const id of monitorIds) {
    for (const w of windows) {
      const viaRollups = await monitorUptime(db.ctx, id, w.fromMs, w.toMs);
      expect(viaRollups, `${id} ${new Date(w.fromMs).toISOString()} → ${new Date(w.toMs).toISOString()}`).toEqual(
        await rawReport(db, id, w.fromMs, w.toMs),
      );
    }
  }
  // The batch read for a monitors list agrees with the one-by-one read.
  const batch = await monitorsUptime(db.ctx, monitorIds, windows.slice(0, 8));
  for (const id of monitorIds) {
    for (const [i, w] of windows.slice(0, 8).entries()) {
      expect(batch.get(id)?.[i]).toEqual(await monitorUptime(db.ctx, id, w.fromMs, w.toMs));
    }
  }
  const recent = await recentUptime(db.ctx, monitorIds);
  const now = db.clock.now();
  for (const id of monitorIds) {
    expect(recent.get(id)?.uptime24h).toEqual((await rawReport(db, id, now - DAY_MS, now)).uptimeRatio);
    expect(recent.get(id)?.uptime7d).toEqual((await rawReport(db, id, now - 7 * DAY_MS, now)).uptimeRatio);
  }
}

const SEEDS = (process.env.ROLLUP_TEST_SEEDS ?? '1,2,3').split(',').map(Number);

// One simulated history per seed, shared by the tests below in order (the last one deletes data).
describe.each(SEEDS)('rollups vs raw data (seed %i)', (seed) => {
  let db: TestDb;
  let sim: Simulation;
  beforeAll(async () => {
    db = await createTestDb(Date.UTC(2026, 2, 2, 0, 17) + seed * 7 * MIN);
    sim = await simulate(db, seed);
  });
  afterAll(async () => {
    await db.close();
  });

  it('give the same uptime, downtime, excluded time and check counts for random windows', async () => {
    // The rollups cover the history: every finished hour but the last (it settles first).
    const rolled = await rolledPeriods(db.ctx.db, { startMs: sim.startMs, endMs: sim.endMs });
    expect(rolled.hours.size).toBeGreaterThanOrEqual(47);
    expect(rolled.days.size).toBeGreaterThanOrEqual(1);
    // Right at the end some incidents changed after their hours were rolled up.
    await expectSameAsRaw(db, sim.monitorIds, randomWindows(seed, sim.startMs, sim.endMs, 20));

    // Three hours later every late change is in the rollups, and known to be (changesReflectedBefore
    // keeps an hour of margin): no monitor needs its incidents read directly any more.
    db.clock.set(sim.endMs + 3 * HOUR_MS + 10 * MIN);
    await testRunner(db.ctx).runOnce();
    const refs = await loadMonitorRefs(db.ctx.db, { ids: sim.monitorIds });
    expect(await monitorsWithRecentChanges(db.ctx.db, refs, (await changesReflectedBefore(db.ctx.db)) ?? 0)).toEqual(
      new Set(),
    );
    await expectSameAsRaw(db, sim.monitorIds, randomWindows(seed + 50, sim.startMs, sim.endMs, 20));
  });

  it('kept every late change: recomputing all rollups from scratch gives the same rows', async () => {
    const snapshot = () =>
      db.ctx.db
        .selectFrom('check_rollups')
        .selectAll()
        .orderBy('monitor_id')
        .orderBy('period')
        .orderBy('period_start')
        .execute();
    const before = await snapshot();
    expect(before.some((r) => Number(r.downtime_ms) > 0)).toBe(true);
    expect(before.some((r) => Number(r.maintenance_ms) > 0)).toBe(true);
    const rolled = await rolledPeriods(db.ctx.db, { startMs: sim.startMs, endMs: db.clock.now() });
    for (const h of [...rolled.hours].sort((x, y) => x - y)) await rollupHour(db.ctx.db, h, db.clock.now());
    for (const d of rolled.days) await rollupDay(db.ctx.db, d);
    expect(await snapshot()).toEqual(before);
  });

  it('answer from the rollups once raw results of rolled-up hours are gone', async () => {
    const rolled = await rolledPeriods(db.ctx.db, { startMs: sim.startMs, endMs: db.clock.now() });
    const lastRolledEnd = Math.max(...rolled.hours) + HOUR_MS;
    const firstRolled = Math.min(...rolled.hours);
    const windows = randomWindows(seed + 300, sim.startMs, sim.endMs, 10)
      .map((w) => ({
        fromMs: Math.max(firstRolled, floorHour(w.fromMs)),
        toMs: Math.min(lastRolledEnd, ceilHour(w.toMs)),
      }))
      .filter((w) => w.toMs > w.fromMs);
    const expected = [];
    for (const id of sim.monitorIds) for (const w of windows) expected.push(await rawReport(db, id, w.fromMs, w.toMs));
    await db.ctx.db.deleteFrom('check_results').where('started_at', '<', lastRolledEnd).execute();
    const actual = [];
    for (const id of sim.monitorIds)
      for (const w of windows) actual.push(await monitorUptime(db.ctx, id, w.fromMs, w.toMs));
    expect(actual).toEqual(expected);
    expect(actual.some((r) => r.checks.total > 0)).toBe(true);
  });
});
