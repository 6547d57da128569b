import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { monitorUptime } from '../../src/domain/monitoring/monitor-stats.ts';
import { checkLog, sparklines } from '../../src/domain/monitoring/monitor-stats-log.ts';
import { responseTimeSeries } from '../../src/domain/monitoring/monitor-stats-series.ts';
import { DAY_MS, HOUR_MS } from '../../src/domain/monitoring/rollups-time.ts';
import { AppError } from '../../src/errors.ts';
import type { CheckResultsTable } from '../../src/storage/schema.ts';
import { createTestDb, type TestDb } from '../support/test-db.ts';
import { addMonitor, createClientWithSite, resultRow, testRunner, writeResults } from './fixtures.ts';

const DAY0 = Date.UTC(2026, 2, 2);
const MIN = 60_000;

let t: TestDb;
beforeEach(async () => {
  t = await createTestDb(DAY0);
});
afterEach(async () => {
  await t.close();
});

async function monitorWith(rows: (id: string) => CheckResultsTable[]) {
  const { site } = await createClientWithSite(t.ctx);
  const m = await addMonitor(t.ctx, site.id);
  await writeResults(t.ctx.db, rows(m.id));
  return m.id;
}

describe('checkLog', () => {
  it('pages through raw results newest first, with an outcome filter', async () => {
    const id = await monitorWith((mid) => [
      resultRow(mid, DAY0 + 1 * MIN, 'up', 10),
      resultRow(mid, DAY0 + 2 * MIN, 'down', 5000),
      resultRow(mid, DAY0 + 2 * MIN, 'up', 30, 'eu-west'),
      resultRow(mid, DAY0 + 3 * MIN, 'degraded', 2500),
      resultRow(mid, DAY0 + 4 * MIN, 'up', 40),
      resultRow(mid, DAY0 + 5 * MIN, 'down', 5000),
      resultRow(mid, DAY0 + 6 * MIN, 'up', 60),
    ]);
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await checkLog(t.ctx, id, { limit: 3, ...(cursor && { cursor }) });
      seen.push(...page.data.map((e) => `${(Date.parse(e.startedAt) - DAY0) / MIN}/${e.location}`));
      cursor = page.nextCursor ?? undefined;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual(['6/local', '5/local', '4/local', '3/local', '2/local', '2/eu-west', '1/local']);

    const down = await checkLog(t.ctx, id, { outcome: 'down' });
    expect(down.data.map((e) => e.outcome)).toEqual(['down', 'down']);
    expect(down.data[0]).toMatchObject({
      errorClass: 'timeout',
      httpStatus: null,
      timings: { totalMs: 5000, dnsMs: null },
    });
    expect(down.nextCursor).toBeNull();
  });

  it('refuses a forged cursor and an unknown monitor', async () => {
    const id = await monitorWith(() => []);
    await expect(checkLog(t.ctx, id, { cursor: 'bm9wZQ' })).rejects.toMatchObject({ code: 'invalid' });
    await expect(checkLog(t.ctx, id, { limit: 0 })).rejects.toBeInstanceOf(AppError);
    await expect(checkLog(t.ctx, 'mon_missing')).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('sparklines', () => {
  it('gives the last N results of each monitor, oldest first, in one read', async () => {
    const a = await monitorWith((mid) =>
      Array.from({ length: 12 }, (_, i) => resultRow(mid, DAY0 + i * MIN, 'up', 100 + i)),
    );
    const b = await monitorWith((mid) => [resultRow(mid, DAY0, 'down', 9000), resultRow(mid, DAY0 + MIN, 'up', 7)]);
    const idle = await monitorWith(() => []);
    const lines = await sparklines(t.ctx, [a, b, idle], 5);
    expect(lines.get(a)?.map((p) => p.totalMs)).toEqual([107, 108, 109, 110, 111]);
    expect(lines.get(b)).toEqual([
      { atMs: DAY0, totalMs: 9000, outcome: 'down' },
      { atMs: DAY0 + MIN, totalMs: 7, outcome: 'up' },
    ]);
    expect(lines.get(idle)).toEqual([]);
  });
});

describe('responseTimeSeries', () => {
  it('uses raw results with phases for the last 24 hours', async () => {
    const id = await monitorWith((mid) => [
      resultRow(mid, DAY0 + 10 * MIN, 'up', 100),
      resultRow(mid, DAY0 + 20 * MIN, 'up', 300),
      resultRow(mid, DAY0 + 30 * MIN, 'down', 10_000),
      resultRow(mid, DAY0 + 70 * MIN, 'degraded', 2000),
    ]);
    t.clock.set(DAY0 + 3 * HOUR_MS);
    const series = await responseTimeSeries(t.ctx, id, { fromMs: DAY0, toMs: DAY0 + 3 * HOUR_MS, bucketMs: HOUR_MS });
    expect(series.source).toBe('raw');
    expect(series.points).toEqual([
      expect.objectContaining({
        atMs: DAY0,
        checks: 3,
        downChecks: 1,
        avgTotalMs: 200,
        phases: expect.objectContaining({ dnsMs: 2, firstByteMs: 180 }),
      }),
      expect.objectContaining({ atMs: DAY0 + HOUR_MS, checks: 1, downChecks: 0, avgTotalMs: 2000 }),
    ]);
  });

  it('uses hour rollups for longer ranges (totals, min/max, approximate p95), raw results for hours not rolled up yet', async () => {
    const latencies = [12, 40, 95, 480, 2600];
    const id = await monitorWith((mid) => {
      const rows: CheckResultsTable[] = [];
      for (let h = 0; h < 3 * 24; h++) {
        latencies.forEach((ms, i) => {
          rows.push(resultRow(mid, DAY0 + h * HOUR_MS + i * 10 * MIN, 'up', ms));
        });
      }
      return rows;
    });
    t.clock.set(DAY0 + 3 * DAY_MS - 50 * MIN); // 23:10: the 23:00 hour is not rolled up yet
    await testRunner(t.ctx).runOnce();
    const series = await responseTimeSeries(t.ctx, id, {
      fromMs: DAY0,
      toMs: DAY0 + 3 * DAY_MS,
      bucketMs: 6 * HOUR_MS,
    });
    expect(series.source).toBe('rollups');
    expect(series.bucketMs).toBe(6 * HOUR_MS);
    expect(series.points).toHaveLength(12);
    const avg = latencies.reduce((s, v) => s + v, 0) / latencies.length;
    for (const p of series.points.slice(0, 11)) {
      expect(p).toMatchObject({
        checks: 30,
        downChecks: 0,
        avgTotalMs: avg,
        minTotalMs: 12,
        maxTotalMs: 2600,
        phases: null,
      });
      expect(p.p95TotalMs).toBe(2600); // the 95th percentile (2600) sits in (2000, 3000]; capped by the max
    }
    // The last bucket: rollups for 18:00–22:00, and raw results for 23:00 up to now (23:10): one check.
    expect(series.points[11]).toMatchObject({ atMs: DAY0 + 2 * DAY_MS + 18 * HOUR_MS, checks: 5 * 5 + 1 });

    const up = await monitorUptime(t.ctx, id, DAY0, DAY0 + 3 * DAY_MS);
    expect(up.checks.total).toBe(2 * 24 * 5 + 23 * 5 + 1);
  });

  it('refuses a range that ends before it starts', async () => {
    const id = await monitorWith(() => []);
    await expect(responseTimeSeries(t.ctx, id, { fromMs: DAY0, toMs: DAY0 })).rejects.toMatchObject({
      code: 'invalid',
    });
  });
});
