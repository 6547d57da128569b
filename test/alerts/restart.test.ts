import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { prepareStorage } from '../../src/bootstrap.ts';
import { fixedClock } from '../../src/clock.ts';
import { claimAlert, DEFAULT_LOCK_MS } from '../../src/domain/alerts/claim-alert.ts';
import { deliverDueAlerts } from '../../src/domain/alerts/deliver-alerts.ts';
import { enqueueAlertsFor } from '../../src/domain/alerts/enqueue-alerts.ts';
import type { AlertSenders } from '../../src/domain/alerts/senders.ts';
import { createAlertSenders } from '../../src/integrations/alert-senders.ts';
import { openStorage } from '../../src/storage/database.ts';
import { createTestDb, type TestDb, testDatabaseUrl } from '../support/test-db.ts';
import { createWorld, outboxRows } from './support/alert-world.ts';
import { startHttpReceiver, startSmtpReceiver } from './support/receivers.ts';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function freshDb(startMs?: number): Promise<TestDb> {
  const t = await createTestDb(startMs);
  cleanups.push(() => t.close());
  return t;
}

describe('the outbox survives restarts', () => {
  it('a claim by a worker that died is delivered exactly once after the lock expires', async () => {
    const t = await freshDb();
    const receiver = await startHttpReceiver();
    cleanups.push(() => receiver.close());
    const w = await createWorld(t, { plan: 'standard' });
    await w.addChannel({ kind: 'webhook', url: receiver.url });
    const incidentId = await w.openIncident();
    const [alertId] = (await enqueueAlertsFor(t.ctx, { kind: 'down', incidentId, atMs: t.clock.now() })).queuedIds;
    const senders = createAlertSenders({ smtpUrl: undefined, mailFrom: 'x@y.test' }, 2_000);

    // Worker A claims the row and dies before sending.
    expect(await claimAlert(t.ctx, alertId!)).not.toBeNull();
    // Worker B, while A's claim holds: nothing to do.
    t.clock.advance(DEFAULT_LOCK_MS - 1);
    expect(await deliverDueAlerts(t.ctx, { senders })).toEqual([]);
    expect(receiver.requests).toHaveLength(0);
    // After the claim ran out, B delivers it; nobody delivers it again.
    t.clock.advance(1);
    expect(await deliverDueAlerts(t.ctx, { senders })).toEqual(['sent']);
    t.clock.advance(DEFAULT_LOCK_MS * 10);
    expect(await deliverDueAlerts(t.ctx, { senders })).toEqual([]);
    expect(receiver.requests).toHaveLength(1);
    expect((await outboxRows(t))[0]).toMatchObject({ status: 'sent', attempts: 2, locked_until: null });
  });

  it('many workers at once send every alert exactly once', async () => {
    const t = await freshDb();
    const w = await createWorld(t, { plan: 'standard' });
    for (let i = 0; i < 6; i++) await w.addChannel({ kind: 'webhook', url: `https://hooks.agency.test/${i}` });
    for (let i = 0; i < 4; i++) {
      const incidentId = await w.openIncident();
      await enqueueAlertsFor(t.ctx, { kind: 'down', incidentId, atMs: t.clock.now() });
      await w.resolve(incidentId);
      t.clock.advance(1000);
    }
    const posted: string[] = [];
    const senders: AlertSenders = {
      sendMail: async () => ({ delivery: 'stored' }),
      postWebhook: async (_url, body) => {
        await new Promise((r) => setTimeout(r, 5));
        posted.push(JSON.parse(body).id);
      },
      postSlack: async () => {},
    };
    const outcomes = (
      await Promise.all(Array.from({ length: 6 }, () => deliverDueAlerts(t.ctx, { senders, batchSize: 24 })))
    ).flat();
    expect(outcomes.filter((o) => o === 'sent')).toHaveLength(24);
    expect(outcomes.filter((o) => o !== 'sent' && o !== 'skipped')).toEqual([]);
    expect(new Set(posted).size).toBe(24);
    expect(posted).toHaveLength(24);
  });

  it('a worker process killed mid-delivery loses nothing and sends nothing twice', async () => {
    const nowMs = Date.now(); // the child process runs on real time
    const { ctx, clock, childEnv } = await sharedDb(nowMs);
    const smtp = await startSmtpReceiver();
    cleanups.push(() => smtp.close());
    const t = { ctx, clock };
    const w = await createWorld(t, { plan: 'basic' });
    await w.addChannel({ kind: 'email', addresses: 'ops@agency.test' });
    const incidentId = await w.openIncident();
    await enqueueAlertsFor(ctx, { kind: 'down', incidentId, atMs: nowMs });

    smtp.holdNextMessage();
    const dataReceived = smtp.nextData();
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/alerts/support/worker-child.ts'], {
      env: { ...process.env, ...childEnv, CHILD_SMTP_URL: smtp.url },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    cleanups.push(async () => void child.kill('SIGKILL'));
    await dataReceived; // the child claimed the alert and is in the middle of sending it
    await killed(child);
    expect(smtp.messages).toHaveLength(0);
    let [row] = await outboxRows(t);
    expect(row).toMatchObject({ status: 'pending', attempts: 1 });
    expect(row!.locked_until).toBeGreaterThan(nowMs);

    // A new worker after the restart: the dead claim runs out, then the alert goes out once.
    const senders = createAlertSenders({ smtpUrl: smtp.url, mailFrom: 'Steward <alerts@agency.test>' });
    const restarted = { ...ctx, clock: fixedClock(Date.now()) };
    expect(await deliverDueAlerts(restarted, { senders })).toEqual([]);
    restarted.clock.set(row!.locked_until! + 1);
    expect(await deliverDueAlerts(restarted, { senders })).toEqual(['sent']);
    restarted.clock.advance(DEFAULT_LOCK_MS * 10);
    expect(await deliverDueAlerts(restarted, { senders })).toEqual([]);
    expect(smtp.messages).toHaveLength(1);
    expect(smtp.messages[0]?.to).toEqual(['ops@agency.test']);
    [row] = await outboxRows(t);
    expect(row).toMatchObject({ status: 'sent', attempts: 2 });
  });
});

function killed(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

/** A database a child process can open too: a SQLite file, or this test's PostgreSQL schema. */
async function sharedDb(startMs: number) {
  const clock = fixedClock(startMs);
  if (testDatabaseUrl) {
    const t = await freshDb(startMs);
    const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(t.ctx.db);
    return {
      ctx: t.ctx,
      clock: t.clock,
      childEnv: { CHILD_PG_URL: testDatabaseUrl, CHILD_PG_SCHEMA: rows[0]!.schema },
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'steward-alerts-'));
  const file = path.join(dir, 'steward.db');
  const storage = openStorage({ kind: 'sqlite', file });
  cleanups.push(async () => {
    await storage.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const ctx = await prepareStorage(storage, clock);
  return { ctx, clock, childEnv: { CHILD_SQLITE_FILE: file } };
}
