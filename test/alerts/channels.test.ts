import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  archiveAlertChannel,
  createAlertChannel,
  getAlertChannel,
  listAlertChannels,
  rotateWebhookSecret,
  updateAlertChannel,
} from '../../src/domain/alerts/channels.ts';
import { createClient } from '../../src/domain/clients/clients.ts';
import { type Actor, systemActor } from '../../src/domain/context.ts';
import { createTestDb, type TestDb } from '../support/test-db.ts';

const admin: Actor = { kind: 'user', userId: 'usr_admin', role: 'admin' };
const technician: Actor = { kind: 'user', userId: 'usr_tech', role: 'technician' };

let t: TestDb;
beforeEach(async () => {
  t = await createTestDb();
});
afterEach(() => t.close());

describe('alert channels', () => {
  it('creates agency-wide and per-client channels of every kind', async () => {
    const client = await createClient(t.ctx, systemActor, { name: 'Acme' });
    const mail = await createAlertChannel(t.ctx, admin, {
      kind: 'email',
      addresses: 'Ops@Agency.test, oncall@agency.test',
    });
    t.clock.advance(1000);
    const hook = await createAlertChannel(t.ctx, admin, {
      kind: 'webhook',
      clientId: client.id,
      url: 'https://hooks.acme.test/steward',
    });
    t.clock.advance(1000);
    const slack = await createAlertChannel(t.ctx, admin, {
      kind: 'slack',
      name: 'Ops Slack',
      url: 'https://hooks.slack.test/services/T000/B000/abcdefgh',
    });

    expect(mail.channel).toMatchObject({
      kind: 'email',
      clientId: null,
      target: 'ops@agency.test, oncall@agency.test',
    });
    expect(mail.secret).toBeNull();
    expect(hook.channel).toMatchObject({
      kind: 'webhook',
      clientId: client.id,
      hasSecret: true,
      name: 'Webhook hooks.acme.test',
    });
    expect(hook.secret).toMatch(/^whsec_[A-Za-z0-9_-]{40,}$/);
    // The Slack URL is a credential: reads show only its end.
    expect(slack.channel.target).toBe('https://hooks.slack.test/…efgh');

    expect((await listAlertChannels(t.ctx)).map((c) => c.id)).toEqual([
      mail.channel.id,
      hook.channel.id,
      slack.channel.id,
    ]);
    expect((await listAlertChannels(t.ctx, { clientId: 'agency' })).map((c) => c.id)).toEqual([
      mail.channel.id,
      slack.channel.id,
    ]);
    expect((await listAlertChannels(t.ctx, { clientId: client.id })).map((c) => c.id)).toEqual([hook.channel.id]);
    // The secret is never part of a read.
    expect(JSON.stringify(await getAlertChannel(t.ctx, hook.channel.id))).not.toContain(hook.secret);
  });

  it('refuses bad input with one clear error and writes nothing', async () => {
    const bad = [
      { kind: 'email', addresses: [] },
      { kind: 'email', addresses: 'not-an-address' },
      { kind: 'email', addresses: Array.from({ length: 21 }, (_, i) => `a${i}@x.test`) },
      { kind: 'webhook', url: 'ftp://example.test/' },
      { kind: 'webhook', url: 'https://user:pass@example.test/' },
      { kind: 'slack', url: 'not a url' },
      { kind: 'pager', url: 'https://example.test/' },
      { kind: 'email', addresses: 'a@x.test', url: 'https://example.test/' },
    ];
    for (const input of bad) {
      await expect(createAlertChannel(t.ctx, admin, input), JSON.stringify(input)).rejects.toMatchObject({
        code: 'invalid',
      });
    }
    await expect(
      createAlertChannel(t.ctx, admin, { kind: 'email', addresses: 'a@x.test', clientId: 'cli_missing' }),
    ).rejects.toMatchObject({ code: 'not_found' });
    expect(await listAlertChannels(t.ctx, { archived: 'all' })).toEqual([]);
  });

  it('lets only owners and admins manage channels', async () => {
    await expect(createAlertChannel(t.ctx, technician, { kind: 'email', addresses: 'a@x.test' })).rejects.toMatchObject(
      {
        code: 'forbidden',
      },
    );
    const { channel } = await createAlertChannel(t.ctx, admin, { kind: 'email', addresses: 'a@x.test' });
    await expect(updateAlertChannel(t.ctx, technician, channel.id, { enabled: false })).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(archiveAlertChannel(t.ctx, technician, channel.id)).rejects.toMatchObject({ code: 'forbidden' });
    expect((await getAlertChannel(t.ctx, channel.id)).enabled).toBe(true);
  });

  it('updates, rotates the webhook secret, and archives', async () => {
    const { channel: mail } = await createAlertChannel(t.ctx, admin, { kind: 'email', addresses: 'a@x.test' });
    const updated = await updateAlertChannel(t.ctx, admin, mail.id, {
      addresses: ['b@x.test', 'c@x.test'],
      enabled: false,
    });
    expect(updated).toMatchObject({ target: 'b@x.test, c@x.test', enabled: false });
    await expect(updateAlertChannel(t.ctx, admin, mail.id, { url: 'https://x.test/' })).rejects.toMatchObject({
      code: 'invalid',
    });
    await expect(rotateWebhookSecret(t.ctx, admin, mail.id)).rejects.toMatchObject({ code: 'conflict' });

    t.clock.advance(1000);
    const { channel: hook, secret } = await createAlertChannel(t.ctx, admin, {
      kind: 'webhook',
      url: 'https://x.test/',
    });
    const rotated = await rotateWebhookSecret(t.ctx, admin, hook.id);
    expect(rotated.secret).not.toBe(secret);
    const stored = await t.ctx.db
      .selectFrom('alert_channels')
      .select('secret')
      .where('id', '=', hook.id)
      .executeTakeFirst();
    expect(stored?.secret).toBe(rotated.secret);

    await archiveAlertChannel(t.ctx, admin, hook.id);
    await expect(archiveAlertChannel(t.ctx, admin, hook.id)).rejects.toMatchObject({ code: 'conflict' });
    expect((await listAlertChannels(t.ctx)).map((c) => c.id)).toEqual([mail.id]);
    expect((await listAlertChannels(t.ctx, { archived: 'true' })).map((c) => c.id)).toEqual([hook.id]);
  });
});
