import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deliverDueAlerts } from '../../src/domain/alerts/deliver-alerts.ts';
import { enqueueAlertsFor, RECOVERY_MARGIN_MS } from '../../src/domain/alerts/enqueue-alerts.ts';
import { listAlertOutbox, listMailMessages } from '../../src/domain/alerts/read-outbox.ts';
import { createAlertSenders } from '../../src/integrations/alert-senders.ts';
import { createTestDb, type TestDb } from '../support/test-db.ts';
import { createWorld, outboxRows, timeline } from './support/alert-world.ts';
import { parseMail } from './support/parse-mail.ts';
import { startSmtpReceiver } from './support/receivers.ts';

let t: TestDb;
let smtp: Awaited<ReturnType<typeof startSmtpReceiver>>;
beforeEach(async () => {
  t = await createTestDb();
  smtp = await startSmtpReceiver();
});
afterEach(async () => {
  await smtp.close();
  await t.close();
});

const FROM = 'Steward Alerts <alerts@agency.test>';

describe('e-mail alerts', () => {
  it('sends down and recovery alerts through a real SMTP server', async () => {
    const w = await createWorld(t, { plan: 'standard', flapGraceS: 120 });
    await w.addChannel({ kind: 'email', addresses: 'ops@agency.test, owner@acme.test' });
    const senders = createAlertSenders({ smtpUrl: smtp.url, mailFrom: FROM });
    const incidentId = await w.openIncident('timeout', 'no answer within 10000 ms');

    const queued = await enqueueAlertsFor(t.ctx, { kind: 'down', incidentId, atMs: t.clock.now() });
    expect(queued.queuedIds).toHaveLength(1);
    expect(await deliverDueAlerts(t.ctx, { senders })).toEqual(['sent']);

    expect(smtp.messages).toHaveLength(1);
    const down = smtp.messages[0]!;
    expect(down.from).toBe('alerts@agency.test');
    expect(down.to).toEqual(['ops@agency.test', 'owner@acme.test']);
    const parsed = parseMail(down.raw);
    expect(parsed.headers.get('subject')).toBe('[DOWN] Acme Shop — HTTP check failing (timeout)');
    expect(parsed.text).toContain('Site: Acme Shop (https://acme-bakery.test/)');
    expect(parsed.text).toContain('Cause: timeout — no answer within 10000 ms');
    expect(parsed.text).toContain(`Incident: ${incidentId}`);
    expect(parsed.html).toContain('<th align="left" style="padding:2px 12px 2px 0">Client</th><td>Acme Bakery</td>');

    // Recovery waits out the flap grace, then goes to the same channel.
    t.clock.advance(10 * 60_000);
    await w.resolve(incidentId);
    await enqueueAlertsFor(t.ctx, { kind: 'recovery', incidentId, atMs: t.clock.now() });
    expect(await deliverDueAlerts(t.ctx, { senders })).toEqual([]);
    t.clock.advance(120_000 + RECOVERY_MARGIN_MS);
    expect(await deliverDueAlerts(t.ctx, { senders })).toEqual(['sent']);
    expect(smtp.messages).toHaveLength(2);
    expect(parseMail(smtp.messages[1]!.raw).headers.get('subject')).toBe(
      '[RECOVERED] Acme Shop — HTTP check back up after 11 min',
    );

    const mails = await listMailMessages(t.ctx);
    expect(mails.data.map((m) => [m.status, m.to, m.subject])).toEqual([
      ['sent', 'ops@agency.test, owner@acme.test', '[RECOVERED] Acme Shop — HTTP check back up after 11 min'],
      ['sent', 'ops@agency.test, owner@acme.test', '[DOWN] Acme Shop — HTTP check failing (timeout)'],
    ]);
    const kinds = (await timeline(t, incidentId)).map((e) => e.kind);
    expect(kinds).toEqual(['opened', 'alert_queued', 'alert_sent', 'resolved', 'alert_queued', 'alert_sent']);
  });

  it('stores mail for the console outbox when no SMTP server is configured', async () => {
    const w = await createWorld(t, { plan: 'basic' });
    await w.addChannel({ kind: 'email', addresses: 'ops@agency.test' });
    const senders = createAlertSenders({ smtpUrl: undefined, mailFrom: FROM });
    const incidentId = await w.openIncident('status', 'HTTP 500');
    await enqueueAlertsFor(t.ctx, { kind: 'down', incidentId, atMs: t.clock.now() });

    expect(await deliverDueAlerts(t.ctx, { senders })).toEqual(['sent']);
    expect(smtp.messages).toHaveLength(0);
    const stored = await listMailMessages(t.ctx, { status: 'stored' });
    expect(stored.data).toHaveLength(1);
    expect(stored.data[0]).toMatchObject({
      to: 'ops@agency.test',
      subject: '[DOWN] Acme Shop — HTTP check failing (status)',
      status: 'stored',
    });
    expect(stored.data[0]?.textBody).toContain('Cause: status — HTTP 500');
    expect((await listMailMessages(t.ctx, { status: 'sent' })).data).toEqual([]);
    const [row] = await outboxRows(t);
    expect(row).toMatchObject({ status: 'sent', attempts: 1 });
    const outbox = await listAlertOutbox(t.ctx, { status: 'sent' });
    expect(outbox.data[0]).toMatchObject({ eventKind: 'down', channel: { kind: 'email' }, attempts: 1 });
  });

  it('records an unreachable SMTP server as a failed attempt to retry', async () => {
    const w = await createWorld(t, { plan: 'basic' });
    await w.addChannel({ kind: 'email', addresses: 'ops@agency.test' });
    await smtp.close();
    const senders = createAlertSenders({ smtpUrl: smtp.url, mailFrom: FROM }, 2_000);
    const incidentId = await w.openIncident();
    await enqueueAlertsFor(t.ctx, { kind: 'down', incidentId, atMs: t.clock.now() });

    expect(await deliverDueAlerts(t.ctx, { senders, random: () => 0 })).toEqual(['retry']);
    const [row] = await outboxRows(t);
    expect(row?.status).toBe('pending');
    expect(row?.last_error).toMatch(/ECONNREFUSED/);
    expect(row?.next_attempt_at).toBe(t.clock.now() + 30_000);
    smtp = await startSmtpReceiver(); // afterEach closes this one
  });
});
