import { createClient } from '../../src/domain/clients/clients.ts';
import { type Ctx, systemActor } from '../../src/domain/context.ts';
import { createContract } from '../../src/domain/contracts/change-contracts.ts';
import { openIncident, resolveIncidentByCheck } from '../../src/domain/incidents/incident-lifecycle.ts';
import { createMonitor } from '../../src/domain/monitoring/monitors.ts';
import { insertCheckResults } from '../../src/domain/monitoring/record-results.ts';
import { createSite } from '../../src/domain/sites/sites.ts';
import { addStatusPageComponent } from '../../src/domain/statuspage/add-component.ts';
import { attachStatusPageDomain } from '../../src/domain/statuspage/attach-domain.ts';
import { createStatusPage } from '../../src/domain/statuspage/create-page.ts';
import { updateStatusPage } from '../../src/domain/statuspage/update-page.ts';
import type { CheckResultsTable } from '../../src/storage/schema.ts';

export const MIN = 60_000;
export const HOUR = 60 * MIN;
export const DAY = 24 * HOUR;
/** Something no public page may ever show: planted in URLs, error messages and notes. */
export const SECRET = 'zz-secret-7f3a';

export async function seedClient(
  ctx: Ctx,
  opts: { name?: string; plan?: 'basic' | 'standard' | 'premium' | null; timeZone?: string; locale?: string } = {},
) {
  const client = await createClient(ctx, systemActor, {
    name: opts.name ?? 'Acme Bakery',
    timeZone: opts.timeZone ?? 'Europe/Madrid',
    locale: opts.locale ?? 'en',
    notes: `internal note ${SECRET}`,
  });
  const plan = opts.plan === undefined ? 'standard' : opts.plan;
  if (plan) await createContract(ctx, systemActor, { clientId: client.id, planId: plan, billingPeriod: 'monthly' });
  return client;
}

/** A site and an HTTP monitor created `ageMs` ago (so the page has days of history). */
export async function seedSite(
  ctx: Ctx,
  clientId: string,
  opts: { host?: string; ageMs?: number; kind?: string } = {},
) {
  const site = await createSite(ctx, systemActor, {
    clientId,
    url: `https://${opts.host ?? 'shop.acme.example'}/${SECRET}`,
    cms: 'wordpress',
  });
  const createdMs = ctx.clock.now() - (opts.ageMs ?? 10 * DAY);
  const { monitor } = await createMonitor({ ...ctx, clock: { now: () => createdMs } }, systemActor, {
    siteId: site.id,
    kind: opts.kind ?? 'http',
    name: `Internal monitor ${SECRET}`,
  });
  return { site, monitor };
}

/** Answered checks every 10 minutes over [fromMs, toMs), `totalMs` each. */
export async function seedChecks(ctx: Ctx, monitorId: string, fromMs: number, toMs: number, totalMs = 120) {
  const rows: CheckResultsTable[] = [];
  for (let at = fromMs; at < toMs; at += 10 * MIN) {
    rows.push({
      monitor_id: monitorId,
      started_at: at,
      location: 'local',
      outcome: 'up',
      error_class: null,
      http_status: 200,
      dns_ms: 5,
      connect_ms: 10,
      tls_ms: 20,
      first_byte_ms: 60,
      total_ms: totalMs,
      message: null,
      is_confirmation: 0,
    });
  }
  await insertCheckResults(ctx.db, rows);
}

/** An outage as the engine records it, with an error message carrying the secret. */
export async function seedOutage(ctx: Ctx, monitorId: string, startedAt: number, resolvedAt: number | null) {
  const { id } = await openIncident(ctx.db, {
    monitorId,
    startedAt,
    detectedAt: startedAt + MIN,
    errorClass: 'status',
    message: `HTTP 500 from https://shop.acme.example/${SECRET}`,
  });
  if (resolvedAt !== null) await resolveIncidentByCheck(ctx.db, id, resolvedAt, resolvedAt);
  return id;
}

/** A published page showing the site, optionally on a custom domain. */
export async function seedPage(
  ctx: Ctx,
  clientId: string,
  siteId: string,
  opts: { title?: string; slug?: string; language?: string; host?: string; componentName?: string } = {},
) {
  const page = await createStatusPage(ctx, systemActor, {
    clientId,
    title: opts.title ?? 'Acme status',
    ...(opts.slug && { slug: opts.slug }),
    ...(opts.language && { language: opts.language }),
  });
  const component = await addStatusPageComponent(ctx, systemActor, page.id, {
    siteId,
    displayName: opts.componentName ?? 'Online shop',
  });
  await updateStatusPage(ctx, systemActor, page.id, { published: true });
  if (opts.host) await attachStatusPageDomain(ctx, systemActor, page.id, { host: opts.host });
  return { page, component };
}
