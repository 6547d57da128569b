import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deliverDueAlerts } from '../../src/domain/alerts/deliver-alerts.ts';
import { enqueueAlertsFor } from '../../src/domain/alerts/enqueue-alerts.ts';
import { listAlertOutbox, listMailMessages } from '../../src/domain/alerts/read-outbox.ts';
import type { AlertSenders } from '../../src/domain/alerts/senders.ts';
import { createTestDb, type TestDb } from '../support/test-db.ts';
import { createWorld } from './support/alert-world.ts';

let t: TestDb;
beforeEach(async () => {
  t = await createTestDb();
});
afterEach(() => t.close());

describe('outbox read models', () => {
  it('list alerts newest first, filtered by status, page by page', async () => {
    const w = await createWorld(t, { plan: 'standard' });
    const { channel: mail } = await w.addChannel({ kind: 'email', addresses: 'ops@agency.test' });
    const { channel: hook } = await w.addChannel({ kind: 'webhook', name: 'Agency hook', url: 'https://h.test/x' });
    const incidents: string[] = [];
    for (let i = 0; i < 3; i++) {
      const id = await w.openIncident();
      incidents.push(id);
      await enqueueAlertsFor(t.ctx, { kind: 'down', incidentId: id, atMs: t.clock.now() });
      await w.resolve(id);
      t.clock.advance(60_000);
    }
    const senders: AlertSenders = {
      sendMail: async () => ({ delivery: 'stored' }),
      postWebhook: async () => {
        throw new Error('HTTP 502: bad gateway');
      },
      postSlack: async () => {},
    };
    await deliverDueAlerts(t.ctx, { senders, random: () => 0 });

    const all = await listAlertOutbox(t.ctx, { limit: 4 });
    expect(all.data).toHaveLength(4);
    expect(all.data[0]?.incidentId).toBe(incidents[2]);
    const rest = await listAlertOutbox(t.ctx, { limit: 4, cursor: all.nextCursor });
    expect(rest.nextCursor).toBeNull();
    expect([...all.data, ...rest.data].map((a) => a.incidentId)).toEqual([
      incidents[2],
      incidents[2],
      incidents[1],
      incidents[1],
      incidents[0],
      incidents[0],
    ]);

    const pending = await listAlertOutbox(t.ctx, { status: 'pending' });
    expect(pending.data.map((a) => a.channel)).toEqual(
      Array(3).fill({ id: hook.id, kind: 'webhook', name: 'Agency hook' }),
    );
    expect(pending.data[0]).toMatchObject({
      eventKind: 'down',
      summary: '[DOWN] Acme Shop — HTTP check failing (timeout)',
      attempts: 1,
      lastError: 'HTTP 502: bad gateway',
      nextAttemptAt: new Date(t.clock.now() + 30_000).toISOString(),
      sentAt: null,
    });
    const sent = await listAlertOutbox(t.ctx, { status: 'sent', channelId: mail.id });
    expect(sent.data).toHaveLength(3);
    expect(sent.data.every((a) => a.sentAt === new Date(t.clock.now()).toISOString() && a.nextAttemptAt === null)).toBe(
      true,
    );
    expect((await listAlertOutbox(t.ctx, { incidentId: incidents[0] })).data).toHaveLength(2);
    await expect(listAlertOutbox(t.ctx, { status: 'lost' })).rejects.toMatchObject({ code: 'invalid' });
    await expect(listAlertOutbox(t.ctx, { cursor: 'forged' })).rejects.toMatchObject({ code: 'invalid' });

    const mails = await listMailMessages(t.ctx, { status: 'stored', limit: 2 });
    expect(mails.data).toHaveLength(2);
    expect(mails.nextCursor).not.toBeNull();
    expect((await listMailMessages(t.ctx, { status: 'sent' })).data).toEqual([]);
  });
});
