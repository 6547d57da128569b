import type { Ctx } from '../../src/domain/context.ts';
import { systemActor } from '../../src/domain/context.ts';
import { createMaintenanceWindow } from '../../src/domain/monitoring/maintenance-windows.ts';
import { insertCheckResults } from '../../src/domain/monitoring/record-results.ts';
import { addStatusPageComponent } from '../../src/domain/statuspage/add-component.ts';
import { attachStatusPageDomain } from '../../src/domain/statuspage/attach-domain.ts';
import { createStatusPage } from '../../src/domain/statuspage/create-page.ts';
import { postIncidentUpdate } from '../../src/domain/statuspage/post-incident-update.ts';
import { updateStatusPageBranding } from '../../src/domain/statuspage/update-branding.ts';
import { updateStatusPage } from '../../src/domain/statuspage/update-page.ts';
import type { CheckResultsTable } from '../../src/storage/schema.ts';
import { DAY, HOUR, MIN, seedClient, seedOutage, seedSite } from '../status/status-fixtures.ts';

/** Checks every 30 minutes for `days` days, response times wandering by day (deterministic). */
async function history(ctx: Ctx, monitorId: string, days: number, baseMs: number) {
  const nowMs = ctx.clock.now();
  const rows: CheckResultsTable[] = [];
  for (let at = nowMs - days * DAY; at < nowMs; at += 30 * MIN) {
    const day = Math.floor((nowMs - at) / DAY);
    const total = baseMs + ((day * 37) % 90) + ((at / (30 * MIN)) % 7) * 3;
    rows.push({
      monitor_id: monitorId,
      started_at: at,
      location: 'local',
      outcome: 'up',
      error_class: null,
      http_status: 200,
      dns_ms: 4,
      connect_ms: 9,
      tls_ms: 18,
      first_byte_ms: total - 40,
      total_ms: total,
      message: null,
      is_confirmation: 0,
    });
  }
  await insertCheckResults(ctx.db, rows);
}

/**
 * A page that looks lived-in: three components in two groups, 90 days of checks, outages on some
 * days (one still open, with public updates), a maintenance window to come.
 */
export async function seedLivedInPage(
  ctx: Ctx,
  opts: { name: string; slug: string; host: string; language: 'en' | 'es' | 'de' | 'fr'; names: string[] },
) {
  const nowMs = ctx.clock.now();
  const client = await seedClient(ctx, { name: opts.name, plan: 'premium', locale: opts.language });
  const shop = await seedSite(ctx, client.id, { host: `shop.${opts.slug}.example`, ageMs: 100 * DAY });
  const blog = await seedSite(ctx, client.id, { host: `blog.${opts.slug}.example`, ageMs: 100 * DAY });
  const api = await seedSite(ctx, client.id, { host: `api.${opts.slug}.example`, ageMs: 40 * DAY });
  await history(ctx, shop.monitor.id, 90, 180);
  await history(ctx, blog.monitor.id, 90, 320);
  await history(ctx, api.monitor.id, 40, 90);
  await seedOutage(ctx, shop.monitor.id, nowMs - 12 * DAY, nowMs - 12 * DAY + 7 * MIN);
  await seedOutage(ctx, shop.monitor.id, nowMs - 33 * DAY, nowMs - 33 * DAY + 95 * MIN);
  await seedOutage(ctx, blog.monitor.id, nowMs - 61 * DAY, nowMs - 61 * DAY + 4 * HOUR);
  const open = await seedOutage(ctx, api.monitor.id, nowMs - 25 * MIN, null);
  await ctx.db.updateTable('monitors').set({ status: 'down' }).where('id', '=', api.monitor.id).execute();
  await ctx.db
    .updateTable('monitors')
    .set({ status: 'up' })
    .where('id', 'in', [shop.monitor.id, blog.monitor.id])
    .execute();
  await postIncidentUpdate(ctx, systemActor, open, {
    status: 'investigating',
    message: opts.names[3] ?? 'We are looking into it.',
    title: opts.names[4],
  });
  await createMaintenanceWindow(ctx, systemActor, {
    kind: 'once',
    clientId: client.id,
    siteId: blog.site.id,
    title: opts.names[5] ?? 'Server upgrade',
    startsAt: new Date(nowMs + 2 * DAY).toISOString(),
    endsAt: new Date(nowMs + 2 * DAY + 2 * HOUR).toISOString(),
  });
  const page = await createStatusPage(ctx, systemActor, {
    clientId: client.id,
    title: `${opts.name}`,
    slug: opts.slug,
    language: opts.language,
  });
  const [shopName, blogName, apiName] = opts.names;
  await addStatusPageComponent(ctx, systemActor, page.id, {
    siteId: shop.site.id,
    displayName: shopName ?? 'Shop',
    groupName: 'Web',
  });
  await addStatusPageComponent(ctx, systemActor, page.id, {
    siteId: blog.site.id,
    displayName: blogName ?? 'Blog',
    groupName: 'Web',
  });
  await addStatusPageComponent(ctx, systemActor, page.id, {
    siteId: api.site.id,
    displayName: apiName ?? 'API',
    groupName: 'Services',
  });
  await updateStatusPageBranding(ctx, systemActor, page.id, {
    brandColor: opts.language === 'en' ? '#1e3a8a' : '#fbbf24',
    accentColor: opts.language === 'en' ? '#2563eb' : '#f59e0b',
    footerLinks: [
      { label: 'Website', url: `https://www.${opts.slug}.example` },
      { label: 'Support', url: `mailto:support@${opts.slug}.example` },
    ],
  });
  await updateStatusPage(ctx, systemActor, page.id, { published: true });
  await attachStatusPageDomain(ctx, systemActor, page.id, { host: opts.host });
  return { client, page };
}
