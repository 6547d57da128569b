import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { at, seedMarch } from '../sla/fixtures.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { ConsoleClient, signedIn, textOf } from './console-client.ts';

// The month of test/sla/fixtures.ts (figures worked out in test/sla/compliance.test.ts).

let t: TestApp;
let seeded: Awaited<ReturnType<typeof seedMarch>>;
let technician: ConsoleClient;

beforeAll(async () => {
  t = await createTestApp();
  seeded = await seedMarch(t.ctx, t.clock);
  t.clock.set(at('2026-04-05T00:00:00Z'));
  technician = await signedIn(t, 'technician');
});
afterAll(() => t?.close());

describe('the SLA board', () => {
  it('sums up a month: breaches, credits, and a row per client against its commitment', async () => {
    const res = await technician.get('/admin/sla?month=2026-03');
    expect(res.status).toBe(200);
    expect(res.html).toContain('aria-current="page"'); // the SLA section is highlighted
    const text = textOf(res.html);
    expect(text).toContain('SLA board');
    expect(text).toMatch(/At risk now 0 1 already over target/);
    expect(text).toMatch(/Breached in March 2026 3 incidents/);
    expect(text).toMatch(/Credits due €244\.94/);
    expect(text).toMatch(
      /Alpha Premium 99\.573 % below 99\.900 % a1\.example 4 25\.0 % 1 met · 3 breached 75\.0 % 3 met · 1 breached €244\.94 40 % of the fee/,
    );
    expect(text).toMatch(
      /Beta Basic 99\.798 % b1\.example · no commitment 2 100\.0 % 1 met · 0 breached · 1 open .* –/,
    );
    expect(res.html).toContain(`href="/admin/clients/${seeded.alpha.clientId}"`);
  });

  it('lists the clocks at risk now with links to their incidents, and links to calendars and policies', async () => {
    const res = await technician.get('/admin/sla?month=2026-03');
    expect(res.html).toContain(`href="/admin/incidents/${seeded.ids.betaOpen}"`);
    const text = textOf(res.html);
    // Beta's outage since Tuesday 23:01: first response was due Wednesday 13:00 (4 business hours).
    expect(text).toMatch(/Beta · b1\.example critical .* First response Over target .* over by 3 d 11 h/);
    expect(res.html).toContain('href="/admin/sla/calendars"');
    expect(res.html).toContain('href="/admin/sla/policies"');
  });

  it('moves between months; the running month has no next one', async () => {
    const march = await technician.get('/admin/sla?month=2026-03');
    expect(march.html).toContain('href="/admin/sla?month=2026-02"');
    expect(march.html).toContain('href="/admin/sla?month=2026-04"');
    const current = await technician.get('/admin/sla');
    expect(textOf(current.html)).toContain('April 2026, each client');
    expect(textOf(current.html)).toContain('month to date');
    expect(current.html).toContain('href="/admin/sla?month=2026-03"');
    expect(current.html).not.toContain('month=2026-05');
    const january = textOf((await technician.get('/admin/sla?month=2026-01')).html);
    expect(january).toContain('No client had a site in this month.');
  });

  it('explains a month it cannot show, and needs a signed-in user', async () => {
    for (const month of ['2099-01', 'junk']) {
      const res = await technician.get(`/admin/sla?month=${month}`);
      expect(res.status).toBe(200);
      expect(textOf(res.html)).toContain(`“${month}” is not a month with figures`);
    }
    const anonymous = await new ConsoleClient(t).get('/admin/sla');
    expect(anonymous.status).toBe(303);
    expect(anonymous.location).toMatch(/^\/login/);
  });
});
