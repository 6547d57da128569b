import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testRunner } from '../../../test/rollups/fixtures.ts';
import {
  DAY,
  HOUR,
  MIN,
  SECRET,
  seedChecks,
  seedClient,
  seedOutage,
  seedPage,
  seedSite,
} from '../../../test/status/status-fixtures.ts';
import { createTestDb, type TestDb } from '../../../test/support/test-db.ts';
import { systemActor } from '../context.ts';
import { createMaintenanceWindow } from '../monitoring/maintenance-windows.ts';
import { monitorsUptime } from '../monitoring/monitor-stats.ts';
import { addStatusPageComponent } from './add-component.ts';
import { loadPublicStatus } from './load-public-status.ts';
import { postIncidentUpdate } from './post-incident-update.ts';
import { updateStatusPageComponent } from './update-component.ts';

let t: TestDb;
beforeEach(async () => {
  t = await createTestDb();
});
afterEach(async () => {
  await t.close();
});

/** A Madrid client whose monitor has 10 days of checks, three outages and a maintenance window. */
async function world() {
  const nowMs = t.clock.now(); // 2026-03-02 09:00Z = 10:00 in Madrid
  const client = await seedClient(t.ctx, { timeZone: 'Europe/Madrid' });
  const { site, monitor } = await seedSite(t.ctx, client.id, { ageMs: 10 * DAY });
  await seedChecks(t.ctx, monitor.id, nowMs - 10 * DAY, nowMs, 120);
  // 23:40 to 00:20 Madrid time across the night of 27/28 February: 20 minutes on each local day.
  const acrossMidnight = await seedOutage(
    t.ctx,
    monitor.id,
    Date.UTC(2026, 1, 27, 22, 40),
    Date.UTC(2026, 1, 27, 23, 20),
  );
  // Inside maintenance on 25 February: excluded from uptime.
  await createMaintenanceWindow(t.ctx, systemActor, {
    kind: 'once',
    clientId: client.id,
    title: 'PHP upgrade',
    startsAt: '2026-02-25T10:00:00Z',
    endsAt: '2026-02-25T12:00:00Z',
  });
  await seedOutage(t.ctx, monitor.id, Date.UTC(2026, 1, 25, 10, 30), Date.UTC(2026, 1, 25, 11, 0));
  const open = await seedOutage(t.ctx, monitor.id, nowMs - 30 * MIN, null);
  const { page, component } = await seedPage(t.ctx, client.id, site.id, { slug: 'acme' });
  return { nowMs, client, site, monitor, page, component, acrossMidnight, open };
}

describe('loadPublicStatus', () => {
  it('gives each local day the uptime the monitoring read model gives the same window', async () => {
    const w = await world();
    const status = await loadPublicStatus(t.ctx, { slug: 'acme' }, w.nowMs);
    const c = status?.components[0];
    if (!status || !c) throw new Error('no status');
    expect(c.days).toHaveLength(90);
    expect(c.days[89]?.date).toBe('2026-03-02');
    const windows = c.days.map((d) => ({ fromMs: d.startMs, toMs: Math.min(d.endMs, w.nowMs) }));
    const reports = (await monitorsUptime(t.ctx, [w.monitor.id], windows)).get(w.monitor.id) ?? [];
    c.days.forEach((day, i) => {
      const report = reports[i];
      expect(day.downtimeMs, day.date).toBe(report?.downtimeMs);
      if (report?.uptimeRatio === null) expect(day.uptimeRatio, day.date).toBeNull();
      else expect(day.uptimeRatio, day.date).toBeCloseTo(report?.uptimeRatio ?? -1, 12);
    });
    const byDate = Object.fromEntries(c.days.map((d) => [d.date, d]));
    expect(byDate['2026-02-27']).toMatchObject({ downtimeMs: 20 * MIN, incidents: 1 });
    expect(byDate['2026-02-28']).toMatchObject({ downtimeMs: 20 * MIN, incidents: 1 });
    expect(byDate['2026-02-25']).toMatchObject({
      downtimeMs: 0,
      maintenanceMs: 2 * HOUR,
      incidents: 1,
      uptimeRatio: 1,
    });
    expect(byDate['2026-02-01']).toMatchObject({ uptimeRatio: null, avgResponseMs: null });
    expect(byDate['2026-02-26']?.avgResponseMs).toBe(120);
    expect(c.status).toBe('outage');
    expect(status.overall).toBe('major_outage');
    expect(status.activeIncidents).toHaveLength(1);
    expect(status.pastIncidents).toHaveLength(2);
  });

  it('reads the same days and response times after the rollup jobs ran', async () => {
    const w = await world();
    const before = await loadPublicStatus(t.ctx, { slug: 'acme' }, w.nowMs);
    await testRunner(t.ctx).runOnce();
    const after = await loadPublicStatus(t.ctx, { slug: 'acme' }, w.nowMs);
    expect(await t.ctx.db.selectFrom('check_rollups').select('monitor_id').limit(1).execute()).toHaveLength(1);
    expect(after?.components[0]?.days).toEqual(before?.components[0]?.days);
  });

  it('shows public updates and titles, and nothing internal', async () => {
    const w = await world();
    await postIncidentUpdate(t.ctx, systemActor, w.open, {
      status: 'identified',
      message: 'A plugin update broke checkout.',
      title: 'Checkout down',
    });
    const status = await loadPublicStatus(t.ctx, { slug: 'acme' }, w.nowMs);
    const active = status?.activeIncidents[0];
    expect(active).toMatchObject({ title: 'Checkout down', status: 'identified', componentNames: ['Online shop'] });
    expect(active?.updates[0]?.message).toBe('A plugin update broke checkout.');
    const text = JSON.stringify(status);
    for (const internal of [SECRET, w.monitor.id, w.site.id, w.client.id, w.open, w.acrossMidnight, 'HTTP 500']) {
      expect(text).not.toContain(internal);
    }
  });

  it('leaves out unpublished components and answers nothing for unknown or unpublished pages', async () => {
    const w = await world();
    await updateStatusPageComponent(t.ctx, systemActor, w.page.id, w.component.id, { published: false });
    const status = await loadPublicStatus(t.ctx, { slug: 'acme' }, w.nowMs);
    expect(status?.components).toEqual([]);
    expect(status?.activeIncidents).toEqual([]);
    expect(status?.overall).toBe('operational');
    expect(await loadPublicStatus(t.ctx, { slug: 'nope' }, w.nowMs)).toBeUndefined();
    expect(await loadPublicStatus(t.ctx, { host: 'status.unknown.example' }, w.nowMs)).toBeUndefined();
  });

  it('reads a page in a fixed number of queries, whatever the number of components and days', async () => {
    const w = await world();
    const counted = async () => {
      let queries = 0;
      const db = t.ctx.db.withPlugin({
        transformQuery: (args) => {
          queries++;
          return args.node;
        },
        transformResult: async (args) => args.result,
      });
      await loadPublicStatus({ ...t.ctx, db }, { slug: 'acme' }, w.nowMs);
      return queries;
    };
    const one = await counted();
    for (let i = 0; i < 3; i++) {
      const { site } = await seedSite(t.ctx, w.client.id, { host: `extra${i}.acme.example` });
      await addStatusPageComponent(t.ctx, systemActor, w.page.id, { siteId: site.id, displayName: `Extra ${i}` });
    }
    const four = await counted();
    expect(one).toBeLessThanOrEqual(12);
    expect(four).toBe(one);
  });
});
