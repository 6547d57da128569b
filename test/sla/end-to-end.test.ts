import type { IncomingMessage, ServerResponse } from 'node:http';
import pino from 'pino';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { fixedClock } from '../../src/clock.ts';
import { createClient } from '../../src/domain/clients/clients.ts';
import { type Ctx, systemActor } from '../../src/domain/context.ts';
import { createContract } from '../../src/domain/contracts/change-contracts.ts';
import { nextDueAt, phaseMs } from '../../src/domain/monitoring/schedule.ts';
import { createSite } from '../../src/domain/sites/sites.ts';
import { monthlyCompliance } from '../../src/domain/sla/compliance.ts';
import { slaForIncidents } from '../../src/domain/sla/load-sla.ts';
import { createEngine, type Engine } from '../../src/engine/engine.ts';
import { type ManualTimer, manualTimer } from '../../src/engine/timer.ts';
import { createHttpMonitor, incidentsOf } from '../engine/fixtures.ts';
import { type LoopbackHttpServer, startHttpServer } from '../support/loopback/http-server.ts';
import { createTestDb, type TestDb } from '../support/test-db.ts';
import { at, MIN } from './fixtures.ts';

// On the real engine (scheduler, runner, result writer, incident lifecycle) with an injected
// clock and real HTTP on loopback: the same 40-minute outage on a Premium site (30 min first
// response, 24/7) and on a Basic one (4 business hours), then the month's compliance.

let t: TestDb;
let timer: ManualTimer;
let server: LoopbackHttpServer;
let engine: Engine | undefined;
const down = new Set<string>();

beforeEach(async () => {
  t = await createTestDb(at('2026-03-20T12:00:00Z'));
  down.clear();
  server = await startHttpServer((req: IncomingMessage, res: ServerResponse) => {
    res.statusCode = down.has(req.url ?? '') ? 503 : 200;
    res.end(res.statusCode === 200 ? 'fine' : 'down');
  });
});

afterEach(async () => {
  await engine?.stop(1_000);
  engine = undefined;
  await server.close();
  await t.close();
});

/** A client in Madrid on a plan, with one site checked at `path` (monitored since March 20th). */
async function clientOn(plan: 'basic' | 'premium', path: string, billingPeriod: 'monthly' | 'annual') {
  const ctx = t.ctx;
  const client = await createClient(ctx, systemActor, { name: plan, timeZone: 'Europe/Madrid', currency: 'EUR' });
  await createContract(ctx, systemActor, { clientId: client.id, planId: plan, billingPeriod });
  const site = await createSite(ctx, systemActor, { clientId: client.id, url: `https://${plan}.example` });
  const monitor = await createHttpMonitor(ctx, site.id, server.url(path));
  return { clientId: client.id, monitorId: monitor.id };
}

const settle = () => engine?.whenIdle() ?? Promise.resolve();
const runUntil = (ms: number) => timer.advanceAsync(ms - timer.now(), settle);

async function clocksOf(ctx: Ctx, monitorId: string) {
  const [incident] = await incidentsOf(ctx.db, monitorId);
  const sla = (await slaForIncidents(ctx.db, [incident!], timer.now())).get(incident!.id)!;
  return Object.fromEntries(sla.clocks.map((c) => [c.metric, c]));
}

it('a 40-minute outage breaches Premium’s 30-minute first response but not Basic’s 4 business hours; the month matches a hand computation', {
  timeout: 120_000,
}, async () => {
  const premium = await clientOn('premium', '/premium', 'annual');
  const basic = await clientOn('basic', '/basic', 'monthly');
  timer = manualTimer(at('2026-04-06T09:30:00Z')); // a Monday
  const ctx: Ctx = { db: t.ctx.db, clock: timer };
  engine = createEngine({
    db: t.ctx.db,
    timer,
    location: 'test',
    checkConcurrency: 10,
    checksPerHost: 6,
    pollIntervalMs: 60_000,
    flushIntervalMs: 30_000,
    logger: pino({ level: 'error' }, pino.destination(2)),
  });
  await engine.start();
  await runUntil(at('2026-04-06T10:00:00Z'));

  // Checks run on a fixed grid per monitor (30 s on Premium, 180 s on Basic), so the outage is seen
  // from the first check after it starts to the first check after it ends.
  const premiumPhase = phaseMs(premium.monitorId, 30_000);
  const basicPhase = phaseMs(basic.monitorId, 180_000);
  const downAt = at('2026-04-06T10:00:00Z');
  const upAt = at('2026-04-06T10:40:00Z');
  const premiumStart = nextDueAt(downAt, 30_000, premiumPhase);
  const premiumEnd = nextDueAt(upAt, 30_000, premiumPhase);
  const basicStart = nextDueAt(downAt, 180_000, basicPhase);
  const basicEnd = nextDueAt(upAt, 180_000, basicPhase);
  down.add('/premium');
  down.add('/basic');

  await runUntil(premiumStart + 30 * MIN);
  const atTarget = await clocksOf(ctx, premium.monitorId);
  expect(atTarget.first_response).toMatchObject({
    state: 'running',
    elapsedMs: 30 * MIN,
    dueAt: premiumStart + 30 * MIN,
  });
  await runUntil(premiumStart + 30 * MIN + 30_000);
  const past = await clocksOf(ctx, premium.monitorId);
  expect(past.first_response).toMatchObject({ state: 'breached', met: false, stoppedAt: null });
  expect((await clocksOf(ctx, basic.monitorId)).first_response).toMatchObject({ state: 'running', met: null });

  await runUntil(upAt);
  down.clear();
  await runUntil(at('2026-04-06T11:00:00Z'));
  const [premiumIncident] = await incidentsOf(ctx.db, premium.monitorId);
  const [basicIncident] = await incidentsOf(ctx.db, basic.monitorId);
  expect(premiumIncident).toMatchObject({
    started_at: premiumStart,
    detected_at: premiumStart,
    resolved_at: premiumEnd,
  });
  expect(premiumEnd - premiumStart).toBe(40 * MIN);
  expect(basicIncident).toMatchObject({ started_at: basicStart, resolved_at: basicEnd });

  // Nobody acknowledged: first response stops at the recovery, 40 min after detection.
  const premiumClocks = await clocksOf(ctx, premium.monitorId);
  expect(premiumClocks.first_response).toMatchObject({ state: 'breached', elapsedMs: 40 * MIN, marginMs: -10 * MIN });
  expect(premiumClocks.resolution).toMatchObject({ state: 'met', elapsedMs: 40 * MIN });
  // Basic: the whole outage fell in Monday's business hours (09:00–18:00) and stayed under 4 h.
  const basicClocks = await clocksOf(ctx, basic.monitorId);
  expect(basicClocks.first_response).toMatchObject({ state: 'met', elapsedMs: basicEnd - basicStart });
  expect(basicClocks.resolution).toMatchObject({ state: 'met' });

  // April in Madrid is 30 days (43 200 min), all monitored. The figures if nothing else happened:
  const atMonthEnd = { db: ctx.db, clock: fixedClock(at('2026-05-01T00:00:00Z')) };
  const april = async () => {
    const report = await monthlyCompliance(atMonthEnd, systemActor, { month: '2026-04' });
    return Object.fromEntries(report.clients.map((c) => [c.clientId, c]));
  };
  const first = await april();
  // 43 160 / 43 200 = 99.9074 %: kept, no credit.
  expect(first[premium.clientId]).toMatchObject({
    sites: [{ windowMs: 43_200 * MIN, downtimeMs: 40 * MIN, uptimePercent: '99.907', keepsCommitment: true }],
    firstResponse: { met: 0, breached: 1, withinTargetPercent: '0.0' },
    resolution: { met: 1, breached: 0, withinTargetPercent: '100.0' },
    fee: [{ currency: 'EUR', amountMinor: 54_000 }], // 6 480.00 a year ÷ 12
    credit: { steps: 0, creditBp: 0, amounts: [{ currency: 'EUR', amountMinor: 0 }] },
  });
  const basicDownMin = (basicEnd - basicStart) / MIN; // 39 or 42, by the monitor's phase
  const basicUp = Math.floor(((43_200 - basicDownMin) * 100_000) / 43_200);
  expect(first[basic.clientId]).toMatchObject({
    sites: [
      {
        downtimeMs: basicDownMin * MIN,
        uptimePercent: `${Math.floor(basicUp / 1000)}.${String(basicUp % 1000).padStart(3, '0')}`,
      },
    ],
    firstResponse: { met: 1, breached: 0, withinTargetPercent: '100.0' },
    credit: null,
  });

  // A second outage of an hour on the Premium site: 100 min down in the month.
  await runUntil(at('2026-04-06T12:00:00Z'));
  down.add('/premium');
  await runUntil(at('2026-04-06T13:00:00Z'));
  down.clear();
  await runUntil(at('2026-04-06T13:05:00Z'));
  const second = nextDueAt(at('2026-04-06T12:00:00Z'), 30_000, premiumPhase);
  expect((await incidentsOf(ctx.db, premium.monitorId))[1]).toMatchObject({
    started_at: second,
    resolved_at: second + 120 * 30_000,
  });
  // 43 100 / 43 200 = 99.7685 %: 0.1315 % short of 99.9 % → 2 started steps of 0.1 % → 20 % of
  // 540.00 = 108.00.
  const after = await april();
  expect(after[premium.clientId]).toMatchObject({
    sites: [{ downtimeMs: 100 * MIN, uptimePercent: '99.768', keepsCommitment: false }],
    credit: { steps: 2, creditBp: 2000, amounts: [{ currency: 'EUR', amountMinor: 10_800 }] },
  });
  expect(JSON.stringify(await april())).toBe(JSON.stringify(after));
});
