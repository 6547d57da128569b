import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Ctx, systemActor } from '../../src/domain/context.ts';
import { createMonitor } from '../../src/domain/monitoring/monitors.ts';
import type { Engine } from '../../src/engine/engine.ts';
import type { EngineEvent } from '../../src/engine/events.ts';
import { type ManualTimer, manualTimer } from '../../src/engine/timer.ts';
import { createApp } from '../../src/http/app.ts';
import { createTestDb, TEST_START_MS, type TestDb } from '../support/test-db.ts';
import { createSiteFor, incidentsOf, resultsOf, startTestEngine } from './fixtures.ts';

const PERIOD_MS = 60_000;
const GRACE_MS = 30_000;

let testDb: TestDb;
let timer: ManualTimer;
let ctx: Ctx;
const engines: Engine[] = [];

beforeEach(async () => {
  testDb = await createTestDb();
  timer = manualTimer(TEST_START_MS);
  ctx = { db: testDb.ctx.db, clock: timer };
});

afterEach(async () => {
  for (const e of engines.splice(0)) await e.stop(1_000);
  await testDb.close();
});

async function heartbeat() {
  const { siteId } = await createSiteFor(ctx);
  const created = await createMonitor(ctx, systemActor, {
    siteId,
    kind: 'heartbeat',
    config: { periodS: PERIOD_MS / 1000, graceS: GRACE_MS / 1000 },
  });
  return { monitorId: created.monitor.id, token: created.heartbeatToken! };
}

function pingApp(events: EngineEvent[] = []) {
  const bus = { emit: (e: EngineEvent) => events.push(e), on: () => () => {}, hasListeners: true };
  return createApp({ ctx, logger: pino({ level: 'silent' }), engineEvents: bus });
}

async function engineOn() {
  const started = startTestEngine(ctx.db, timer);
  engines.push(started.engine);
  await started.engine.start();
  return started;
}

/** Moves time in small steps, letting the engine's database work finish after each. */
async function travel(engine: Engine, ms: number, stepMs = 5_000) {
  for (let done = 0; done < ms; done += stepMs) {
    timer.advance(Math.min(stepMs, ms - done));
    await engine.whenIdle();
  }
}

describe('heartbeat monitors', () => {
  it('answers pings at /hb/{token} without auth, keeps each ping as evidence, 404s unknown tokens', async () => {
    const { monitorId, token } = await heartbeat();
    const app = pingApp();
    timer.advance(10_000);
    const get = await app.request(`/hb/${token}`, { headers: { 'user-agent': 'cron/1' } });
    expect(get.status).toBe(200);
    expect(await get.json()).toEqual({ ok: true });
    timer.advance(1_000);
    const post = await app.request(`/hb/${token}`, { method: 'POST', body: 'backup done: 2.1 GB' });
    expect(post.status).toBe(200);
    const pings = await ctx.db
      .selectFrom('heartbeat_pings')
      .selectAll()
      .where('monitor_id', '=', monitorId)
      .orderBy('received_at')
      .execute();
    expect(pings.map((p) => [p.received_at - TEST_START_MS, p.user_agent, p.note])).toEqual([
      [10_000, 'cron/1', null],
      [11_000, null, 'backup done: 2.1 GB'],
    ]);
    const unknown = await app.request('/hb/hb_thisTokenDoesNotExistAnywhere000000000000', { method: 'POST' });
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).error.code).toBe('not_found');
    expect((await app.request('/hb/nonsense')).status).toBe(404);
  });

  it('no ping within period + grace is a failed check that opens an incident; the next ping resolves it', async () => {
    const { monitorId, token } = await heartbeat();
    const { engine, incidentEvents } = await engineOn();
    const routeEvents: EngineEvent[] = [];
    const app = pingApp(routeEvents);

    await travel(engine, 30_000);
    expect((await app.request(`/hb/${token}`)).status).toBe(200); // at +30 s: deadline moves to +120 s
    await travel(engine, 85_000); // +115 s: still fine
    expect(await incidentsOf(ctx.db, monitorId)).toEqual([]);
    await travel(engine, 10_000); // +125 s: missed
    const [incident] = await incidentsOf(ctx.db, monitorId);
    const deadlineMs = TEST_START_MS + 30_000 + PERIOD_MS + GRACE_MS;
    expect(incident).toMatchObject({ status: 'open', started_at: deadlineMs, cause_error_class: 'heartbeat_missed' });
    expect(incidentEvents().map((e) => e.kind)).toEqual(['incident_opened']);

    await travel(engine, PERIOD_MS); // another missed period: one more failed check, same incident
    const down = (await resultsOf(ctx.db, monitorId)).filter((r) => r.outcome === 'down');
    expect(down.map((r) => r.started_at)).toEqual([deadlineMs, deadlineMs + PERIOD_MS]);
    expect(await incidentsOf(ctx.db, monitorId)).toHaveLength(1);

    const pingAtMs = timer.now();
    expect((await app.request(`/hb/${token}`, { method: 'POST' })).status).toBe(200);
    const [resolved] = await incidentsOf(ctx.db, monitorId);
    expect(resolved).toMatchObject({ status: 'resolved', resolved_at: pingAtMs });
    expect(routeEvents.filter((e) => e.kind === 'incident_resolved')).toEqual([
      { kind: 'incident_resolved', monitorId, incidentId: incident!.id, atMs: pingAtMs },
    ]);
    await travel(engine, PERIOD_MS); // pinged: nothing new
    expect(await incidentsOf(ctx.db, monitorId)).toHaveLength(1);
    const monitor = await ctx.db
      .selectFrom('monitors')
      .selectAll()
      .where('id', '=', monitorId)
      .executeTakeFirstOrThrow();
    expect(monitor).toMatchObject({ status: 'up', last_ping_at: pingAtMs });
  });

  it('after Steward was down past a deadline, the job gets one full period from the restart', async () => {
    const { monitorId } = await heartbeat();
    timer.advance(10 * PERIOD_MS); // nobody was running: no engine saw the deadline pass
    const { engine } = await engineOn();
    await travel(engine, PERIOD_MS);
    expect(await incidentsOf(ctx.db, monitorId)).toEqual([]);
    await travel(engine, GRACE_MS + 5_000);
    expect(await incidentsOf(ctx.db, monitorId)).toMatchObject([
      { status: 'open', started_at: TEST_START_MS + 10 * PERIOD_MS + PERIOD_MS + GRACE_MS },
    ]);
  });

  it('two engines watching one heartbeat record each missed deadline once and open one incident', async () => {
    const { monitorId } = await heartbeat();
    const a = await engineOn();
    const b = await engineOn();
    for (let i = 0; i < 60; i++) {
      timer.advance(5_000);
      await Promise.all([a.engine.whenIdle(), b.engine.whenIdle()]);
    }
    const down = (await resultsOf(ctx.db, monitorId)).filter((r) => r.outcome === 'down');
    const firstDeadline = TEST_START_MS + PERIOD_MS + GRACE_MS;
    expect(down.map((r) => r.started_at - firstDeadline)).toEqual([0, 60_000, 120_000, 180_000]);
    expect(await incidentsOf(ctx.db, monitorId)).toHaveLength(1);
    expect([...a.incidentEvents(), ...b.incidentEvents()].map((e) => e.kind)).toEqual(['incident_opened']);
  });
});
