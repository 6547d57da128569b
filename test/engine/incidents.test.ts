import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Ctx } from '../../src/domain/context.ts';
import { systemActor } from '../../src/domain/context.ts';
import { resolveIncidentManually } from '../../src/domain/incidents/incident-actions.ts';
import { nextDueAt, phaseMs } from '../../src/domain/monitoring/schedule.ts';
import type { Engine } from '../../src/engine/engine.ts';
import { type ManualTimer, manualTimer } from '../../src/engine/timer.ts';
import { type LoopbackHttpServer, startHttpServer } from '../support/loopback/http-server.ts';
import { createTestDb, TEST_START_MS, type TestDb } from '../support/test-db.ts';
import {
  advanceAndSettle,
  createHttpMonitor,
  createSiteFor,
  incidentsOf,
  resultsOf,
  startTestEngine,
} from './fixtures.ts';

const INTERVAL_MS = 300_000; // no plan: every 300 s

let testDb: TestDb;
let timer: ManualTimer;
let ctx: Ctx;
let server: LoopbackHttpServer;
let status = 200;
/** When set, the server holds the answer to request number `holdNth` until released. */
let hold: { nth: number; release: Promise<void> } | null = null;
const engines: Engine[] = [];

beforeEach(async () => {
  testDb = await createTestDb();
  timer = manualTimer(TEST_START_MS);
  ctx = { db: testDb.ctx.db, clock: timer };
  status = 200;
  hold = null;
  server = await startHttpServer(async (_req: IncomingMessage, res: ServerResponse) => {
    const current = hold;
    if (current && server.requests.length === current.nth) await current.release;
    res.statusCode = status;
    res.end(status === 200 ? 'fine' : 'broken');
  });
});

afterEach(async () => {
  for (const e of engines.splice(0)) await e.stop(1_000);
  await server.close();
  await testDb.close();
});

async function setup(policy: Parameters<typeof createHttpMonitor>[3] = {}, engineCount = 1) {
  const { siteId } = await createSiteFor(ctx);
  const monitor = await createHttpMonitor(ctx, siteId, server.url('/health'), policy);
  const started = Array.from({ length: engineCount }, () => startTestEngine(ctx.db, timer));
  for (const s of started) {
    engines.push(s.engine);
    await s.engine.start();
  }
  const firstDueMs = nextDueAt(timer.now() - 1, INTERVAL_MS, phaseMs(monitor.id, INTERVAL_MS));
  return { monitor, started, firstDueMs };
}

async function waitFor(check: () => boolean, timeoutMs = 5_000) {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 5));
  }
}

describe('incidents from checks (real HTTP on loopback, injected clock)', () => {
  it('re-checks a first failure at once; the incident starts at the first failure and is detected at the confirmation', async () => {
    const { monitor, started, firstDueMs } = await setup();
    status = 500;
    let release!: () => void;
    hold = { nth: 2, release: new Promise<void>((r) => (release = r)) };
    timer.advance(firstDueMs - timer.now());
    await waitFor(() => server.requests.length === 2);
    timer.advance(5_000); // the confirmation takes 5 s to answer
    release();
    await started[0]!.engine.whenIdle();

    const results = await resultsOf(ctx.db, monitor.id);
    expect(results.map((r) => [r.outcome, r.is_confirmation, r.http_status, r.error_class])).toEqual([
      ['down', 0, 500, 'status'],
      ['down', 1, 500, 'status'],
    ]);
    expect(results[0]!.started_at).toBe(firstDueMs);
    const [incident, ...others] = await incidentsOf(ctx.db, monitor.id);
    expect(others).toEqual([]);
    expect(incident).toMatchObject({ status: 'open', started_at: firstDueMs, detected_at: firstDueMs + 5_000 });
    expect(started[0]!.incidentEvents()).toEqual([
      { kind: 'incident_opened', monitorId: monitor.id, incidentId: incident!.id, atMs: firstDueMs + 5_000 },
    ]);
    const row = await ctx.db.selectFrom('monitors').selectAll().where('id', '=', monitor.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'down', consecutive_failures: 2, streak_since: firstDueMs });
  });

  it('opens after N failures and closes after M good checks, resolved at the first good one', async () => {
    const { monitor, started, firstDueMs } = await setup({ failureThreshold: 3, recoveryThreshold: 2 });
    const engine = started[0]!.engine;
    status = 500;
    await advanceAndSettle(timer, [engine], firstDueMs - timer.now());
    expect(await incidentsOf(ctx.db, monitor.id)).toEqual([]); // failure + confirmation = 2 of 3
    await advanceAndSettle(timer, [engine], INTERVAL_MS);
    const opened = await incidentsOf(ctx.db, monitor.id);
    expect(opened).toMatchObject([{ status: 'open', started_at: firstDueMs, detected_at: firstDueMs + INTERVAL_MS }]);

    status = 200;
    await advanceAndSettle(timer, [engine], INTERVAL_MS);
    expect((await incidentsOf(ctx.db, monitor.id))[0]!.status).toBe('open'); // 1 of 2 good checks
    await advanceAndSettle(timer, [engine], INTERVAL_MS);
    const [resolved] = await incidentsOf(ctx.db, monitor.id);
    expect(resolved).toMatchObject({ status: 'resolved', resolved_at: firstDueMs + 2 * INTERVAL_MS });
    expect(started[0]!.incidentEvents().map((e) => e.kind)).toEqual(['incident_opened', 'incident_resolved']);
    const results = await resultsOf(ctx.db, monitor.id);
    expect(results.map((r) => `${r.outcome}${r.is_confirmation ? '*' : ''}`)).toEqual([
      'down',
      'down*',
      'down',
      'up',
      'up',
    ]);
  });

  it('reopens a flapping outage within the grace period instead of opening a new incident', async () => {
    const { monitor, started, firstDueMs } = await setup({ flapGraceS: 600 });
    const engine = started[0]!.engine;
    status = 500;
    await advanceAndSettle(timer, [engine], firstDueMs - timer.now());
    status = 200;
    await advanceAndSettle(timer, [engine], INTERVAL_MS);
    status = 500;
    await advanceAndSettle(timer, [engine], INTERVAL_MS); // 300 s after the resolution: within 600 s
    const incidents = await incidentsOf(ctx.db, monitor.id);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]).toMatchObject({ status: 'open', reopen_count: 1, started_at: firstDueMs });
    expect(started[0]!.incidentEvents().map((e) => e.kind)).toEqual([
      'incident_opened',
      'incident_resolved',
      'incident_reopened',
    ]);

    // Resolved again, then down once the grace has passed: a new outage, a new incident.
    status = 200;
    await advanceAndSettle(timer, [engine], INTERVAL_MS);
    await advanceAndSettle(timer, [engine], 3 * INTERVAL_MS);
    status = 500;
    await advanceAndSettle(timer, [engine], INTERVAL_MS);
    const after = await incidentsOf(ctx.db, monitor.id);
    expect(after.map((i) => i.status)).toEqual(['resolved', 'open']);
    expect(after[1]!.started_at).toBe(firstDueMs + 7 * INTERVAL_MS);
  });

  it('two engines evaluating the same monitor produce one incident, one resolution', async () => {
    const { monitor, started, firstDueMs } = await setup({}, 2);
    const both = started.map((s) => s.engine);
    status = 500;
    await advanceAndSettle(timer, both, firstDueMs - timer.now());
    expect(server.requests.length).toBe(4); // each engine: check + confirmation
    const incidents = await incidentsOf(ctx.db, monitor.id);
    expect(incidents).toHaveLength(1);
    const opened = started.flatMap((s) => s.incidentEvents()).filter((e) => e.kind === 'incident_opened');
    expect(opened).toHaveLength(1);

    status = 200;
    await advanceAndSettle(timer, both, INTERVAL_MS);
    expect((await incidentsOf(ctx.db, monitor.id)).map((i) => i.status)).toEqual(['resolved']);
    const resolvedEvents = await ctx.db
      .selectFrom('incident_events')
      .select('kind')
      .where('incident_id', '=', incidents[0]!.id)
      .where('kind', '=', 'resolved')
      .execute();
    expect(resolvedEvents).toHaveLength(1);
    const resolved = started.flatMap((s) => s.incidentEvents()).filter((e) => e.kind === 'incident_resolved');
    expect(resolved).toHaveLength(1);
  });

  it('after a person resolves an incident while the site is still down, the next failure is a new outage', async () => {
    const { monitor, started, firstDueMs } = await setup();
    const engine = started[0]!.engine;
    status = 500;
    await advanceAndSettle(timer, [engine], firstDueMs - timer.now());
    const [first] = await incidentsOf(ctx.db, monitor.id);
    timer.advance(60_000);
    await resolveIncidentManually(ctx, systemActor, first!.id, { note: 'false alarm' });
    await engine.pollNow();
    await advanceAndSettle(timer, [engine], INTERVAL_MS - 60_000);
    const incidents = await incidentsOf(ctx.db, monitor.id);
    expect(incidents.map((i) => i.status)).toEqual(['resolved', 'open']);
    expect(incidents[1]!.started_at).toBe(firstDueMs + INTERVAL_MS);
  });
});
