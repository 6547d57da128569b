import pino from 'pino';
import { createClient } from '../../src/domain/clients/clients.ts';
import { type Ctx, systemActor } from '../../src/domain/context.ts';
import { createContract } from '../../src/domain/contracts/change-contracts.ts';
import { createMonitor } from '../../src/domain/monitoring/monitors.ts';
import { createSite } from '../../src/domain/sites/sites.ts';
import { createEngine, type Engine } from '../../src/engine/engine.ts';
import { createEngineEvents, type EngineEvent } from '../../src/engine/events.ts';
import type { Timer } from '../../src/engine/timer.ts';
import type { Db } from '../../src/storage/schema.ts';

/** A client with one site (and, with `plan`, a live contract on that plan). */
export async function createSiteFor(ctx: Ctx, options: { plan?: 'basic' | 'standard' | 'premium' } = {}) {
  const client = await createClient(ctx, systemActor, { name: `Client ${Math.random().toString(36).slice(2, 8)}` });
  const site = await createSite(ctx, systemActor, { clientId: client.id, url: 'https://client.example' });
  if (options.plan) await createContract(ctx, systemActor, { clientId: client.id, planId: options.plan });
  return { clientId: client.id, siteId: site.id };
}

export async function createHttpMonitor(
  ctx: Ctx,
  siteId: string,
  url: string,
  policy: { failureThreshold?: number; recoveryThreshold?: number; flapGraceS?: number; intervalS?: number } = {},
) {
  const { monitor } = await createMonitor(ctx, systemActor, {
    siteId,
    kind: 'http',
    config: { url, timeoutMs: 5_000 },
    ...policy,
  });
  return monitor;
}

/** An engine on the test database with a recording event listener. */
export function startTestEngine(db: Db, timer: Timer, options: { checksPerHost?: number; concurrency?: number } = {}) {
  const events: EngineEvent[] = [];
  const bus = createEngineEvents((err) => {
    throw err;
  });
  bus.on((e) => events.push(e));
  const engine: Engine = createEngine({
    db,
    timer,
    events: bus,
    location: 'test',
    checkConcurrency: options.concurrency ?? 50,
    checksPerHost: options.checksPerHost ?? 6,
    // Errors the engine survives (and logs) still show up in the test output.
    logger: pino({ level: 'error' }, pino.destination(2)),
  });
  return { engine, events, incidentEvents: () => events.filter((e) => e.kind.startsWith('incident_')) };
}

export async function resultsOf(db: Db, monitorId: string) {
  return db.selectFrom('check_results').selectAll().where('monitor_id', '=', monitorId).orderBy('started_at').execute();
}

export async function incidentsOf(db: Db, monitorId: string) {
  return db.selectFrom('incidents').selectAll().where('monitor_id', '=', monitorId).orderBy('started_at').execute();
}

/** Runs the schedule forward by `ms` and waits until every check it started is recorded. */
export async function advanceAndSettle(timer: { advance(ms: number): void }, engines: Engine[], ms: number) {
  timer.advance(ms);
  for (const engine of engines) await engine.whenIdle();
}
