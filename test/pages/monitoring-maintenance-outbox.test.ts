import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAlertChannel } from '../../src/domain/alerts/channels.ts';
import { deliverDueAlerts } from '../../src/domain/alerts/deliver-alerts.ts';
import { enqueueAlertsFor } from '../../src/domain/alerts/enqueue-alerts.ts';
import { systemActor } from '../../src/domain/context.ts';
import { listMaintenanceWindows } from '../../src/domain/monitoring/maintenance-windows.ts';
import { createAlertSenders } from '../../src/integrations/alert-senders.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { type ConsoleClient, signedIn, textOf } from './console-client.ts';
import { seedMonitoring } from './monitoring-fixtures.ts';

let t: TestApp;
let seed: Awaited<ReturnType<typeof seedMonitoring>>;
let owner: ConsoleClient;
let technician: ConsoleClient;

beforeAll(async () => {
  t = await createTestApp();
  seed = await seedMonitoring(t.ctx);
  owner = await signedIn(t, 'owner');
  technician = await signedIn(t, 'technician');
});
afterAll(() => t?.close());

const windows = () => listMaintenanceWindows(t.ctx, { clientId: seed.client.id });

describe('maintenance windows in the console', () => {
  it('schedules a one-off window in the client’s time zone', async () => {
    const res = await technician.post('/admin/maintenance', {
      clientId: seed.client.id,
      siteId: seed.site.id,
      title: 'PHP upgrade',
      kind: 'once',
      from: '2026-03-07T22:00',
      to: '2026-03-07T23:30',
    });
    expect(res.status).toBe(303);
    const [w] = await windows();
    // Europe/Madrid is UTC+1 in March before the DST change.
    expect(w).toMatchObject({
      title: 'PHP upgrade',
      siteId: seed.site.id,
      startsAt: '2026-03-07T21:00:00.000Z',
      endsAt: '2026-03-07T22:30:00.000Z',
    });
    const page = textOf((await technician.follow(res)).html);
    expect(page).toContain('Maintenance “PHP upgrade” scheduled.');
    expect(page).toContain('7 Mar 2026, 22:00 to 7 Mar 2026, 23:30');
  });

  it('schedules a weekly window, and explains what is missing', async () => {
    const bad = await owner.post('/admin/maintenance', {
      clientId: seed.client.id,
      title: 'Updates',
      kind: 'weekly',
      at: '25:00',
      minutes: '',
    });
    expect(bad.status).toBe(422);
    const text = textOf(bad.html);
    expect(text).toContain('Please correct the fields marked below.');
    expect(text).toContain('must be a time as HH:MM');
    expect(text).toContain('enter a number');
    expect(await windows()).toHaveLength(1);
    const res = await owner.post('/admin/maintenance', {
      clientId: seed.client.id,
      title: 'Weekly updates',
      kind: 'weekly',
      'day-1': 'on',
      'day-4': 'on',
      at: '03:00',
      minutes: '45',
    });
    expect(res.status).toBe(303);
    expect(textOf((await owner.follow(res)).html)).toContain('Every Mon, Thu at 03:00 for 45 min');
  });

  it('ends a window with CSRF only', async () => {
    const [first] = await windows();
    const id = first?.id ?? '';
    expect((await owner.post(`/admin/maintenance/${id}/archive`, {}, { csrf: null })).status).toBe(403);
    expect(await windows()).toHaveLength(2);
    const res = await owner.post(`/admin/maintenance/${id}/archive`, { client: seed.client.id });
    expect(res.status).toBe(303);
    expect(res.location).toBe(`/admin/maintenance?client=${seed.client.id}`);
    expect((await windows()).map((w) => w.id)).not.toContain(id);
  });
});

describe('the outbox page', () => {
  it('lists deliveries with status, attempts and last error, and the stored e-mail', async () => {
    await createAlertChannel(t.ctx, systemActor, { kind: 'email', addresses: 'ops@agency.test' });
    await createAlertChannel(t.ctx, systemActor, { kind: 'webhook', url: 'http://127.0.0.1:1/hook' });
    await enqueueAlertsFor(t.ctx, { kind: 'down', incidentId: seed.incidentId, atMs: t.clock.now() });
    await deliverDueAlerts(t.ctx, {
      senders: createAlertSenders({ smtpUrl: undefined, mailFrom: 'steward@agency.test' }, 2000),
    });
    for (const browser of [owner, technician]) {
      const res = await browser.get('/admin/outbox');
      expect(res.status).toBe(200);
      const text = textOf(res.html);
      expect(text).toMatch(/\[DOWN\] acme\.example .* email sent 1 /);
      expect(text).toMatch(/webhook pending 1 .* next .* request failed/);
      expect(text).toContain('to ops@agency.test');
      expect(text).toContain('stored');
      expect(res.html).toContain(`href="/admin/incidents/${seed.incidentId}"`);
    }
    const pending = textOf((await owner.get('/admin/outbox?status=pending')).html);
    expect(pending).toContain('webhook pending 1');
    expect(pending).not.toContain('email sent 1');
  });
});
