import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AlertPayload } from '../../src/domain/alerts/alert-payload.ts';
import { deliverDueAlerts } from '../../src/domain/alerts/deliver-alerts.ts';
import { enqueueAlertsFor, RECOVERY_MARGIN_MS } from '../../src/domain/alerts/enqueue-alerts.ts';
import { enqueueDueReminders, REMINDER_FIRST_DELAY_MS, REMINDER_REPEAT_MS } from '../../src/domain/alerts/reminders.ts';
import type { AlertSenders } from '../../src/domain/alerts/senders.ts';
import { systemActor } from '../../src/domain/context.ts';
import { acknowledgeIncident } from '../../src/domain/incidents/incident-actions.ts';
import { createTestDb, type TestDb } from '../support/test-db.ts';
import { createWorld, outboxRows, timeline } from './support/alert-world.ts';

let t: TestDb;
beforeEach(async () => {
  t = await createTestDb();
});
afterEach(() => t.close());

/** Stored mail: delivery through the real code path with no network; the mail log is the record. */
const storeOnly: AlertSenders = {
  sendMail: async () => ({ delivery: 'stored' }),
  postWebhook: async () => {},
  postSlack: async () => {},
};
const sentSubjects = async () =>
  (await t.ctx.db.selectFrom('mail_messages').select('subject').orderBy('created_at').orderBy('id').execute()).map(
    (m) => m.subject,
  );

describe('reminders', () => {
  it('remind after 30 min unacknowledged, then every 2 h, and stop once acknowledged', async () => {
    const w = await createWorld(t, { plan: 'basic' });
    await w.addChannel({ kind: 'email', addresses: 'ops@agency.test' });
    const incidentId = await w.openIncident();
    const detectedMs = t.clock.now();

    t.clock.set(detectedMs + REMINDER_FIRST_DELAY_MS - 1);
    expect(await enqueueDueReminders(t.ctx)).toBe(0);
    t.clock.set(detectedMs + REMINDER_FIRST_DELAY_MS);
    expect(await enqueueDueReminders(t.ctx)).toBe(1);
    expect(await enqueueDueReminders(t.ctx)).toBe(0); // the same reminder is not queued twice
    await deliverDueAlerts(t.ctx, { senders: storeOnly });

    t.clock.set(detectedMs + REMINDER_FIRST_DELAY_MS + REMINDER_REPEAT_MS - 1);
    expect(await enqueueDueReminders(t.ctx)).toBe(0);
    t.clock.set(detectedMs + REMINDER_FIRST_DELAY_MS + REMINDER_REPEAT_MS);
    expect(await enqueueDueReminders(t.ctx)).toBe(1);
    await deliverDueAlerts(t.ctx, { senders: storeOnly });
    expect(await sentSubjects()).toEqual([
      '[REMINDER] Acme Shop — HTTP check still failing, unacknowledged for 30 min',
      '[REMINDER] Acme Shop — HTTP check still failing, unacknowledged for 150 min',
    ]);

    await acknowledgeIncident(t.ctx, systemActor, incidentId);
    t.clock.advance(10 * REMINDER_REPEAT_MS);
    expect(await enqueueDueReminders(t.ctx)).toBe(0);
    const rows = await outboxRows(t);
    expect(rows.map((r) => [r.event_kind, r.status])).toEqual([
      ['reminder', 'sent'],
      ['reminder', 'sent'],
    ]);
  });

  it('withdraws a queued reminder when the incident is acknowledged before it goes out', async () => {
    const w = await createWorld(t, { plan: 'standard' });
    await w.addChannel({ kind: 'webhook', url: 'https://hooks.agency.test/x' });
    const incidentId = await w.openIncident();
    t.clock.advance(REMINDER_FIRST_DELAY_MS);
    expect(await enqueueDueReminders(t.ctx)).toBe(1);
    await acknowledgeIncident(t.ctx, systemActor, incidentId);
    let posted = 0;
    const counting = { ...storeOnly, postWebhook: async () => void posted++ };
    expect(await deliverDueAlerts(t.ctx, { senders: counting })).toEqual(['cancelled']);
    expect(posted).toBe(0);
    const [row] = await outboxRows(t);
    expect(row).toMatchObject({ status: 'cancelled', last_error: 'the incident was acknowledged' });
    const last = (await timeline(t, incidentId)).at(-1);
    expect(last).toMatchObject({ kind: 'alert_cancelled', data: { reason: 'the incident was acknowledged' } });
  });

  it('skip the reminders missed while no worker ran and send only the latest', async () => {
    const w = await createWorld(t, { plan: 'basic' });
    await w.addChannel({ kind: 'email', addresses: 'ops@agency.test' });
    await w.openIncident();
    t.clock.advance(REMINDER_FIRST_DELAY_MS + 3 * REMINDER_REPEAT_MS + 60_000);
    expect(await enqueueDueReminders(t.ctx)).toBe(1);
    const [row] = await outboxRows(t);
    expect((JSON.parse(row!.payload) as AlertPayload).reminder).toEqual({ number: 4, unacknowledgedForMin: 390 });
  });
});

describe('TLS expiry warnings', () => {
  it('warn once per certificate and threshold', async () => {
    const w = await createWorld(t, { plan: 'premium', kind: 'tls' });
    await w.addChannel({ kind: 'email', addresses: 'ops@agency.test' });
    const validToMs = t.clock.now() + 25 * 86_400_000;
    const warn = (daysToExpiry: number, certValidToMs = validToMs) =>
      enqueueAlertsFor(t.ctx, {
        kind: 'tls_expiry',
        monitorId: w.monitor.id,
        atMs: t.clock.now(),
        validToMs: certValidToMs,
        daysToExpiry,
      }).then((o) => o.queuedIds.length);

    expect(await warn(25)).toBe(0); // above every threshold (21/7/1)
    expect(await warn(21)).toBe(1);
    expect(await warn(20)).toBe(0);
    expect(await warn(8)).toBe(0);
    expect(await warn(5)).toBe(1); // crossed 7
    expect(await warn(5)).toBe(0);
    expect(await warn(0)).toBe(1); // crossed 1
    expect(await warn(-1)).toBe(0);
    expect(await warn(20, validToMs + 90 * 86_400_000)).toBe(1); // a renewed certificate warns afresh
    await deliverDueAlerts(t.ctx, { senders: storeOnly });
    expect((await sentSubjects()).sort()).toEqual([
      '[TLS] Acme Shop — certificate expires in 20 days',
      '[TLS] Acme Shop — certificate expires in 21 days',
      '[TLS] Acme Shop — certificate expires in 5 days',
      '[TLS] Acme Shop — certificate expires today',
    ]);
  });
});

describe('flapping', () => {
  it('a reopen within the grace cancels the recovery and sends no second down', async () => {
    const w = await createWorld(t, { plan: 'standard', flapGraceS: 300 });
    await w.addChannel({ kind: 'email', addresses: 'ops@agency.test' });
    await w.addChannel({ kind: 'webhook', url: 'https://hooks.agency.test/x' });
    const incidentId = await w.openIncident();
    await enqueueAlertsFor(t.ctx, { kind: 'down', incidentId, atMs: t.clock.now() });
    expect(await deliverDueAlerts(t.ctx, { senders: storeOnly })).toEqual(['sent', 'sent']);

    for (let flap = 0; flap < 3; flap++) {
      t.clock.advance(60_000);
      await w.resolve(incidentId);
      const recovery = await enqueueAlertsFor(t.ctx, { kind: 'recovery', incidentId, atMs: t.clock.now() });
      expect(recovery.queuedIds).toHaveLength(2);
      t.clock.advance(120_000);
      expect(await deliverDueAlerts(t.ctx, { senders: storeOnly })).toEqual([]); // still within the grace
      expect(await w.reopen(incidentId)).toBe(true);
      const reopened = await enqueueAlertsFor(t.ctx, { kind: 'reopened', incidentId, atMs: t.clock.now() });
      expect(reopened).toMatchObject({ queuedIds: [], cancelledCount: 2 });
    }
    t.clock.advance(3600_000);
    expect(await deliverDueAlerts(t.ctx, { senders: storeOnly })).toEqual([]);
    const rows = await outboxRows(t);
    expect(rows.map((r) => `${r.event_kind}:${r.status}`).sort()).toEqual([
      ...Array(2).fill('down:sent'),
      ...Array(6).fill('recovery:cancelled'),
    ]);
    expect(await sentSubjects()).toEqual(['[DOWN] Acme Shop — HTTP check failing (timeout)']);
    const cancelled = (await timeline(t, incidentId)).filter((e) => e.kind === 'alert_cancelled');
    expect(cancelled).toHaveLength(6);

    // The service settles: the recovery after the last flap goes out once the grace has passed.
    await w.resolve(incidentId);
    await enqueueAlertsFor(t.ctx, { kind: 'recovery', incidentId, atMs: t.clock.now() });
    t.clock.advance(300_000 + RECOVERY_MARGIN_MS);
    expect(await deliverDueAlerts(t.ctx, { senders: storeOnly })).toEqual(['sent', 'sent']);
  });

  it('a recovery whose reopen was never reported is still withheld when due', async () => {
    const w = await createWorld(t, { plan: 'basic', flapGraceS: 60 });
    await w.addChannel({ kind: 'email', addresses: 'ops@agency.test' });
    const incidentId = await w.openIncident();
    await enqueueAlertsFor(t.ctx, { kind: 'down', incidentId, atMs: t.clock.now() });
    await w.resolve(incidentId);
    await enqueueAlertsFor(t.ctx, { kind: 'recovery', incidentId, atMs: t.clock.now() });
    await w.reopen(incidentId);
    t.clock.advance(3600_000);
    expect((await deliverDueAlerts(t.ctx, { senders: storeOnly })).sort()).toEqual(['cancelled', 'sent']);
    expect(await sentSubjects()).toEqual(['[DOWN] Acme Shop — HTTP check failing (timeout)']);
  });

  it('a channel already told "recovered" hears that it is down again', async () => {
    const w = await createWorld(t, { plan: 'basic', flapGraceS: 0 });
    await w.addChannel({ kind: 'email', addresses: 'ops@agency.test' });
    const incidentId = await w.openIncident();
    await enqueueAlertsFor(t.ctx, { kind: 'down', incidentId, atMs: t.clock.now() });
    await deliverDueAlerts(t.ctx, { senders: storeOnly });
    t.clock.advance(60_000);
    await w.resolve(incidentId);
    await enqueueAlertsFor(t.ctx, { kind: 'recovery', incidentId, atMs: t.clock.now() });
    t.clock.advance(RECOVERY_MARGIN_MS);
    await deliverDueAlerts(t.ctx, { senders: storeOnly });
    t.clock.advance(10_000);
    await w.reopen(incidentId);
    const reopened = await enqueueAlertsFor(t.ctx, { kind: 'reopened', incidentId, atMs: t.clock.now() });
    expect(reopened.queuedIds).toHaveLength(1);
    expect(await enqueueAlertsFor(t.ctx, { kind: 'reopened', incidentId, atMs: t.clock.now() })).toMatchObject({
      queuedIds: [],
    });
    await deliverDueAlerts(t.ctx, { senders: storeOnly });
    expect(await sentSubjects()).toEqual([
      '[DOWN] Acme Shop — HTTP check failing (timeout)',
      '[RECOVERED] Acme Shop — HTTP check back up after 2 min',
      '[DOWN] Acme Shop — HTTP check failing (timeout)',
    ]);
  });
});
