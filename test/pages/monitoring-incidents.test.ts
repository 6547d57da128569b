import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/domain/context.ts';
import { openIncident } from '../../src/domain/incidents/incident-lifecycle.ts';
import { getIncident } from '../../src/domain/incidents/read-incidents.ts';
import { watchSlaClocks } from '../../src/domain/incidents/sla-watch.ts';
import { createMonitor } from '../../src/domain/monitoring/monitors.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { type ConsoleClient, signedIn, textOf } from './console-client.ts';
import { recordOutageFor, seedMonitoring } from './monitoring-fixtures.ts';

let t: TestApp;
let seed: Awaited<ReturnType<typeof seedMonitoring>>;
let owner: ConsoleClient;
let technician: ConsoleClient;
let resolvedId: string;

beforeAll(async () => {
  t = await createTestApp();
  seed = await seedMonitoring(t.ctx);
  resolvedId = await recordOutageFor(
    t.ctx,
    seed.heartbeat.id,
    t.clock.now() - 5 * 3_600_000,
    t.clock.now() - 4 * 3_600_000,
  );
  owner = await signedIn(t, 'owner');
  technician = await signedIn(t, 'technician');
});
afterAll(() => t?.close());

describe.each(['owner', 'technician'] as const)('incident pages for the %s', (role) => {
  const browser = () => (role === 'owner' ? owner : technician);

  it('lists open incidents first with their timestamps and durations', async () => {
    const res = await browser().get('/admin/incidents');
    expect(res.status).toBe(200);
    expect(res.html).toContain('http-equiv="refresh"');
    const text = textOf(res.html);
    expect(text.indexOf('Shop home page')).toBeLessThan(text.indexOf('Nightly backup'));
    expect(text).toMatch(/Shop home page .* Open .* 20 min so far/);
    expect(text).toMatch(/Nightly backup .* Resolved .* 1 h/);
    const open = textOf((await browser().get('/admin/incidents?status=open')).html);
    expect(open).not.toContain('Nightly backup');
  });

  it('shows an incident with its timeline and the actions', async () => {
    const res = await browser().get(`/admin/incidents/${seed.incidentId}`);
    expect(res.status).toBe(200);
    const text = textOf(res.html);
    expect(text).toContain('Outage confirmed: status — HTTP 503');
    expect(res.html).toContain(`action="/admin/incidents/${seed.incidentId}/notes"`);
    expect(res.html).toContain(`action="/admin/incidents/${seed.incidentId}/resolve"`);
    expect(res.html).toContain(`action="/admin/incidents/${seed.incidentId}/updates"`);
    expect(text).toContain('No public update yet');
    const resolved = await browser().get(`/admin/incidents/${resolvedId}`);
    expect(resolved.html).not.toContain(`/admin/incidents/${resolvedId}/resolve"`);
    expect(textOf(resolved.html)).toContain('Recovered: the first good check');
  });
});

describe('incident actions', () => {
  it('acknowledges once with CSRF; without it nothing happens; a second acknowledgement is explained', async () => {
    const forged = await technician.post(`/admin/incidents/${seed.incidentId}/acknowledge`, {}, { csrf: null });
    expect(forged.status).toBe(403);
    expect((await getIncident(t.ctx, seed.incidentId)).acknowledgedAt).toBeNull();
    const res = await technician.post(`/admin/incidents/${seed.incidentId}/acknowledge`, {});
    expect(res.status).toBe(303);
    const page = textOf((await technician.follow(res)).html);
    expect(page).toContain('Acknowledged by tech');
    expect(page).not.toMatch(/\bAcknowledge\b(?! by|d)/);
    const again = await owner.post(`/admin/incidents/${seed.incidentId}/acknowledge`, {});
    expect(again.status).toBe(409);
    expect(textOf(again.html)).toContain('The incident was already acknowledged at');
  });

  it('adds a note with CSRF and refuses an empty one, keeping the page', async () => {
    const forged = await owner.post(
      `/admin/incidents/${seed.incidentId}/notes`,
      { text: 'forged' },
      { csrf: 'csrf_x' },
    );
    expect(forged.status).toBe(403);
    const empty = await owner.post(`/admin/incidents/${seed.incidentId}/notes`, { text: '   ' });
    expect(empty.status).toBe(422);
    expect(textOf(empty.html)).toContain('must not be empty');
    const res = await owner.post(`/admin/incidents/${seed.incidentId}/notes`, {
      text: 'Host replaced a switch <b>now</b>',
    });
    expect(res.status).toBe(303);
    const page = await owner.follow(res);
    expect(textOf(page.html)).toContain('Note by Olga Owner');
    expect(page.html).toContain('Host replaced a switch &lt;b&gt;now&lt;/b&gt;');
    const events = (await getIncident(t.ctx, seed.incidentId)).events.filter((e) => e.kind === 'note');
    expect(events).toHaveLength(1);
  });

  it('resolves by hand with a note; a second resolve is a conflict', async () => {
    expect(
      (await owner.post(`/admin/incidents/${seed.incidentId}/resolve`, { note: 'x' }, { csrf: null })).status,
    ).toBe(403);
    expect((await getIncident(t.ctx, seed.incidentId)).status).toBe('open');
    const res = await owner.post(`/admin/incidents/${seed.incidentId}/resolve`, { note: 'Fixed by the host' });
    expect(res.status).toBe(303);
    const text = textOf((await owner.follow(res)).html);
    expect(text).toContain('Resolved by hand by Olga Owner');
    expect(text).toContain('Fixed by the host');
    expect((await getIncident(t.ctx, seed.incidentId)).status).toBe('resolved');
    const again = await owner.post(`/admin/incidents/${seed.incidentId}/resolve`, {});
    expect(again.status).toBe(409);
    expect(textOf(again.html)).toContain('The incident is already resolved');
  });

  it('an unknown incident is a 404 page', async () => {
    expect((await owner.get('/admin/incidents/inc_missing')).status).toBe(404);
    expect((await owner.post('/admin/incidents/inc_missing/acknowledge', {})).status).toBe(404);
  });
});

describe('SLA on the incident pages', () => {
  const MIN = 60_000;
  let id: string;
  let startMs: number;
  beforeAll(async () => {
    startMs = t.clock.now(); // Monday 09:00 UTC: Standard's first response (1 business hour) is due 10:00 UTC
    const { monitor } = await createMonitor(t.ctx, systemActor, {
      siteId: seed.site.id,
      kind: 'http',
      name: 'Checkout',
    });
    id = (
      await openIncident(t.ctx.db, {
        monitorId: monitor.id,
        startedAt: startMs - MIN,
        detectedAt: startMs,
        errorClass: 'timeout',
        message: null,
      })
    ).id;
  });
  afterAll(() => t.clock.set(startMs));

  it('shows each clock: target, elapsed with a bar, due time in the client’s zone and UTC, a countdown', async () => {
    t.clock.set(startMs + 20 * MIN);
    const res = await technician.get(`/admin/incidents/${id}`);
    expect(res.status).toBe(200);
    const text = textOf(res.html);
    expect(text).toContain('Standard SLA · calendar “Business hours” · warning at 75 % of a target');
    expect(text).toMatch(
      /First response 1 h business hours 20 min \(33\.3 %\).* 2 Mar 2026, 11:00 \(Europe\/Madrid\) 2 Mar 2026, 10:00 UTC Running due in 40 min/,
    );
    expect(text).toMatch(/Resolution 8 h business hours 20 min/); // from 09:00: 08:59 was outside hours
    expect(res.html).toContain(
      '<meter class="sla-meter" min="0" max="100" low="75" high="99.9" optimum="0" value="33.3"',
    );
    expect(res.html).toContain(`action="/admin/incidents/${id}/pause"`);
    expect(res.html).not.toContain(`action="/admin/incidents/${id}/resume"`);
  });

  it('pauses with CSRF (a forged post changes nothing), shows the wait, refuses a second pause, resumes', async () => {
    expect((await technician.post(`/admin/incidents/${id}/pause`, { reason: 'x' }, { csrf: null })).status).toBe(403);
    expect((await getIncident(t.ctx, id)).pausedAt).toBeNull();
    const res = await technician.post(`/admin/incidents/${id}/pause`, {
      reason: 'Waiting for the <b>FTP</b> password',
    });
    expect(res.status).toBe(303);
    t.clock.set(startMs + 50 * MIN);
    const page = await technician.get(`/admin/incidents/${id}`);
    const text = textOf(page.html);
    expect(text).toContain('Waiting for client since');
    expect(text).toContain('10:30 UTC paused: waiting for client');
    expect(text).toContain('Paused by tech: waiting for client (SLA clocks stopped)');
    expect(page.html).toContain('Waiting for the &lt;b&gt;FTP&lt;/b&gt; password');
    expect(page.html).toContain(`action="/admin/incidents/${id}/resume"`);
    const again = await owner.post(`/admin/incidents/${id}/pause`, {});
    expect(again.status).toBe(409);
    expect(textOf(again.html)).toContain('The incident is already waiting for the client');
    const resumed = await owner.post(`/admin/incidents/${id}/resume`, {});
    expect(resumed.status).toBe(303);
    const after = textOf((await owner.follow(resumed)).html);
    expect(after).toContain('Resumed by Olga Owner: SLA clocks running again');
    expect(after).toMatch(/First response .* 20 min \(33\.3 %\).* Running due in 40 min/);
    expect((await owner.post(`/admin/incidents/${id}/resume`, {})).status).toBe(409);
  });

  it('changes the severity: a technician may not lower it, an owner may', async () => {
    const refused = await technician.post(`/admin/incidents/${id}/severity`, { severity: 'minor' });
    expect(refused.status).toBe(403);
    expect(textOf(refused.html)).toContain("Only owners and admins can lower an incident's severity");
    expect((await getIncident(t.ctx, id)).severity).toBe('critical');
    const res = await owner.post(`/admin/incidents/${id}/severity`, { severity: 'minor' });
    expect(res.status).toBe(303);
    const text = textOf((await owner.follow(res)).html);
    expect(text).toContain('Severity changed from critical to minor by Olga Owner');
    expect((await owner.post(`/admin/incidents/${id}/severity`, { severity: 'minor' })).status).toBe(409);
  });

  it('lists the nearest due time and the worst state, filters by it, and shows warnings and breaches', async () => {
    t.clock.set(startMs + 76 * MIN); // 46 min counted: the 30 min pause does not count
    await watchSlaClocks(t.ctx);
    const list = textOf((await owner.get('/admin/incidents?status=open')).html);
    expect(list).toMatch(/Checkout .* At risk first response due 10:30 .*due in 14 min/);
    t.clock.set(startMs + 92 * MIN);
    await watchSlaClocks(t.ctx);
    const breached = textOf((await owner.get('/admin/incidents?sla=breached')).html);
    expect(breached).toMatch(/Checkout .* Breached first response/);
    expect(breached).not.toContain('Shop home page');
    const page = textOf((await owner.get(`/admin/incidents/${id}`)).html);
    expect(page).toContain(
      'SLA warning: first response at 76.7 % of its 1 h business-hours target, due 2 Mar 2026, 10:30',
    );
    expect(page).toContain(
      'SLA breached: first response target of 1 h business-hours missed (was due 2 Mar 2026, 10:30)',
    );
    expect(page).toMatch(/Breached breached 2 min ago/);
  });
});
