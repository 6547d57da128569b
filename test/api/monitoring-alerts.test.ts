import { describe, expect, it } from 'vitest';
import { deliverDueAlerts } from '../../src/domain/alerts/deliver-alerts.ts';
import { enqueueAlertsFor } from '../../src/domain/alerts/enqueue-alerts.ts';
import { listOf, pageOf } from '../../src/http/api/doc-schemas.ts';
import {
  alertChannelDoc,
  createdAlertChannelDoc,
  mailMessageDoc,
  outboxAlertDoc,
  webhookSecretDoc,
} from '../../src/http/api/monitoring-doc-schemas.ts';
import { createAlertSenders } from '../../src/integrations/alert-senders.ts';
import { databaseDigest, expectError, expectInvalid, expectOk, makeClient, useTestApp } from './helpers.ts';
import { makeMonitor, makePlannedSite, recordOutage } from './monitoring-fixtures.ts';

const t = useTestApp();

describe('alert channels', () => {
  it('owners add e-mail, webhook and Slack channels; a webhook secret is shown once, a Slack URL masked', async () => {
    const client = await makeClient(t());
    const email = expectOk(
      await t().api('POST', '/alert-channels', { kind: 'email', addresses: 'Ops@Agency.test, oncall@agency.test' }),
      201,
      createdAlertChannelDoc,
    );
    expect(email).toMatchObject({ clientId: null, target: 'ops@agency.test, oncall@agency.test', secret: null });
    const hook = expectOk(
      await t().api('POST', '/alert-channels', {
        kind: 'webhook',
        url: 'https://hooks.example.com/x',
        clientId: client.id,
      }),
      201,
      createdAlertChannelDoc,
    );
    expect(hook.secret).toMatch(/^whsec_/);
    expect(hook.hasSecret).toBe(true);
    const slack = expectOk(
      await t().api(
        'POST',
        '/alert-channels',
        { kind: 'slack', url: 'https://hooks.slack.com/services/T000/B000/abcdefgh' },
        t().tokens.admin,
      ),
      201,
      createdAlertChannelDoc,
    );
    expect(slack.target).toBe('https://hooks.slack.com/…efgh');
    const listed = expectOk(await t().api('GET', '/alert-channels'), 200, listOf(alertChannelDoc));
    expect(listed.data.map((c) => c.id).sort()).toEqual([email.id, hook.id, slack.id].sort());
    expect(JSON.stringify(listed)).not.toContain(hook.secret ?? '');
    const own = expectOk(await t().api('GET', `/alert-channels?clientId=${client.id}`), 200, listOf(alertChannelDoc));
    expect(own.data.map((c) => c.id)).toEqual([hook.id]);
    const agency = expectOk(await t().api('GET', '/alert-channels?clientId=agency'), 200, listOf(alertChannelDoc));
    expect(agency.data.map((c) => c.id).sort()).toEqual([email.id, slack.id].sort());
  });

  it('technicians can read channels but not change them (403, nothing written)', async () => {
    const created = expectOk(
      await t().api('POST', '/alert-channels', { kind: 'email', addresses: ['ops@agency.test'] }),
      201,
      createdAlertChannelDoc,
    );
    const tech = t().tokens.technician;
    expectOk(await t().api('GET', `/alert-channels/${created.id}`, undefined, tech), 200, alertChannelDoc);
    const before = await databaseDigest(t());
    expectError(
      await t().api('POST', '/alert-channels', { kind: 'email', addresses: 'x@y.test' }, tech),
      403,
      'forbidden',
    );
    expectError(await t().api('PATCH', `/alert-channels/${created.id}`, { enabled: false }, tech), 403);
    expectError(await t().api('POST', `/alert-channels/${created.id}/archive`, undefined, tech), 403);
    expectError(await t().api('POST', `/alert-channels/${created.id}/rotate-secret`, undefined, tech), 403);
    expect(await databaseDigest(t())).toEqual(before);
    expectError(await t().api('GET', '/alert-channels', undefined, null), 401);
  });

  it('updates, rotates and archives; wrong kinds and archived channels are 409, bad input 422, unknown ids 404', async () => {
    const hook = expectOk(
      await t().api('POST', '/alert-channels', { kind: 'webhook', url: 'https://hooks.example.com/a' }),
      201,
      createdAlertChannelDoc,
    );
    const mail = expectOk(
      await t().api('POST', '/alert-channels', { kind: 'email', addresses: 'ops@agency.test' }),
      201,
      createdAlertChannelDoc,
    );
    const renamed = expectOk(
      await t().api('PATCH', `/alert-channels/${hook.id}`, { name: 'Ops webhook', enabled: false }),
      200,
      alertChannelDoc,
    );
    expect(renamed).toMatchObject({ name: 'Ops webhook', enabled: false });
    const rotated = expectOk(await t().api('POST', `/alert-channels/${hook.id}/rotate-secret`), 200, webhookSecretDoc);
    expect(rotated.secret).not.toBe(hook.secret);
    expectError(await t().api('POST', `/alert-channels/${mail.id}/rotate-secret`), 409, 'conflict');
    expectInvalid(await t().api('PATCH', `/alert-channels/${mail.id}`, { url: 'https://x.example.com' }), ['url']);
    expectInvalid(await t().api('POST', '/alert-channels', { kind: 'webhook', url: 'ftp://x.example.com' }), ['url']);
    expectInvalid(await t().api('POST', '/alert-channels', { kind: 'email', addresses: 'not-an-address' }), [
      'addresses.0',
    ]);
    expectInvalid(await t().api('POST', '/alert-channels', { kind: 'pager', url: 'https://x.example.com' }), ['kind']);
    expectError(
      await t().api('POST', '/alert-channels', { kind: 'email', addresses: 'a@b.test', clientId: 'cli_missing' }),
      404,
    );
    const archived = expectOk(await t().api('POST', `/alert-channels/${hook.id}/archive`), 200, alertChannelDoc);
    expect(archived.archivedAt).toBe(new Date(t().clock.now()).toISOString());
    expectError(await t().api('POST', `/alert-channels/${hook.id}/archive`), 409);
    expectError(await t().api('PATCH', `/alert-channels/${hook.id}`, { name: 'x' }), 409);
    expectError(await t().api('GET', '/alert-channels/ach_missing'), 404);
    expectError(await t().api('PATCH', '/alert-channels/ach_missing', { name: 'x' }), 404);
    expectError(await t().api('POST', '/alert-channels/ach_missing/archive'), 404);
  });
});

describe('the outbox', () => {
  it('lists deliveries with status, attempts and last error, and the e-mails stored without SMTP', async () => {
    const { site } = await makePlannedSite(t(), 'standard'); // e-mail and webhook alerts
    await t().api('POST', '/alert-channels', { kind: 'email', addresses: 'ops@agency.test' });
    // Nothing listens on port 1: the webhook delivery fails for real and is retried later.
    await t().api('POST', '/alert-channels', { kind: 'webhook', url: 'http://127.0.0.1:1/hook' });
    const monitor = await makeMonitor(t(), site.id);
    const incidentId = await recordOutage(t(), monitor.id, t().clock.now() - 120_000, null);
    const { queuedIds } = await enqueueAlertsFor(t().ctx, { kind: 'down', incidentId, atMs: t().clock.now() });
    expect(queuedIds).toHaveLength(2);
    await deliverDueAlerts(t().ctx, {
      senders: createAlertSenders({ smtpUrl: undefined, mailFrom: 'steward@agency.test' }, 2000),
    });

    const outbox = expectOk(await t().api('GET', '/alert-outbox'), 200, pageOf(outboxAlertDoc));
    const byKind = Object.fromEntries(outbox.data.map((a) => [a.channel.kind, a]));
    expect(byKind.email).toMatchObject({ status: 'sent', attempts: 1, lastError: null, incidentId, eventKind: 'down' });
    expect(byKind.webhook).toMatchObject({ status: 'pending', attempts: 1, incidentId });
    expect(byKind.webhook?.lastError).toBeTruthy();
    expect(byKind.webhook?.nextAttemptAt).not.toBeNull();
    const pending = expectOk(await t().api('GET', '/alert-outbox?status=pending'), 200, pageOf(outboxAlertDoc));
    expect(pending.data.map((a) => a.channel.kind)).toEqual(['webhook']);

    const mail = expectOk(
      await t().api('GET', '/mail-messages', undefined, t().tokens.technician),
      200,
      pageOf(mailMessageDoc),
    );
    expect(mail.data).toHaveLength(1);
    expect(mail.data[0]).toMatchObject({ to: 'ops@agency.test', status: 'stored', alertId: byKind.email?.id });
    expect(mail.data[0]?.subject).toBe(byKind.email?.summary);
    expectInvalid(await t().api('GET', '/alert-outbox?status=lost'), ['status']);
    expectInvalid(await t().api('GET', '/mail-messages?cursor=nope'), ['cursor']);
    expectError(await t().api('GET', '/alert-outbox', undefined, null), 401);
  });
});
