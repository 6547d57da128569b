import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/domain/context.ts';
import {
  archiveMaintenanceWindow,
  createMaintenanceWindow,
  siteMaintenanceIntervals,
} from '../../src/domain/monitoring/maintenance-windows.ts';
import { monitorUptime } from '../../src/domain/monitoring/monitor-stats.ts';
import { DAY_MS, HOUR_MS } from '../../src/domain/monitoring/rollups-time.ts';
import { createTestDb, type TestDb } from '../support/test-db.ts';
import { addMonitor, createClientWithSite, recordIncident, testRunner } from './fixtures.ts';

const DAY0 = Date.UTC(2026, 2, 2); // a Monday
const MIN = 60_000;

let t: TestDb;
beforeEach(async () => {
  t = await createTestDb(DAY0);
});
afterEach(async () => {
  await t.close();
});

describe('maintenance windows and past uptime', () => {
  it('a weekly window counts from when it was created, so last week’s uptime does not change', async () => {
    const { clientId, site } = await createClientWithSite(t.ctx); // UTC
    const m = await addMonitor(t.ctx, site.id);
    // An outage 03:00–04:00 every night of the first three days.
    for (let d = 0; d < 3; d++) {
      await recordIncident(t.ctx.db, m.id, {
        startedAt: DAY0 + d * DAY_MS + 3 * HOUR_MS,
        detectedAt: DAY0 + d * DAY_MS + 3 * HOUR_MS + MIN,
        resolvedAt: DAY0 + d * DAY_MS + 4 * HOUR_MS,
      });
    }
    t.clock.set(DAY0 + DAY_MS + 12 * HOUR_MS); // Tuesday noon
    await createMaintenanceWindow(t.ctx, systemActor, {
      kind: 'weekly',
      clientId,
      title: 'Nightly backups',
      weekdays: [1, 2, 3, 4, 5, 6, 7],
      startLocal: '03:00',
      durationMin: 60,
    });
    const intervals = await siteMaintenanceIntervals(t.ctx.db, site, DAY0, DAY0 + 3 * DAY_MS);
    expect(intervals.map((i) => (i.startMs - DAY0) / HOUR_MS)).toEqual([2 * 24 + 3]); // Wednesday only

    t.clock.set(DAY0 + 3 * DAY_MS + HOUR_MS);
    await testRunner(t.ctx).runOnce();
    const report = await monitorUptime(t.ctx, m.id, DAY0, DAY0 + 3 * DAY_MS);
    expect(report).toMatchObject({ downtimeMs: 2 * HOUR_MS, excludedMs: HOUR_MS, windowMs: 3 * DAY_MS });
  });

  it('an archived window keeps counting before it was archived', async () => {
    const { clientId, site } = await createClientWithSite(t.ctx);
    const m = await addMonitor(t.ctx, site.id);
    const w = await createMaintenanceWindow(t.ctx, systemActor, {
      kind: 'once',
      clientId,
      siteId: site.id,
      title: 'Migration',
      startsAt: new Date(DAY0 + 2 * HOUR_MS).toISOString(),
      endsAt: new Date(DAY0 + 6 * HOUR_MS).toISOString(),
    });
    t.clock.set(DAY0 + 3 * HOUR_MS + 30 * MIN);
    await archiveMaintenanceWindow(t.ctx, systemActor, w.id);
    t.clock.set(DAY0 + 8 * HOUR_MS);
    await testRunner(t.ctx).runOnce();
    expect(await monitorUptime(t.ctx, m.id, DAY0, DAY0 + 8 * HOUR_MS)).toMatchObject({
      excludedMs: 90 * MIN,
      uptimeRatio: 1,
    });
  });
});
