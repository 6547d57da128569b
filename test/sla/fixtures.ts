import { createClient } from '../../src/domain/clients/clients.ts';
import { type Ctx, systemActor } from '../../src/domain/context.ts';
import { createAddon } from '../../src/domain/contracts/addons.ts';
import { createContract } from '../../src/domain/contracts/change-contracts.ts';
import { acknowledgeIncident } from '../../src/domain/incidents/incident-actions.ts';
import { openIncident, resolveIncidentByCheck } from '../../src/domain/incidents/incident-lifecycle.ts';
import { createMaintenanceWindow } from '../../src/domain/monitoring/maintenance-windows.ts';
import { createMonitor } from '../../src/domain/monitoring/monitors.ts';
import { createSite } from '../../src/domain/sites/sites.ts';

// A hand-computable March 2026 for two clients, written through the real domain functions.

export const MIN = 60_000;
export const at = (iso: string) => Date.parse(iso);

type Clock = { set(ms: number): void };

export async function addClient(
  ctx: Ctx,
  input: { name: string; timeZone: string; plan: 'basic' | 'standard' | 'premium'; addonMonthlyMinor?: number },
  sites: string[],
) {
  const client = await createClient(ctx, systemActor, { name: input.name, timeZone: input.timeZone, currency: 'EUR' });
  const addonIds: string[] = [];
  if (input.addonMonthlyMinor !== undefined) {
    const addon = await createAddon(ctx, systemActor, {
      name: `Extra for ${input.name}`,
      monthlyPriceMinor: input.addonMonthlyMinor,
      annualPriceMinor: input.addonMonthlyMinor * 12,
      currency: 'EUR',
    });
    addonIds.push(addon.id);
  }
  await createContract(ctx, systemActor, { clientId: client.id, planId: input.plan, addonIds });
  const created = [];
  for (const host of sites) {
    const site = await createSite(ctx, systemActor, { clientId: client.id, url: `https://${host}`, name: host });
    const { monitor } = await createMonitor(ctx, systemActor, {
      siteId: site.id,
      kind: 'http',
      config: { url: `https://${host}/`, timeoutMs: 5_000 },
    });
    created.push({ siteId: site.id, monitorId: monitor.id });
  }
  return { clientId: client.id, sites: created };
}

/** An outage as the engine and people record it: opened at detection, acknowledged, resolved by a check. */
export async function outage(
  ctx: Ctx,
  clock: Clock,
  monitorId: string,
  o: { start: string; detectedMin?: number; ack?: string; resolved?: string },
) {
  const startedAt = at(o.start);
  const detectedAt = startedAt + (o.detectedMin ?? 1) * MIN;
  clock.set(detectedAt);
  const { id } = await openIncident(ctx.db, { monitorId, startedAt, detectedAt, errorClass: 'status', message: '500' });
  if (o.ack) {
    clock.set(at(o.ack));
    await acknowledgeIncident(ctx, systemActor, id);
  }
  if (o.resolved) {
    clock.set(at(o.resolved));
    await resolveIncidentByCheck(ctx.db, id, at(o.resolved), at(o.resolved));
  }
  return id;
}

/**
 * Alpha (Premium, Europe/Madrid, fee 600.00 + 12.34 add-on) with sites a1 and a2; Beta (Basic,
 * UTC) with b1; Gamma without sites. Monitors exist from 2026-02-20 12:00Z. The figures the tests
 * expect are worked out in test/sla/compliance.test.ts.
 */
export async function seedMarch(ctx: Ctx, clock: Clock) {
  clock.set(at('2026-02-20T12:00:00Z'));
  const alpha = await addClient(
    ctx,
    { name: 'Alpha', timeZone: 'Europe/Madrid', plan: 'premium', addonMonthlyMinor: 1_234 },
    ['a1.example', 'a2.example'],
  );
  const beta = await addClient(ctx, { name: 'Beta', timeZone: 'UTC', plan: 'basic' }, ['b1.example']);
  await createClient(ctx, systemActor, { name: 'Gamma' });
  const [a1, a2] = alpha.sites.map((s) => s.monitorId) as [string, string];
  const b1 = beta.sites[0]!.monitorId;
  await createMaintenanceWindow(ctx, systemActor, {
    kind: 'once',
    clientId: alpha.clientId,
    siteId: alpha.sites[1]!.siteId,
    title: 'Server move',
    startsAt: '2026-03-15T02:00:00Z',
    endsAt: '2026-03-15T03:00:00Z',
  });
  const ids = {
    acrossFeb: await outage(ctx, clock, a1, { start: '2026-02-28T22:30:00Z', resolved: '2026-02-28T23:20:00Z' }),
    acked: await outage(ctx, clock, a1, {
      start: '2026-03-10T10:00:00Z',
      ack: '2026-03-10T10:10:00Z',
      resolved: '2026-03-10T10:50:00Z',
    }),
    inMaintenance: await outage(ctx, clock, a2, { start: '2026-03-15T02:30:00Z', resolved: '2026-03-15T03:40:00Z' }),
    slow: await outage(ctx, clock, a1, {
      start: '2026-03-20T12:00:00Z',
      detectedMin: 2,
      resolved: '2026-03-20T13:30:00Z',
    }),
    acrossApril: await outage(ctx, clock, a1, { start: '2026-03-31T21:30:00Z', resolved: '2026-04-01T02:00:00Z' }),
    betaShort: await outage(ctx, clock, b1, { start: '2026-03-10T10:00:00Z', resolved: '2026-03-10T10:30:00Z' }),
    betaOpen: await outage(ctx, clock, b1, { start: '2026-03-31T23:00:00Z' }),
  };
  return { alpha, beta, ids };
}
