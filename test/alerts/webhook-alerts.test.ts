import { createHmac } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RETRY_BASE_MS } from '../../src/domain/alerts/backoff.ts';
import { deliverDueAlerts } from '../../src/domain/alerts/deliver-alerts.ts';
import { enqueueAlertsFor } from '../../src/domain/alerts/enqueue-alerts.ts';
import { createAlertSenders } from '../../src/integrations/alert-senders.ts';
import { verifyWebhookSignature } from '../../src/integrations/webhook/signature.ts';
import { createTestDb, type TestDb } from '../support/test-db.ts';
import { createWorld, outboxRows, timeline } from './support/alert-world.ts';
import { startHttpReceiver } from './support/receivers.ts';

let t: TestDb;
let receiver: Awaited<ReturnType<typeof startHttpReceiver>> | undefined;
beforeEach(async () => {
  t = await createTestDb();
});
afterEach(async () => {
  await receiver?.close();
  receiver = undefined;
  await t.close();
});

const senders = () => createAlertSenders({ smtpUrl: undefined, mailFrom: 'x@y.test' }, 2_000);

describe('webhook alerts', () => {
  it('POSTs the documented JSON, signed so that the documented check verifies it', async () => {
    receiver = await startHttpReceiver();
    const w = await createWorld(t, { plan: 'standard' });
    const { secret } = await w.addChannel({ kind: 'webhook', url: `${receiver.url}/hooks/steward` });
    const incidentId = await w.openIncident('refused', 'connection refused');
    const [alertId] = (await enqueueAlertsFor(t.ctx, { kind: 'down', incidentId, atMs: t.clock.now() })).queuedIds;

    expect(await deliverDueAlerts(t.ctx, { senders: senders() })).toEqual(['sent']);
    expect(receiver.requests).toHaveLength(1);
    const req = receiver.requests[0]!;
    expect(req.path).toBe('/hooks/steward');
    expect(req.headers['content-type']).toBe('application/json');
    const timestamp = req.headers['steward-timestamp'] as string;
    expect(Number(timestamp)).toBe(Math.floor(t.clock.now() / 1000));
    const nowS = Math.floor(t.clock.now() / 1000);
    const verify = (over: Partial<Parameters<typeof verifyWebhookSignature>[0]>) =>
      verifyWebhookSignature({
        secret: secret!,
        timestampHeader: timestamp,
        signatureHeader: req.headers['steward-signature'] as string,
        body: req.body,
        nowS,
        ...over,
      });
    // As docs/webhooks.md tells a receiver to do it, with nothing but node:crypto:
    const expected = `v1=${createHmac('sha256', secret!).update(`${timestamp}.${req.body}`).digest('hex')}`;
    expect(req.headers['steward-signature']).toBe(expected);
    expect(verify({})).toBe(true);
    expect(verify({ body: req.body.replace('refused', 'REFUSED') })).toBe(false);
    expect(verify({ secret: 'whsec_other' })).toBe(false);
    expect(verify({ timestampHeader: String(Number(timestamp) + 1) })).toBe(false);
    expect(verify({ nowS: nowS + 301 })).toBe(false);
    expect(verify({ nowS: nowS + 299 })).toBe(true);

    const body = JSON.parse(req.body);
    expect(Object.keys(body).slice(0, 3)).toEqual(['type', 'id', 'occurredAt']);
    expect(body).toMatchObject({
      type: 'down',
      id: alertId,
      occurredAt: new Date(t.clock.now()).toISOString(),
      monitor: { id: w.monitor.id, kind: 'http' },
      site: { id: w.site.id, name: 'Acme Shop', url: 'https://acme-bakery.test/' },
      client: { id: w.client.id, name: 'Acme Bakery' },
      incident: { id: incidentId, status: 'open', causeErrorClass: 'refused', durationS: 60, reopenCount: 0 },
    });
  });

  it('sends Slack-compatible messages with text and blocks', async () => {
    receiver = await startHttpReceiver();
    const w = await createWorld(t, { plan: 'premium' });
    await w.addChannel({ kind: 'slack', url: `${receiver.url}/services/T1/B2/xyz` });
    const incidentId = await w.openIncident('keyword', 'expected <h1>Welcome & more');
    await enqueueAlertsFor(t.ctx, { kind: 'down', incidentId, atMs: t.clock.now() });

    expect(await deliverDueAlerts(t.ctx, { senders: senders() })).toEqual(['sent']);
    const message = JSON.parse(receiver.requests[0]!.body);
    expect(message.text).toBe('[DOWN] Acme Shop — HTTP check failing (keyword)');
    expect(message.blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: message.text } });
    expect(message.blocks[1].text.type).toBe('mrkdwn');
    // Slack control characters in data are escaped.
    expect(message.blocks[1].text.text).toContain('*Cause:* keyword — expected &lt;h1&gt;Welcome &amp; more');
    expect(receiver.requests[0]!.headers['steward-signature']).toBeUndefined();
  });

  it('retries a failing receiver with exponential backoff, then delivers once', async () => {
    receiver = await startHttpReceiver((n) => (n <= 2 ? 503 : 200));
    const w = await createWorld(t, { plan: 'standard' });
    await w.addChannel({ kind: 'webhook', url: receiver.url });
    const incidentId = await w.openIncident();
    await enqueueAlertsFor(t.ctx, { kind: 'down', incidentId, atMs: t.clock.now() });
    const run = () => deliverDueAlerts(t.ctx, { senders: senders(), random: () => 0.5 });

    expect(await run()).toEqual(['retry']);
    let [row] = await outboxRows(t);
    expect(row).toMatchObject({
      status: 'pending',
      attempts: 1,
      last_error: 'HTTP 503: receiver says 503',
      locked_until: null,
    });
    const firstDelayMs = row!.next_attempt_at - t.clock.now();
    expect(firstDelayMs).toBe(RETRY_BASE_MS * 1.05);

    t.clock.advance(firstDelayMs - 1);
    expect(await run()).toEqual([]); // not due yet
    t.clock.advance(1);
    expect(await run()).toEqual(['retry']);
    [row] = await outboxRows(t);
    const secondDelayMs = row!.next_attempt_at - t.clock.now();
    expect(secondDelayMs).toBe(2 * RETRY_BASE_MS * 1.05);

    t.clock.advance(secondDelayMs);
    expect(await run()).toEqual(['sent']);
    t.clock.advance(24 * 3600_000);
    expect(await run()).toEqual([]);
    expect(receiver.requests).toHaveLength(3);
    [row] = await outboxRows(t);
    expect(row).toMatchObject({
      status: 'sent',
      attempts: 3,
      last_error: null,
      sent_at: t.clock.now() - 24 * 3600_000,
    });
    const kinds = (await timeline(t, incidentId)).map((e) => e.kind);
    expect(kinds).toEqual(['opened', 'alert_queued', 'alert_sent']);
  });

  it('gives up after the last attempt and puts the failure on the timeline', async () => {
    receiver = await startHttpReceiver(() => 500);
    const w = await createWorld(t, { plan: 'standard' });
    await w.addChannel({ kind: 'webhook', url: receiver.url });
    const incidentId = await w.openIncident();
    await enqueueAlertsFor(t.ctx, { kind: 'down', incidentId, atMs: t.clock.now() });
    const outcomes: string[] = [];
    for (let i = 0; i < 4; i++) {
      outcomes.push(...(await deliverDueAlerts(t.ctx, { senders: senders(), maxAttempts: 3 })));
      t.clock.advance(3600_000);
    }
    expect(outcomes).toEqual(['retry', 'retry', 'failed']);
    const [row] = await outboxRows(t);
    expect(row).toMatchObject({ status: 'failed', attempts: 3, last_error: 'HTTP 500: receiver says 500' });
    const failed = (await timeline(t, incidentId)).filter((e) => e.kind === 'alert_failed');
    expect(failed).toHaveLength(1);
    expect(failed[0]?.data).toMatchObject({
      attempts: 3,
      error: 'HTTP 500: receiver says 500',
      channelKind: 'webhook',
    });
  });

  it('times out a receiver that never answers, and does not follow redirects', async () => {
    receiver = await startHttpReceiver((n) => (n === 1 ? 'hang' : 302));
    const w = await createWorld(t, { plan: 'standard' });
    await w.addChannel({ kind: 'webhook', url: receiver.url });
    const incidentId = await w.openIncident();
    await enqueueAlertsFor(t.ctx, { kind: 'down', incidentId, atMs: t.clock.now() });
    const quick = createAlertSenders({ smtpUrl: undefined, mailFrom: 'x@y.test' }, 300);

    expect(await deliverDueAlerts(t.ctx, { senders: quick })).toEqual(['retry']);
    expect((await outboxRows(t))[0]?.last_error).toBe('no answer within 300 ms');
    t.clock.advance(3600_000);
    expect(await deliverDueAlerts(t.ctx, { senders: quick })).toEqual(['retry']);
    expect((await outboxRows(t))[0]?.last_error).toMatch(/^HTTP 302/);
    expect(receiver.requests).toHaveLength(2);
  });
});
