import { createAlertChannel } from '../../../src/domain/alerts/channels.ts';
import { createClient } from '../../../src/domain/clients/clients.ts';
import { systemActor } from '../../../src/domain/context.ts';
import { createContract } from '../../../src/domain/contracts/change-contracts.ts';
import {
  openIncident,
  reopenIncident,
  resolveIncidentByCheck,
} from '../../../src/domain/incidents/incident-lifecycle.ts';
import { createMonitor } from '../../../src/domain/monitoring/monitors.ts';
import { createSite } from '../../../src/domain/sites/sites.ts';
import type { TestDb } from '../../support/test-db.ts';

export type World = Awaited<ReturnType<typeof createWorld>>;

/**
 * A client with one site and one monitor, on a plan (or none), through the real use cases.
 * Channels are added by each test with addChannel.
 */
export async function createWorld(
  t: Pick<TestDb, 'ctx' | 'clock'>,
  o: { plan?: 'basic' | 'standard' | 'premium' | null; kind?: 'http' | 'tls'; flapGraceS?: number } = {},
) {
  const client = await createClient(t.ctx, systemActor, { name: 'Acme Bakery', timeZone: 'Europe/Madrid' });
  const site = await createSite(t.ctx, systemActor, {
    clientId: client.id,
    url: 'https://acme-bakery.test',
    name: 'Acme Shop',
  });
  if (o.plan !== null) await createContract(t.ctx, systemActor, { clientId: client.id, planId: o.plan ?? 'premium' });
  const { monitor } = await createMonitor(t.ctx, systemActor, {
    siteId: site.id,
    kind: o.kind ?? 'http',
    config: o.kind === 'tls' ? { warnDays: [21, 7, 1] } : {},
    flapGraceS: o.flapGraceS ?? 300,
  });
  return {
    client,
    site,
    monitor,
    async addChannel(input: Record<string, unknown>) {
      return createAlertChannel(t.ctx, systemActor, input);
    },
    /** Opens an incident as the engine would (first failure 60 s ago, confirmed now). */
    async openIncident(errorClass = 'timeout', message: string | null = 'no answer within 10000 ms') {
      const nowMs = t.clock.now();
      const { id } = await openIncident(t.ctx.db, {
        monitorId: monitor.id,
        startedAt: nowMs - 60_000,
        detectedAt: nowMs,
        errorClass,
        message,
      });
      return id;
    },
    resolve: (incidentId: string) => resolveIncidentByCheck(t.ctx.db, incidentId, t.clock.now(), t.clock.now()),
    reopen: (incidentId: string) => reopenIncident(t.ctx.db, incidentId, t.clock.now()),
  };
}

export const outboxRows = (t: Pick<TestDb, 'ctx'>) =>
  t.ctx.db.selectFrom('alert_outbox').selectAll().orderBy('created_at').orderBy('id').execute();

export const timeline = async (t: Pick<TestDb, 'ctx'>, incidentId: string) =>
  (
    await t.ctx.db
      .selectFrom('incident_events')
      .selectAll()
      .where('incident_id', '=', incidentId)
      .orderBy('at')
      .orderBy('created_at')
      .execute()
  ).map((e) => ({ kind: e.kind, data: JSON.parse(e.data) as Record<string, unknown> }));
