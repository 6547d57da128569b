import { createClient } from '../src/domain/clients/clients.ts';
import { type Ctx, systemActor } from '../src/domain/context.ts';
import { createContract } from '../src/domain/contracts/change-contracts.ts';
import { openIncident, resolveIncidentByCheck } from '../src/domain/incidents/incident-lifecycle.ts';
import { createMonitor } from '../src/domain/monitoring/monitors.ts';
import { createSite } from '../src/domain/sites/sites.ts';
import { addStatusPageComponent } from '../src/domain/statuspage/add-component.ts';
import { createStatusPage } from '../src/domain/statuspage/create-page.ts';
import { postIncidentUpdate } from '../src/domain/statuspage/post-incident-update.ts';
import { updateStatusPage } from '../src/domain/statuspage/update-page.ts';
import type { CheckRollupsTable } from '../src/storage/schema.ts';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/**
 * A premium client's status page with `components` sites (one HTTP monitor each) and `days` of
 * history: hourly rollups (the table the page's bars and chart read) and a few incidents per
 * monitor through the incident lifecycle, some with public updates. Returns the page's slug.
 */
export async function seedStatusPage(ctx: Ctx, components: number, days: number): Promise<string> {
  const nowMs = ctx.clock.now();
  const client = await createClient(ctx, systemActor, {
    name: 'Bench Bakery',
    timeZone: 'Europe/Madrid',
    locale: 'en',
  });
  await createContract(ctx, systemActor, { clientId: client.id, planId: 'premium', billingPeriod: 'monthly' });
  const page = await createStatusPage(ctx, systemActor, { clientId: client.id, title: 'Bench status', slug: 'bench' });
  const startMs = Math.floor((nowMs - (days + 1) * DAY_MS) / HOUR_MS) * HOUR_MS;
  const old = { ...ctx, clock: { now: () => startMs } };
  for (let i = 0; i < components; i++) {
    const site = await createSite(old, systemActor, {
      clientId: client.id,
      url: `https://shop${i}.bench.example/`,
      cms: 'wordpress',
    });
    const { monitor } = await createMonitor(old, systemActor, { siteId: site.id, kind: 'http', name: `HTTP ${i}` });
    await addStatusPageComponent(ctx, systemActor, page.id, {
      siteId: site.id,
      displayName: `Service ${i + 1}`,
      ...(i % 4 === 0 ? {} : { groupName: `Group ${Math.floor(i / 4) + 1}` }),
    });
    const rows: CheckRollupsTable[] = [];
    for (let at = startMs; at < floorHourMs(nowMs); at += HOUR_MS) {
      const latency = 120 + ((at / HOUR_MS + i * 7) % 60);
      rows.push({
        monitor_id: monitor.id,
        period: 'hour',
        period_start: at,
        checks_total: 60,
        checks_up: 60,
        checks_degraded: 0,
        checks_down: 0,
        downtime_ms: 0,
        maintenance_ms: 0,
        latency_count: 60,
        latency_sum_ms: latency * 60,
        latency_min_ms: latency - 20,
        latency_max_ms: latency + 40,
        latency_histogram: '[]',
      });
    }
    for (let k = 0; k < rows.length; k += 500)
      await ctx.db
        .insertInto('check_rollups')
        .values(rows.slice(k, k + 500))
        .execute();
    // Three past outages per monitor, spread over the period, the last one with public updates.
    for (let n = 1; n <= 3; n++) {
      const startedAt = nowMs - Math.floor((days * DAY_MS * n) / 4) - i * HOUR_MS;
      const { id } = await openIncident(ctx.db, {
        monitorId: monitor.id,
        startedAt,
        detectedAt: startedAt + 60_000,
        errorClass: 'timeout',
        message: 'no answer',
      });
      const resolvedAt = startedAt + (10 + n * 7) * 60_000;
      if (n === 1) {
        await postIncidentUpdate({ ...ctx, clock: { now: () => startedAt + 300_000 } }, systemActor, id, {
          status: 'identified',
          message: 'A database server is overloaded.',
        });
      }
      await resolveIncidentByCheck(ctx.db, id, resolvedAt, resolvedAt);
    }
  }
  await updateStatusPage(ctx, systemActor, page.id, { published: true });
  return page.slug;
}

const floorHourMs = (ms: number) => Math.floor(ms / HOUR_MS) * HOUR_MS;
