import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deliverDueAlerts } from '../../src/domain/alerts/deliver-alerts.ts';
import { manualTimer } from '../../src/engine/timer.ts';
import { createAlertSenders } from '../../src/integrations/alert-senders.ts';
import { runSlaWatchOnce, SLA_WATCH_JOB, withSlaWatch } from '../../src/jobs/sla-watch-job.ts';
import { createWorld, timeline } from '../alerts/support/alert-world.ts';
import { parseMail } from '../alerts/support/parse-mail.ts';
import { startSmtpReceiver } from '../alerts/support/receivers.ts';
import { createTestDb, type TestDb } from '../support/test-db.ts';

const MIN = 60_000;
const logger = pino({ level: 'silent' });
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

describe('SLA alerts by e-mail, from the periodic job', () => {
  it('mails the breach to the agency through a real SMTP server, once per minute slot and once overall', async () => {
    const w = await createWorld(t, { plan: 'premium' });
    await w.addChannel({ kind: 'email', name: 'On call', addresses: 'oncall@agency.test' });
    const openedMs = t.clock.now();
    const incidentId = await w.openIncident();
    const run = (runnerId: string) => runSlaWatchOnce({ ctx: t.ctx, logger, runnerId });

    t.clock.set(openedMs + 31 * MIN);
    expect(await run('a')).toEqual({ warnings: 0, breaches: 1, alertsQueued: 1 });
    expect(await run('b')).toBeNull(); // the same minute: the slot is taken
    t.clock.set(openedMs + 32 * MIN);
    expect(await run('b')).toEqual({ warnings: 0, breaches: 0, alertsQueued: 0 });
    const slots = await t.ctx.db.selectFrom('job_slots').selectAll().execute();
    expect(slots.map((s) => [s.slot_key, s.claimed_by, s.finished_at !== null])).toEqual([
      [`${SLA_WATCH_JOB}:2026-03-02T09:31Z`, 'a', true],
      [`${SLA_WATCH_JOB}:2026-03-02T09:32Z`, 'b', true],
    ]);

    const senders = createAlertSenders({ smtpUrl: smtp.url, mailFrom: 'Steward <alerts@agency.test>' });
    expect(await deliverDueAlerts(t.ctx, { senders, consoleUrl: 'https://steward.agency.test' })).toEqual(['sent']);
    expect(smtp.messages).toHaveLength(1);
    expect(smtp.messages[0]?.to).toEqual(['oncall@agency.test']);
    const mail = parseMail(smtp.messages[0]?.raw ?? '');
    expect(mail.headers.get('subject')).toBe(
      'SLA breached: first response for Acme Shop was due 09:30 (target 30 min)',
    );
    expect(mail.text).toContain('SLA: Premium SLA: first response within 30 min (24/7)');
    expect(mail.text).toMatch(/^Due: 2026-03-02 09:30 UTC\r?$/m);
    expect(mail.text).toContain('Elapsed: 31 of 30 min (103.3 %)');
    expect(mail.text).toContain(`Open in Steward: https://steward.agency.test/admin/incidents/${incidentId}`);
    expect((await timeline(t, incidentId)).map((e) => e.kind)).toEqual([
      'opened',
      'sla_breached',
      'alert_queued',
      'alert_sent',
    ]);
  });
});

describe('the SLA watch loop', () => {
  it('runs at once and then every minute on the injected timer, beside the other jobs, and stops with them', async () => {
    const w = await createWorld(t, { plan: 'premium' });
    await w.addChannel({ kind: 'email', addresses: 'oncall@agency.test' });
    const openedMs = t.clock.now();
    await w.openIncident();
    const timer = manualTimer(openedMs + 22 * MIN);
    let otherJobsStopped = false;
    const jobs = withSlaWatch(
      {
        stop: async () => {
          otherJobsStopped = true;
        },
      },
      { ctx: { db: t.ctx.db, clock: timer }, logger, timer, runnerId: 'r1' },
    );
    const slaKinds = async () =>
      (await t.ctx.db.selectFrom('alert_outbox').select('event_kind').orderBy('created_at').execute()).map(
        (r) => r.event_kind,
      );
    const finished = async () =>
      (await t.ctx.db.selectFrom('job_slots').select('slot_key').where('finished_at', 'is not', null).execute()).length;
    await timer.advanceAsync(0);
    await waitFor(async () => (await finished()) === 1 && timer.pendingCount === 1);
    expect(await slaKinds()).toEqual([]);
    await timer.advanceAsync(MIN); // 09:23: past 75 %
    await waitFor(async () => (await finished()) === 2 && timer.pendingCount === 1);
    expect(await slaKinds()).toEqual(['sla_warning']);
    for (let slot = 3; slot <= 10; slot++) {
      await timer.advanceAsync(MIN); // up to 09:31: breached
      await waitFor(async () => (await finished()) === slot && timer.pendingCount === 1);
    }
    expect(await slaKinds()).toEqual(['sla_warning', 'sla_breach']);
    await jobs.stop();
    expect(otherJobsStopped).toBe(true);
    expect(timer.pendingCount).toBe(0);
  });
});

async function waitFor(condition: () => Promise<boolean>, timeoutMs = 10_000) {
  const start = Date.now();
  while (!(await condition())) {
    if (Date.now() - start > timeoutMs) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}
