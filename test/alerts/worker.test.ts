import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AlertSenders } from '../../src/domain/alerts/senders.ts';
import { createEngineEvents } from '../../src/engine/events.ts';
import { manualTimer } from '../../src/engine/timer.ts';
import { ALERT_POLL_MS, startAlertWorker } from '../../src/integrations/alert-worker.ts';
import { subscribeAlertsToEngine } from '../../src/integrations/engine-alerts.ts';
import { createTestDb, type TestDb } from '../support/test-db.ts';
import { createWorld, outboxRows } from './support/alert-world.ts';

let t: TestDb;
beforeEach(async () => {
  t = await createTestDb();
});
afterEach(() => t.close());

const silent = pino({ level: 'silent' });

function recordingSenders() {
  const subjects: string[] = [];
  const senders: AlertSenders = {
    sendMail: async (m) => {
      subjects.push(m.subject);
      return { delivery: 'stored' };
    },
    postWebhook: async () => {},
    postSlack: async () => {},
  };
  return { senders, subjects };
}

describe('the alert worker', () => {
  it('delivers queued alerts on its own schedule and stops cleanly', async () => {
    const w = await createWorld(t, { plan: 'basic' });
    await w.addChannel({ kind: 'email', addresses: 'ops@agency.test' });
    const timer = manualTimer(t.clock.now());
    const { senders, subjects } = recordingSenders();
    const events = createEngineEvents();
    const ctx = { ...t.ctx, clock: timer };
    const worker = startAlertWorker({
      ctx,
      config: { smtpUrl: undefined, mailFrom: 'a@b.test', publicUrl: undefined },
      logger: silent,
      timer,
      senders,
    });
    const subscription = subscribeAlertsToEngine(events, ctx, { logger: silent, onQueued: () => worker.wake() });

    const incidentId = await w.openIncident();
    events.emit({ kind: 'check_result', monitorId: w.monitor.id, atMs: timer.now() });
    events.emit({ kind: 'incident_opened', monitorId: w.monitor.id, incidentId, atMs: timer.now() });
    await subscription.idle();
    expect(await outboxRows(t)).toHaveLength(1);
    // Nothing moves until the worker's own timer fires.
    await new Promise((r) => setTimeout(r, 50));
    expect(subjects).toEqual([]);
    timer.advance(0);
    await vi.waitFor(() => expect(subjects).toHaveLength(1));
    expect(subjects).toEqual(['[DOWN] Acme Shop — HTTP check failing (timeout)']);

    // The next alert waits for the next poll.
    await vi.waitFor(() => expect(timer.pendingCount).toBe(1));
    await w.resolve(incidentId);
    t.clock.set(timer.now());
    const second = await w.openIncident('dns', 'NXDOMAIN');
    events.emit({ kind: 'incident_opened', monitorId: w.monitor.id, incidentId: second, atMs: timer.now() });
    await subscription.idle();
    timer.advance(ALERT_POLL_MS);
    await vi.waitFor(() => expect(subjects).toHaveLength(2));
    expect(subjects[1]).toBe('[DOWN] Acme Shop — HTTP check failing (dns)');

    subscription.unsubscribe();
    await worker.stop();
    expect(timer.pendingCount).toBe(0);
  });

  it('catches up on alerts lost between an incident commit and its enqueue', async () => {
    const w = await createWorld(t, { plan: 'basic' });
    await w.addChannel({ kind: 'email', addresses: 'ops@agency.test' });
    const incidentId = await w.openIncident(); // no event reaches the alerting (a crash in between)
    const timer = manualTimer(t.clock.now() + 5_000);
    const { senders, subjects } = recordingSenders();
    const worker = startAlertWorker({
      ctx: t.ctx,
      clock: timer,
      config: { smtpUrl: undefined, mailFrom: 'a@b.test', publicUrl: undefined },
      logger: silent,
      timer,
      senders,
    });
    await worker.tick();
    await worker.stop();
    expect(subjects).toEqual(['[DOWN] Acme Shop — HTTP check failing (timeout)']);
    expect((await outboxRows(t)).map((r) => [r.incident_id, r.event_kind, r.status])).toEqual([
      [incidentId, 'down', 'sent'],
    ]);
  });
});

describe('the engine adapter', () => {
  it('turns TLS warnings into one alert per threshold and ignores check results', async () => {
    const w = await createWorld(t, { plan: 'premium', kind: 'tls' });
    await w.addChannel({ kind: 'email', addresses: 'ops@agency.test' });
    const events = createEngineEvents();
    const subscription = subscribeAlertsToEngine(events, t.ctx, { logger: silent });
    const validToMs = t.clock.now() + 6.5 * 86_400_000;
    const result = {
      monitorId: w.monitor.id,
      startedAt: t.clock.now(),
      location: 'local',
      outcome: 'degraded' as const,
      errorClass: 'cert_expiring',
      message: 'certificate expires in 6 days (warning at 21)',
      httpStatus: null,
      totalMs: 12,
      isConfirmation: false,
      tls: { validToMs, daysToExpiry: 6, subject: 'CN=acme-bakery.test', issuer: 'CN=Test CA' },
    };
    for (let i = 0; i < 3; i++) {
      events.emit({ kind: 'check_result', monitorId: w.monitor.id, atMs: t.clock.now(), result });
      events.emit({ kind: 'tls_warning', monitorId: w.monitor.id, atMs: t.clock.now(), result });
    }
    events.emit({ kind: 'tls_warning', monitorId: w.monitor.id, atMs: t.clock.now() }); // no certificate facts
    await subscription.idle();
    const rows = await outboxRows(t);
    expect(rows.map((r) => [r.event_kind, r.dedupe_key.split(':').slice(0, 4).join(':')])).toEqual([
      ['tls_expiry', `tls:${w.monitor.id}:${validToMs}:7`],
    ]);
  });
});
