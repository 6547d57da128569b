import { systemActor } from '../../src/domain/context.ts';
import { resolveIncidentManually } from '../../src/domain/incidents/incident-actions.ts';
import { openIncident, resolveIncidentByCheck } from '../../src/domain/incidents/incident-lifecycle.ts';
import { archiveMaintenanceWindow, createMaintenanceWindow } from '../../src/domain/monitoring/maintenance-windows.ts';
import { setMonitorArchived } from '../../src/domain/monitoring/monitors.ts';
import { HOUR_MS } from '../../src/domain/monitoring/rollups-time.ts';
import type { CheckResultsTable } from '../../src/storage/schema.ts';
import type { TestDb } from '../support/test-db.ts';
import {
  addMonitor,
  addSite,
  createClientWithSite,
  resultRow,
  seededRandom,
  testRunner,
  writeResults,
} from './fixtures.ts';

// A two-day life of three monitors, replayed in time order with the clock following: results,
// outages whose incidents are confirmed and resolved late (across hours already rolled up),
// manual resolutions, maintenance windows (weekly in the client's zone, one-off, archived midway,
// entered after the fact), a monitor created midway and one archived. The job runner runs every
// 20 simulated minutes (the worker ticks every minute; coarser steps keep the test fast).

const MIN = 60_000;
type Rng = ReturnType<typeof seededRandom>;
type Event = { atMs: number; run: () => Promise<void> };

const iso = (ms: number) => new Date(ms).toISOString();
const hhmm = (rng: Rng) =>
  `${String(rng.int(0, 23)).padStart(2, '0')}:${String(rng.pick([0, 15, 20, 45])).padStart(2, '0')}`;

export type Simulation = { monitorIds: string[]; startMs: number; endMs: number };

export async function simulate(t: TestDb, seed: number): Promise<Simulation> {
  const rng = seededRandom(seed);
  const ctx = t.ctx;
  const startMs = t.clock.now();
  const endMs = startMs + 48 * HOUR_MS + rng.int(0, 50) * MIN;
  const { clientId, site } = await createClientWithSite(ctx, 'Europe/Madrid');
  const site2 = await addSite(ctx, clientId);
  const a = await addMonitor(ctx, site.id);
  const c = await addMonitor(ctx, site2.id);
  const events: Event[] = [];
  const monitorIds = [a.id, c.id];

  await createMaintenanceWindow(ctx, systemActor, {
    kind: 'weekly',
    clientId,
    title: 'Weekly updates',
    weekdays: [1, 2, 3, 4, 5, 6, 7],
    startLocal: hhmm(rng),
    durationMin: rng.int(20, 120),
  });
  const onceStart = startMs + rng.int(5 * 60, 20 * 60) * MIN + rng.int(0, 59_999);
  await createMaintenanceWindow(ctx, systemActor, {
    kind: 'once',
    clientId,
    siteId: site.id,
    title: 'Migration',
    startsAt: iso(onceStart),
    endsAt: iso(onceStart + rng.int(30, 300) * MIN),
  });
  const archivedLater = await createMaintenanceWindow(ctx, systemActor, {
    kind: 'once',
    clientId,
    title: 'Long window, cancelled midway',
    startsAt: iso(startMs + 19 * HOUR_MS),
    endsAt: iso(startMs + 35 * HOUR_MS),
  });
  events.push({
    atMs: startMs + rng.int(20 * 60, 30 * 60) * MIN,
    run: () => archiveMaintenanceWindow(ctx, systemActor, archivedLater.id),
  });
  events.push({
    atMs: startMs + 12 * HOUR_MS + rng.int(0, 59) * MIN,
    run: async () => {
      await createMaintenanceWindow(ctx, systemActor, {
        kind: 'weekly',
        clientId,
        siteId: site.id,
        title: 'Created midway: counts from now on',
        weekdays: [1, 2, 3, 4, 5, 6, 7],
        startLocal: hhmm(rng),
        durationMin: rng.int(30, 200),
      });
    },
  });
  const backdatedAt = startMs + rng.int(25 * 60, 40 * 60) * MIN;
  events.push({
    atMs: backdatedAt,
    run: async () => {
      await createMaintenanceWindow(ctx, systemActor, {
        kind: 'once',
        clientId,
        siteId: site2.id,
        title: 'Recorded after the fact',
        startsAt: iso(backdatedAt - rng.int(2 * 60, 10 * 60) * MIN),
        endsAt: iso(backdatedAt - rng.int(0, 60) * MIN),
      });
    },
  });

  // B is created midway; C is archived midway.
  const bCreatedAt = startMs + rng.int(3 * 60, 8 * 60) * MIN + rng.int(0, 59_999);
  const cArchivedAt = startMs + rng.int(30 * 60, 40 * 60) * MIN + rng.int(0, 59_999);
  events.push({ atMs: cArchivedAt, run: async () => void (await setMonitorArchived(ctx, systemActor, c.id, true)) });
  const results: CheckResultsTable[] = [];
  const monitorLife: Array<{ id: () => string; fromMs: number; toMs: number; everyMs: number; openAtEnd: boolean }> = [
    { id: () => a.id, fromMs: startMs, toMs: endMs, everyMs: 2 * MIN, openAtEnd: true },
    { id: () => c.id, fromMs: startMs, toMs: cArchivedAt, everyMs: 5 * MIN, openAtEnd: false },
  ];
  let bId = '';
  events.push({
    atMs: bCreatedAt,
    run: async () => {
      bId = (await addMonitor(ctx, site.id)).id;
      monitorIds.push(bId);
    },
  });
  monitorLife.push({ id: () => bId, fromMs: bCreatedAt, toMs: endMs, everyMs: 3 * MIN, openAtEnd: false });

  for (const life of monitorLife) planMonitor(rng, life, endMs, events, results, t);
  await replay(t, events, results, startMs, endMs);
  return { monitorIds, startMs, endMs };
}

/** Results every `everyMs` (with jitter) and outages: each becomes an incident confirmed and resolved late. */
function planMonitor(
  rng: Rng,
  life: { id: () => string; fromMs: number; toMs: number; everyMs: number; openAtEnd: boolean },
  endMs: number,
  events: Event[],
  results: CheckResultsTable[],
  t: TestDb,
) {
  const checks: number[] = [];
  for (let at = life.fromMs + rng.int(1_000, 50_000); at < life.toMs; at += life.everyMs)
    checks.push(at + rng.int(0, 999));
  const outages: Array<[number, number]> = [];
  for (let os = life.fromMs + rng.int(30, 240) * MIN; os < life.toMs - 6 * HOUR_MS; ) {
    const oe = os + rng.int(1, 150) * MIN;
    outages.push([os, oe]);
    os = oe + rng.int(4 * 60, 9 * 60) * MIN; // room for late writes before the next outage
  }
  if (life.openAtEnd) outages.push([endMs - rng.int(20, 90) * MIN, Number.POSITIVE_INFINITY]);
  const outcomeAt = (at: number) =>
    outages.some(([s, e]) => at >= s && at < e) ? 'down' : rng.next() < 0.1 ? 'degraded' : 'up';
  const plan = checks.map((at) => ({ at, outcome: outcomeAt(at) as CheckResultsTable['outcome'] }));
  events.push({
    atMs: life.fromMs,
    run: async () => {
      for (const p of plan)
        results.push(resultRow(life.id(), p.at, p.outcome, p.outcome === 'down' ? 10_000 : rng.int(5, 12_000)));
    },
  });
  for (const [os, oe] of outages) {
    const firstDown = checks.find((at) => at >= os && at < oe);
    if (firstDown === undefined) continue;
    const detectedAt = firstDown + rng.int(1, 80) * MIN;
    let incidentId = '';
    events.push({
      atMs: detectedAt,
      run: async () => {
        incidentId = (
          await openIncident(t.ctx.db, {
            monitorId: life.id(),
            startedAt: firstDown,
            detectedAt,
            errorClass: 'timeout',
            message: null,
          })
        ).id;
      },
    });
    const firstGood = checks.find((at) => at >= oe);
    if (firstGood === undefined) continue;
    const manual = rng.next() < 0.2;
    const writtenAt = Math.max(firstGood, detectedAt) + rng.int(1, 80) * MIN;
    events.push({
      atMs: writtenAt,
      run: async () => {
        if (manual) await resolveIncidentManually(t.ctx, systemActor, incidentId);
        else await resolveIncidentByCheck(t.ctx.db, incidentId, firstGood, writtenAt);
      },
    });
  }
}

/** Applies events in time order with the clock at each; writes due results and runs the jobs every 20 min. */
async function replay(t: TestDb, events: Event[], results: CheckResultsTable[], startMs: number, endMs: number) {
  const runner = testRunner(t.ctx);
  const sorted = events.filter((e) => e.atMs <= endMs).sort((x, y) => x.atMs - y.atMs);
  let next = 0;
  let written = 0;
  for (let step = startMs; ; step = Math.min(endMs, step + 20 * MIN)) {
    for (; next < sorted.length && (sorted[next]?.atMs ?? 0) <= step; next++) {
      t.clock.set(Math.max(t.clock.now(), sorted[next]?.atMs ?? 0));
      await sorted[next]?.run();
    }
    t.clock.set(step);
    results.sort((x, y) => x.started_at - y.started_at);
    const due = results.filter((r) => r.started_at <= step);
    await writeResults(t.ctx.db, due.slice(written));
    written = due.length;
    await runner.runOnce();
    if (step >= endMs) return;
  }
}
