import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getIncident } from '../../src/domain/incidents/read-incidents.ts';
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
