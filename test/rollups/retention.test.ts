import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { monitorUptime } from '../../src/domain/monitoring/monitor-stats.ts';
import { pruneRawResults, pruneRollups } from '../../src/domain/monitoring/retention.ts';
import { rollupHour } from '../../src/domain/monitoring/rollups.ts';
import { DAY_MS, HOUR_MS } from '../../src/domain/monitoring/rollups-time.ts';
import type { CheckResultsTable } from '../../src/storage/schema.ts';
import { createTestDb, type TestDb } from '../support/test-db.ts';
import { addMonitor, countRows, createClientWithSite, resultRow, testRunner, writeResults } from './fixtures.ts';

const DAY0 = Date.UTC(2026, 2, 2);
const MIN = 60_000;

let t: TestDb;
beforeEach(async () => {
  t = await createTestDb(DAY0);
});
afterEach(async () => {
  await t.close();
});

async function startedAts() {
  const rows = await t.ctx.db.selectFrom('check_results').select(['monitor_id', 'started_at', 'location']).execute();
  return rows.map((r) => `${r.monitor_id}|${Number(r.started_at)}|${r.location}`).sort();
}

/** Three monitors with a result every 30 min for `days` days (two locations for one of them). */
async function seedResults(days: number) {
  const { site } = await createClientWithSite(t.ctx);
  const monitors = [
    await addMonitor(t.ctx, site.id),
    await addMonitor(t.ctx, site.id),
    await addMonitor(t.ctx, site.id),
  ];
  const rows: CheckResultsTable[] = [];
  for (let at = DAY0; at < DAY0 + days * DAY_MS; at += 30 * MIN) {
    for (const m of monitors) rows.push(resultRow(m.id, at, 'up', 100));
    rows.push(resultRow(monitors[0]?.id ?? '', at, 'down', 5000, 'eu-west'));
  }
  await writeResults(t.ctx.db, rows);
  return { monitors, rows };
}

describe('pruneRawResults', () => {
  it('deletes exactly the rows that started before the cutoff, a batch per statement', async () => {
    const { rows } = await seedResults(2);
    const cutoff = DAY0 + 7 * HOUR_MS; // a result starts exactly at the cutoff: it is kept
    const expected = rows
      .filter((r) => r.started_at >= cutoff)
      .map((r) => `${r.monitor_id}|${r.started_at}|${r.location}`)
      .sort();
    const old = rows.length - expected.length;
    let pauses = 0;
    const deleted = await pruneRawResults(t.ctx.db, cutoff, {
      batchSize: 5,
      between: async () => {
        pauses++;
      },
    });
    expect(deleted).toBe(old);
    expect(pauses).toBe(Math.floor(old / 5)); // one pause after each full batch
    expect(await startedAts()).toEqual(expected);
    expect(await pruneRawResults(t.ctx.db, cutoff, { batchSize: 5 })).toBe(0);
  });

  it('stops between batches when asked, leaving the rest for the next run', async () => {
    const { rows } = await seedResults(1);
    let batches = 0;
    const deleted = await pruneRawResults(t.ctx.db, DAY0 + DAY_MS, {
      batchSize: 10,
      between: async () => ++batches < 3,
    });
    expect(deleted).toBe(30);
    expect(await countRows(t.ctx.db, 'check_results')).toBe(rows.length - 30);
  });
});

describe('pruneRollups', () => {
  it('deletes hour and day rollups of periods before the cutoff and keeps the rest', async () => {
    const { monitors } = await seedResults(1);
    t.clock.set(DAY0 + DAY_MS + HOUR_MS);
    for (let h = DAY0; h < DAY0 + DAY_MS; h += HOUR_MS) await rollupHour(t.ctx.db, h, t.clock.now());
    const cutoff = DAY0 + 10 * HOUR_MS;
    expect(await pruneRollups(t.ctx.db, cutoff, { batchSize: 4 })).toBe(10 * monitors.length);
    const left = await t.ctx.db.selectFrom('check_rollups').select('period_start').execute();
    expect(left).toHaveLength(14 * monitors.length);
    expect(Math.min(...left.map((r) => Number(r.period_start)))).toBe(cutoff);
  });
});

describe('retention jobs on the injected clock', () => {
  it('keeps rawRetentionDays whole days of raw results, prunes once per UTC day, and rollups keep the counts', async () => {
    const { monitors, rows } = await seedResults(5);
    const runner = testRunner(t.ctx, { config: { rawRetentionDays: 2, rollupRetentionDays: 730 }, batchSize: 7 });
    t.clock.set(DAY0 + 4 * DAY_MS + 6 * HOUR_MS);
    const ran = await runner.runOnce();
    expect(ran).toContain('prune-raw:2026-03-06');
    const cutoff = DAY0 + 2 * DAY_MS; // 2026-03-06 minus 2 days
    expect(await startedAts()).toEqual(
      rows
        .filter((r) => r.started_at >= cutoff)
        .map((r) => `${r.monitor_id}|${r.started_at}|${r.location}`)
        .sort(),
    );
    // Day 0 is gone from raw results, but its uptime and counts still come from the rollups.
    const m0 = monitors[0]?.id ?? '';
    const day0 = await monitorUptime(t.ctx, m0, DAY0, DAY0 + DAY_MS);
    expect(day0.checks).toEqual({ total: 96, up: 48, degraded: 0, down: 48 });

    // Later the same day nothing more is pruned (the day's slot is done) …
    t.clock.set(DAY0 + 4 * DAY_MS + 23 * HOUR_MS);
    expect(await runner.runOnce()).not.toContain('prune-raw:2026-03-06');
    expect(Math.min(...(await startedAts()).map((k) => Number(k.split('|')[1])))).toBe(cutoff);
    // … and the next day moves the cutoff by a day.
    t.clock.set(DAY0 + 5 * DAY_MS + 10 * MIN);
    expect(await runner.runOnce()).toContain('prune-raw:2026-03-07');
    expect(Math.min(...(await startedAts()).map((k) => Number(k.split('|')[1])))).toBe(cutoff + DAY_MS);
  });

  it('never prunes raw results of an hour that is not rolled up yet', async () => {
    const { rows } = await seedResults(3);
    // Another live runner holds the rollup of day 0, 05:00 (claimed just now, not finished).
    const held = DAY0 + 5 * HOUR_MS;
    t.clock.set(DAY0 + 3 * DAY_MS + HOUR_MS);
    await t.ctx.db
      .insertInto('job_slots')
      .values({
        slot_key: 'rollup-hour:2026-03-02T05:00Z',
        claimed_by: 'runner-b',
        claimed_at: t.clock.now(),
        finished_at: null,
      })
      .execute();
    const runner = testRunner(t.ctx, { config: { rawRetentionDays: 1, rollupRetentionDays: 730 } });
    await runner.runOnce();
    expect(await startedAts()).toEqual(
      rows
        .filter((r) => r.started_at >= held)
        .map((r) => `${r.monitor_id}|${r.started_at}|${r.location}`)
        .sort(),
    );
  });

  it('prunes rollups and their job slots past rollupRetentionDays', async () => {
    await seedResults(4);
    t.clock.set(DAY0 + 4 * DAY_MS + HOUR_MS);
    await testRunner(t.ctx).runOnce(); // rolls up days 0–3 under the default retention
    expect(await countRows(t.ctx.db, 'check_rollups')).toBeGreaterThan(0);
    const runner = testRunner(t.ctx, { config: { rawRetentionDays: 90, rollupRetentionDays: 2 }, batchSize: 5 });
    t.clock.set(DAY0 + 5 * DAY_MS + HOUR_MS);
    expect(await runner.runOnce()).toContain('prune-rollups:2026-03-07');
    const starts = (await t.ctx.db.selectFrom('check_rollups').select('period_start').execute()).map((r) =>
      Number(r.period_start),
    );
    expect(Math.min(...starts)).toBe(DAY0 + 3 * DAY_MS);
    const slots = (await t.ctx.db.selectFrom('job_slots').select('slot_key').execute()).map((r) => r.slot_key);
    expect(slots.filter((k) => k.startsWith('rollup-hour:')).sort()[0]).toBe('rollup-hour:2026-03-05T00:00Z');
    expect(slots.filter((k) => k.startsWith('rollup-day:')).sort()).toEqual([
      'rollup-day:2026-03-05',
      'rollup-day:2026-03-06',
    ]);
  });
});
