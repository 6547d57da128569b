import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Ctx, systemActor } from '../../src/domain/context.ts';
import { createContract, endContract } from '../../src/domain/contracts/change-contracts.ts';
import { setMonitorArchived, updateMonitor } from '../../src/domain/monitoring/monitors.ts';
import { phaseMs } from '../../src/domain/monitoring/schedule.ts';
import type { Engine } from '../../src/engine/engine.ts';
import { type ManualTimer, manualTimer } from '../../src/engine/timer.ts';
import { type LoopbackHttpServer, startHttpServer } from '../support/loopback/http-server.ts';
import { createTestDb, TEST_START_MS, type TestDb } from '../support/test-db.ts';
import { createHttpMonitor, createSiteFor, resultsOf, startTestEngine } from './fixtures.ts';

let testDb: TestDb;
let timer: ManualTimer;
let ctx: Ctx;
let server: LoopbackHttpServer;
const engines: Engine[] = [];

beforeEach(async () => {
  testDb = await createTestDb();
  timer = manualTimer(TEST_START_MS);
  ctx = { db: testDb.ctx.db, clock: timer };
  server = await startHttpServer((_req, res) => res.end('ok'));
});

afterEach(async () => {
  for (const e of engines.splice(0)) await e.stop(1_000);
  await server.close();
  await testDb.close();
});

async function engineOn(options?: Parameters<typeof startTestEngine>[2]) {
  const started = startTestEngine(ctx.db, timer, options);
  engines.push(started.engine);
  await started.engine.start();
  return started.engine;
}

/** Moves time in steps (the engine polls for changes every 3 s), letting the engine finish its work after each. */
async function travel(engine: Engine, ms: number, stepMs = 1_000) {
  for (let done = 0; done < ms; done += stepMs) {
    timer.advance(stepMs);
    await engine.whenIdle();
  }
}

function gaps(startedAts: number[]): number[] {
  return startedAts.slice(1).map((t, i) => Math.round((t - startedAts[i]!) / 1000));
}

describe('the engine follows changes in the database', () => {
  it('picks up a monitor created while running, follows its plan interval, and stops when it is archived', async () => {
    const engine = await engineOn();
    const { clientId, siteId } = await createSiteFor(ctx);
    const monitor = await createHttpMonitor(ctx, siteId, server.url('/'));
    await travel(engine, 600_000); // no plan: every 300 s
    const unplanned = (await resultsOf(ctx.db, monitor.id)).map((r) => r.started_at);
    expect(unplanned).toHaveLength(2);

    const contract = await createContract(ctx, systemActor, { clientId, planId: 'premium' });
    await travel(engine, 120_000); // Premium: every 30 s, from the next 30 s slot
    const premium = (await resultsOf(ctx.db, monitor.id)).map((r) => r.started_at).slice(2);
    expect(premium.length).toBeGreaterThanOrEqual(3);
    expect(gaps(premium).every((g) => g === 30)).toBe(true);

    await endContract(ctx, systemActor, contract.id);
    await updateMonitor(ctx, systemActor, monitor.id, { intervalS: 3600 });
    const changedAtMs = timer.now();
    await travel(engine, 2 * 3_600_000, 5_000);
    const hourly = (await resultsOf(ctx.db, monitor.id))
      .map((r) => r.started_at)
      .filter((t) => t > changedAtMs + 5_000);
    expect(hourly).toHaveLength(2);
    expect((hourly[0]! - phaseMs(monitor.id, 3_600_000)) % 3_600_000).toBe(0);
    expect(gaps(hourly)).toEqual([3600]);

    await setMonitorArchived(ctx, systemActor, monitor.id, true);
    const before = (await resultsOf(ctx.db, monitor.id)).length;
    await travel(engine, 10_000);
    timer.advance(3_600_000);
    await engine.whenIdle();
    expect((await resultsOf(ctx.db, monitor.id)).length).toBe(before);
    expect(engine.stats().monitors).toBe(0);
  });

  it('keeps to checksPerHost in flight against one host, and still checks every monitor', async () => {
    let open = 0;
    let peak = 0;
    const slow = await startHttpServer((_req, res) => {
      open += 1;
      peak = Math.max(peak, open);
      setTimeout(() => {
        open -= 1;
        res.end('slow');
      }, 30);
    });
    try {
      const { clientId, siteId } = await createSiteFor(ctx);
      await createContract(ctx, systemActor, { clientId, planId: 'premium' });
      const monitors = [];
      for (let i = 0; i < 12; i++) monitors.push(await createHttpMonitor(ctx, siteId, slow.url(`/m${i}`)));
      // One synchronous advance fires all twelve slots before any answer comes back: all want to run at once.
      await ctx.db.updateTable('monitors').set({ interval_s: 30 }).execute();
      const engine = await engineOn({ checksPerHost: 2 });
      timer.advance(30_000);
      await engine.whenIdle();
      expect(peak).toBeLessThanOrEqual(2);
      for (const m of monitors) expect(await resultsOf(ctx.db, m.id)).toHaveLength(1);
    } finally {
      await slow.close();
    }
  });
});
