import pino from 'pino';
import { createClient } from '../../src/domain/clients/clients.ts';
import { type Ctx, systemActor } from '../../src/domain/context.ts';
import { openIncident, resolveIncidentByCheck } from '../../src/domain/incidents/incident-lifecycle.ts';
import { createMonitor } from '../../src/domain/monitoring/monitors.ts';
import { insertCheckResults } from '../../src/domain/monitoring/record-results.ts';
import { createSite } from '../../src/domain/sites/sites.ts';
import { createJobRunner, type JobRunnerOptions } from '../../src/jobs/job-runner.ts';
import type { CheckResultsTable, Db, Executor } from '../../src/storage/schema.ts';

export const silentLogger = pino({ level: 'silent' });

/** A client (in `timeZone`) with one site; more sites with addSite. */
export async function createClientWithSite(ctx: Ctx, timeZone = 'UTC') {
  const client = await createClient(ctx, systemActor, {
    name: `Client ${Math.random().toString(36).slice(2, 8)}`,
    timeZone,
  });
  const site = await addSite(ctx, client.id);
  return { clientId: client.id, site };
}

export async function addSite(ctx: Ctx, clientId: string) {
  const site = await createSite(ctx, systemActor, {
    clientId,
    url: `https://s${Math.random().toString(36).slice(2, 10)}.example`,
  });
  return { id: site.id, clientId };
}

/** An HTTP monitor created now (ctx.clock). */
export async function addMonitor(ctx: Ctx, siteId: string) {
  const { monitor } = await createMonitor(ctx, systemActor, { siteId, kind: 'http', config: {} });
  return monitor;
}

/** A result row as the engine records it (record-results.ts). */
export function resultRow(
  monitorId: string,
  startedAt: number,
  outcome: CheckResultsTable['outcome'],
  totalMs: number,
  location = 'local',
): CheckResultsTable {
  const answered = outcome !== 'down';
  return {
    monitor_id: monitorId,
    started_at: startedAt,
    location,
    outcome,
    error_class: outcome === 'down' ? 'timeout' : outcome === 'degraded' ? 'too_slow' : null,
    http_status: answered ? 200 : null,
    dns_ms: answered ? 2 : null,
    connect_ms: answered ? 4 : null,
    tls_ms: answered ? 8 : null,
    first_byte_ms: answered ? Math.max(0, totalMs - 20) : null,
    total_ms: totalMs,
    message: null,
    is_confirmation: 0,
  };
}

export const writeResults = (db: Executor, rows: CheckResultsTable[]) => insertCheckResults(db, rows);

/** An incident through the lifecycle functions the engine uses; resolved when resolvedAt is given. */
export async function recordIncident(
  db: Executor,
  monitorId: string,
  times: { startedAt: number; detectedAt: number; resolvedAt?: number; resolveWrittenAt?: number },
) {
  const { id } = await openIncident(db, {
    monitorId,
    startedAt: times.startedAt,
    detectedAt: times.detectedAt,
    errorClass: 'timeout',
    message: null,
  });
  if (times.resolvedAt !== undefined) {
    await resolveIncidentByCheck(db, id, times.resolvedAt, times.resolveWrittenAt ?? times.resolvedAt);
  }
  return id;
}

/** A job runner for tests: no pauses, a fixed runner id. */
export function testRunner(ctx: Ctx, overrides: Partial<JobRunnerOptions> = {}) {
  return createJobRunner({
    ctx,
    config: { rawRetentionDays: 90, rollupRetentionDays: 730 },
    logger: silentLogger,
    batchPauseMs: 0,
    runnerId: 'runner-a',
    ...overrides,
  });
}

export async function countRows(db: Db, table: 'check_results' | 'check_rollups' | 'job_slots') {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** A small deterministic PRNG (mulberry32), so a failing seed can be replayed. */
export function seededRandom(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)] as T,
  };
}
