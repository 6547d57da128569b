import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { updateAlertChannel } from '../../src/domain/alerts/channels.ts';
import { enqueueAlertsFor } from '../../src/domain/alerts/enqueue-alerts.ts';
import { createClient } from '../../src/domain/clients/clients.ts';
import { systemActor } from '../../src/domain/context.ts';
import { createMaintenanceWindow } from '../../src/domain/monitoring/maintenance-windows.ts';
import { createTestDb, type TestDb } from '../support/test-db.ts';
import { createWorld, outboxRows, timeline } from './support/alert-world.ts';

let t: TestDb;
beforeEach(async () => {
  t = await createTestDb();
});
afterEach(() => t.close());

const iso = (ms: number) => new Date(ms).toISOString();

async function addEveryKind(w: Awaited<ReturnType<typeof createWorld>>) {
  const email = await w.addChannel({ kind: 'email', addresses: 'ops@agency.test' });
  const webhook = await w.addChannel({ kind: 'webhook', url: 'https://hooks.agency.test/steward' });
  const slack = await w.addChannel({
    kind: 'slack',
    clientId: w.client.id,
    url: 'https://hooks.slack.test/services/X',
  });
  return { email: email.channel, webhook: webhook.channel, slack: slack.channel };
}

describe("which channels a site's alerts use", () => {
  it.each([
    ['basic', ['email']],
    ['standard', ['email', 'slack', 'webhook']],
    ['premium', ['email', 'slack', 'webhook']],
    [null, ['email']],
  ] as const)('follows the plan: %s gets %j', async (plan, kinds) => {
    const w = await createWorld(t, { plan });
    await addEveryKind(w);
    const incidentId = await w.openIncident();
    await enqueueAlertsFor(t.ctx, { kind: 'down', incidentId, atMs: t.clock.now() });
    const channels = await t.ctx.db
      .selectFrom('alert_outbox')
      .innerJoin('alert_channels', 'alert_channels.id', 'alert_outbox.channel_id')
      .select('alert_channels.kind')
      .where('alert_outbox.incident_id', '=', incidentId)
      .execute();
    expect(channels.map((c) => c.kind).sort()).toEqual(kinds);
  });

  it('skips disabled channels and never uses another client’s channel', async () => {
    const w = await createWorld(t, { plan: 'premium' });
    const other = await createClient(t.ctx, systemActor, { name: 'Other Co' });
    const { channel: theirs } = await w.addChannel({ kind: 'email', clientId: other.id, addresses: 'them@other.test' });
    const { channel: off } = await w.addChannel({ kind: 'email', addresses: 'off@agency.test' });
    const { channel: on } = await w.addChannel({ kind: 'email', addresses: 'on@agency.test' });
    await updateAlertChannel(t.ctx, systemActor, off.id, { enabled: false });
    const incidentId = await w.openIncident();
    await enqueueAlertsFor(t.ctx, { kind: 'down', incidentId, atMs: t.clock.now() });
    expect((await outboxRows(t)).map((r) => r.channel_id)).toEqual([on.id]);
    expect(theirs.clientId).toBe(other.id);
  });

  it('queues an event once per channel, however often it is reported', async () => {
    const w = await createWorld(t, { plan: 'standard' });
    await addEveryKind(w);
    const incidentId = await w.openIncident();
    const first = await enqueueAlertsFor(t.ctx, { kind: 'down', incidentId, atMs: t.clock.now() });
    const again = await Promise.all(
      [1, 2, 3].map(() => enqueueAlertsFor(t.ctx, { kind: 'down', incidentId, atMs: t.clock.now() })),
    );
    expect(first.queuedIds).toHaveLength(3);
    expect(again.flatMap((a) => a.queuedIds)).toEqual([]);
    expect(await outboxRows(t)).toHaveLength(3);
    const queuedEvents = (await timeline(t, incidentId)).filter((e) => e.kind === 'alert_queued');
    expect(queuedEvents.map((e) => e.data.channelKind).sort()).toEqual(['email', 'slack', 'webhook']);
  });
});

describe('maintenance windows', () => {
  it('silence alerts inside the window and note it once on the timeline', async () => {
    const w = await createWorld(t, { plan: 'standard' });
    await addEveryKind(w);
    const nowMs = t.clock.now();
    const window = await createMaintenanceWindow(t.ctx, systemActor, {
      kind: 'once',
      clientId: w.client.id,
      title: 'Server migration',
      startsAt: iso(nowMs - 600_000),
      endsAt: iso(nowMs + 3600_000),
    });
    const incidentId = await w.openIncident();
    const outcome = await enqueueAlertsFor(t.ctx, { kind: 'down', incidentId, atMs: nowMs });
    await enqueueAlertsFor(t.ctx, { kind: 'down', incidentId, atMs: nowMs });
    expect(outcome).toEqual({ queuedIds: [], silencedByWindowId: window.id, cancelledCount: 0 });
    expect(await outboxRows(t)).toEqual([]);
    const notes = (await timeline(t, incidentId)).filter((e) => e.kind === 'maintenance');
    expect(notes).toEqual([
      { kind: 'maintenance', data: { silencedAlert: 'down', windowId: window.id, windowTitle: 'Server migration' } },
    ]);

    // After the window the outage is over: nobody was told it was down, so nobody is told it recovered.
    t.clock.advance(2 * 3600_000);
    await w.resolve(incidentId);
    expect((await enqueueAlertsFor(t.ctx, { kind: 'recovery', incidentId, atMs: t.clock.now() })).queuedIds).toEqual(
      [],
    );
  });

  it('do not silence a site outside the window, or another client', async () => {
    const w = await createWorld(t, { plan: 'basic' });
    await w.addChannel({ kind: 'email', addresses: 'ops@agency.test' });
    const other = await createClient(t.ctx, systemActor, { name: 'Other Co' });
    const nowMs = t.clock.now();
    await createMaintenanceWindow(t.ctx, systemActor, {
      kind: 'once',
      clientId: other.id,
      title: 'Theirs',
      startsAt: iso(nowMs - 60_000),
      endsAt: iso(nowMs + 60_000),
    });
    await createMaintenanceWindow(t.ctx, systemActor, {
      kind: 'once',
      clientId: w.client.id,
      title: 'Ended',
      startsAt: iso(nowMs - 7200_000),
      endsAt: iso(nowMs - 1),
    });
    const incidentId = await w.openIncident();
    const outcome = await enqueueAlertsFor(t.ctx, { kind: 'down', incidentId, atMs: nowMs });
    expect(outcome.queuedIds).toHaveLength(1);
    expect(outcome.silencedByWindowId).toBeNull();
  });
});
