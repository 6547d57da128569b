import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/domain/context.ts';
import { addLatency, emptyHistogram, parseHistogram } from '../../src/domain/monitoring/latency-histogram.ts';
import { createMaintenanceWindow } from '../../src/domain/monitoring/maintenance-windows.ts';
import { setMonitorArchived } from '../../src/domain/monitoring/monitors.ts';
import { rollupDay, rollupHour } from '../../src/domain/monitoring/rollups.ts';
import { DAY_MS, HOUR_MS } from '../../src/domain/monitoring/rollups-time.ts';
import type { CheckRollupsTable } from '../../src/storage/schema.ts';
import { createTestDb, type TestDb } from '../support/test-db.ts';
import { addMonitor, createClientWithSite, recordIncident, resultRow, writeResults } from './fixtures.ts';

const DAY = Date.UTC(2026, 2, 2); // Monday 2026-03-02 00:00Z
const H9 = DAY + 9 * HOUR_MS;
const MIN = 60_000;
const iso = (ms: number) => new Date(ms).toISOString();

let t: TestDb;
beforeEach(async () => {
  t = await createTestDb(DAY);
});
afterEach(async () => {
  await t.close();
});

async function rollupRows(period: 'hour' | 'day') {
  return t.ctx.db
    .selectFrom('check_rollups')
    .selectAll()
    .where('period', '=', period)
    .orderBy('monitor_id')
    .orderBy('period_start')
    .execute();
}

const rowOf = (rows: CheckRollupsTable[], monitorId: string, start: number) =>
  rows.find((r) => r.monitor_id === monitorId && Number(r.period_start) === start);

describe('rollupHour', () => {
  it('counts results by outcome, sums answered latencies, and takes downtime from incidents minus maintenance', async () => {
    const { clientId, site } = await createClientWithSite(t.ctx);
    const a = await addMonitor(t.ctx, site.id);
    const b = await addMonitor(t.ctx, site.id);
    const answered = [12, 40, 40, 95, 480, 2600];
    await writeResults(t.ctx.db, [
      resultRow(a.id, H9 - 1, 'down', 999), // previous hour
      ...answered.map((ms, i) => resultRow(a.id, H9 + i * 5 * MIN, i === 5 ? 'degraded' : 'up', ms)),
      resultRow(a.id, H9 + 40 * MIN, 'down', 10_000),
      resultRow(a.id, H9 + 40 * MIN, 'down', 9_000, 'eu-west'), // same instant, another location
      resultRow(a.id, H9 + HOUR_MS, 'up', 1), // next hour
    ]);
    // A: an incident from 08:50 to 09:20 and maintenance 09:10–09:30 → 10 min down, 20 min excluded.
    await recordIncident(t.ctx.db, a.id, {
      startedAt: H9 - 10 * MIN,
      detectedAt: H9 - 9 * MIN,
      resolvedAt: H9 + 20 * MIN,
    });
    await createMaintenanceWindow(t.ctx, systemActor, {
      kind: 'once',
      clientId,
      siteId: site.id,
      title: 'Upgrade',
      startsAt: iso(H9 + 10 * MIN),
      endsAt: iso(H9 + 30 * MIN),
    });
    // B: an incident opened at 09:45 and still open: down to the end of the hour.
    await recordIncident(t.ctx.db, b.id, { startedAt: H9 + 45 * MIN, detectedAt: H9 + 46 * MIN });

    t.clock.set(H9 + 2 * HOUR_MS);
    expect(await rollupHour(t.ctx.db, H9, t.clock.now())).toBe(2);
    const rows = await rollupRows('hour');
    const ra = rowOf(rows, a.id, H9);
    expect(ra).toMatchObject({
      checks_total: 8,
      checks_up: 5,
      checks_degraded: 1,
      checks_down: 2,
      downtime_ms: 10 * MIN,
      maintenance_ms: 20 * MIN,
      latency_count: 6,
      latency_sum_ms: answered.reduce((s, v) => s + v, 0),
      latency_min_ms: 12,
      latency_max_ms: 2600,
    });
    expect(parseHistogram(ra?.latency_histogram)).toEqual(answered.reduce(addLatency, emptyHistogram()));
    expect(rowOf(rows, b.id, H9)).toMatchObject({
      checks_total: 0,
      downtime_ms: 15 * MIN,
      maintenance_ms: 20 * MIN, // the window is for the site, so both monitors
      latency_count: 0,
      latency_min_ms: null,
      latency_max_ms: null,
    });
  });

  it('is idempotent: running it again gives the same rows, and a late result replaces the row', async () => {
    const { site } = await createClientWithSite(t.ctx);
    const m = await addMonitor(t.ctx, site.id);
    await writeResults(t.ctx.db, [resultRow(m.id, H9 + MIN, 'up', 100), resultRow(m.id, H9 + 2 * MIN, 'down', 5000)]);
    await recordIncident(t.ctx.db, m.id, {
      startedAt: H9 + 2 * MIN,
      detectedAt: H9 + 3 * MIN,
      resolvedAt: H9 + 7 * MIN,
    });
    t.clock.set(H9 + HOUR_MS + 10 * MIN);
    await rollupHour(t.ctx.db, H9, t.clock.now());
    const first = await rollupRows('hour');
    await rollupHour(t.ctx.db, H9, t.clock.now());
    expect(await rollupRows('hour')).toEqual(first);
    expect(first).toHaveLength(1);

    await writeResults(t.ctx.db, [resultRow(m.id, H9 + 59 * MIN, 'up', 300)]);
    await rollupHour(t.ctx.db, H9, t.clock.now());
    const after = await rollupRows('hour');
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ checks_total: 3, checks_up: 2, latency_sum_ms: 400, downtime_ms: 5 * MIN });
  });

  it('refuses an hour that is not over, or not aligned', async () => {
    t.clock.set(H9 + 59 * MIN);
    await expect(rollupHour(t.ctx.db, H9, t.clock.now())).rejects.toThrow('not over');
    await expect(rollupHour(t.ctx.db, H9 + 1, t.clock.now())).rejects.toThrow('start of an hour');
  });

  it('gives a monitor rows from the hour it was created in to the hour it was archived in', async () => {
    const { site } = await createClientWithSite(t.ctx);
    t.clock.set(DAY + 2 * HOUR_MS + 30 * MIN);
    const m = await addMonitor(t.ctx, site.id); // created 02:30
    t.clock.set(DAY + 5 * HOUR_MS + 10 * MIN);
    await setMonitorArchived(t.ctx, systemActor, m.id, true); // archived 05:10
    t.clock.set(DAY + 8 * HOUR_MS);
    for (let h = DAY; h < DAY + 8 * HOUR_MS; h += HOUR_MS) await rollupHour(t.ctx.db, h, t.clock.now());
    const starts = (await rollupRows('hour')).map((r) => Number(r.period_start) - DAY);
    expect(starts).toEqual([2, 3, 4, 5].map((h) => h * HOUR_MS));
  });
});

describe('rollupDay', () => {
  it('sums the 24 hours of its UTC day: counts, downtime, maintenance, latency and histograms', async () => {
    const { site } = await createClientWithSite(t.ctx);
    const m = await addMonitor(t.ctx, site.id);
    const other = await addMonitor(t.ctx, site.id);
    const rows = [];
    for (let i = 0; i < 24 * 6; i++) {
      const at = DAY + i * 10 * MIN;
      rows.push(resultRow(m.id, at, i % 17 === 0 ? 'down' : i % 5 === 0 ? 'degraded' : 'up', 20 + ((i * 37) % 900)));
    }
    rows.push(resultRow(m.id, DAY + DAY_MS, 'up', 5)); // next day
    await writeResults(t.ctx.db, rows);
    // Crosses midnight at the end of the day: only the part inside the day counts.
    await recordIncident(t.ctx.db, m.id, { startedAt: DAY + DAY_MS - 30 * MIN, detectedAt: DAY + DAY_MS - 29 * MIN });
    await recordIncident(t.ctx.db, other.id, {
      startedAt: DAY + 90 * MIN,
      detectedAt: DAY + 91 * MIN,
      resolvedAt: DAY + 200 * MIN,
    });
    t.clock.set(DAY + DAY_MS + HOUR_MS);
    for (let h = DAY; h < DAY + DAY_MS; h += HOUR_MS) await rollupHour(t.ctx.db, h, t.clock.now());
    expect(await rollupDay(t.ctx.db, DAY)).toBe(2);

    const hours = await rollupRows('hour');
    const day = rowOf(await rollupRows('day'), m.id, DAY);
    const own = hours.filter((h) => h.monitor_id === m.id);
    expect(own).toHaveLength(24);
    const dayRows = rows.filter((r) => r.started_at < DAY + DAY_MS);
    const answered = dayRows.filter((r) => r.outcome !== 'down').map((r) => r.total_ms);
    expect(day).toMatchObject({
      checks_total: dayRows.length,
      checks_down: dayRows.filter((r) => r.outcome === 'down').length,
      checks_degraded: dayRows.filter((r) => r.outcome === 'degraded').length,
      downtime_ms: 30 * MIN,
      maintenance_ms: 0,
      latency_count: answered.length,
      latency_sum_ms: answered.reduce((s, v) => s + v, 0),
      latency_min_ms: Math.min(...answered),
      latency_max_ms: Math.max(...answered),
    });
    expect(parseHistogram(day?.latency_histogram)).toEqual(answered.reduce(addLatency, emptyHistogram()));
    expect(rowOf(await rollupRows('day'), other.id, DAY)).toMatchObject({ checks_total: 0, downtime_ms: 110 * MIN });

    const before = await rollupRows('day');
    await rollupDay(t.ctx.db, DAY);
    expect(await rollupRows('day')).toEqual(before);
  });
});
