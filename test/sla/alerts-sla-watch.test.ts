import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AlertPayload } from '../../src/domain/alerts/alert-payload.ts';
import { deliverDueAlerts } from '../../src/domain/alerts/deliver-alerts.ts';
import { alertSubject } from '../../src/domain/alerts/render-alert.ts';
import type { AlertSenders } from '../../src/domain/alerts/senders.ts';
import { systemActor } from '../../src/domain/context.ts';
import { acknowledgeIncident, pauseIncident, resumeIncident } from '../../src/domain/incidents/incident-actions.ts';
import { getIncidentSla } from '../../src/domain/incidents/read-incidents.ts';
import { watchSlaClocks } from '../../src/domain/incidents/sla-watch.ts';
import { createMaintenanceWindow } from '../../src/domain/monitoring/maintenance-windows.ts';
import { createWorld, outboxRows, timeline } from '../alerts/support/alert-world.ts';
import { createTestDb, type TestDb } from '../support/test-db.ts';

// The SLA watch on a Premium site (first response 30 min and resolution 4 h, 24/7, warning at 75 %)
// and a Standard one (1 business hour, Mon–Fri 09:00–18:00 in the agency's zone, UTC here).

const MIN = 60_000;
let t: TestDb;
beforeEach(async () => {
  t = await createTestDb();
});
afterEach(() => t.close());

async function premiumIncident() {
  const w = await createWorld(t, { plan: 'premium' });
  const { channel: agency } = await w.addChannel({ kind: 'email', name: 'On call', addresses: 'oncall@agency.test' });
  const { channel: clientOwn } = await w.addChannel({
    kind: 'email',
    name: 'Client',
    addresses: 'it@acme.test',
    clientId: w.client.id,
  });
  const openedMs = t.clock.now();
  const incidentId = await w.openIncident();
  return { w, agency, clientOwn, incidentId, openedMs };
}

const slaRows = async () =>
  (await outboxRows(t)).filter((r) => r.event_kind === 'sla_warning' || r.event_kind === 'sla_breach');
const slaEvents = async (incidentId: string) =>
  (await timeline(t, incidentId)).filter((e) => e.kind === 'sla_warning' || e.kind === 'sla_breached');

describe('the SLA watch', () => {
  it('warns at 75 % and reports the breach, each once however often it runs, to agency channels only', async () => {
    const { agency, incidentId, openedMs } = await premiumIncident();
    const at = async (minutes: number) => {
      t.clock.set(openedMs + minutes * MIN);
      return watchSlaClocks(t.ctx);
    };
    expect(await at(10)).toEqual({ warnings: 0, breaches: 0, alertsQueued: 0 });
    expect(await at(22)).toMatchObject({ warnings: 0 });
    expect(await at(23)).toEqual({ warnings: 1, breaches: 0, alertsQueued: 1 });
    expect(await at(23)).toEqual({ warnings: 0, breaches: 0, alertsQueued: 0 });
    expect(await at(29)).toEqual({ warnings: 0, breaches: 0, alertsQueued: 0 });
    expect(await at(31)).toEqual({ warnings: 0, breaches: 1, alertsQueued: 1 });
    for (const minute of [32, 45, 90]) expect(await at(minute)).toMatchObject({ warnings: 0, breaches: 0 });

    const rows = await slaRows();
    expect(rows.map((r) => [r.event_kind, r.channel_id, r.dedupe_key])).toEqual([
      ['sla_warning', agency.id, `sla_warning:${incidentId}:first_response:${agency.id}`],
      ['sla_breach', agency.id, `sla_breach:${incidentId}:first_response:${agency.id}`],
    ]);
    const [warning, breach] = rows.map((r) => JSON.parse(r.payload) as AlertPayload);
    expect(alertSubject(warning!)).toBe('SLA warning: first response for Acme Shop due 09:30 (76 % elapsed)');
    expect(alertSubject(breach!)).toBe('SLA breached: first response for Acme Shop was due 09:30 (target 30 min)');
    expect(warning?.occurredAt).toBe(new Date(openedMs + 22.5 * MIN).toISOString());
    expect(breach?.sla).toMatchObject({ metric: 'first_response', targetMinutes: 30, clock: '24x7' });

    const events = await slaEvents(incidentId);
    expect(events).toEqual([
      { kind: 'sla_warning', data: expect.objectContaining({ metric: 'first_response', percentElapsed: 76.7 }) },
      { kind: 'sla_breached', data: expect.objectContaining({ metric: 'first_response', targetMinutes: 30 }) },
    ]);
    // The resolution clock (4 h) warns at 3 h.
    expect(await at(181)).toEqual({ warnings: 1, breaches: 0, alertsQueued: 1 });
    expect((await slaEvents(incidentId)).map((e) => e.data.metric)).toEqual([
      'first_response',
      'first_response',
      'resolution',
    ]);
  });

  it('two watchers running at once record the warning once', async () => {
    const { incidentId, openedMs } = await premiumIncident();
    t.clock.set(openedMs + 23 * MIN);
    const outcomes = await Promise.all([watchSlaClocks(t.ctx), watchSlaClocks(t.ctx), watchSlaClocks(t.ctx)]);
    expect(outcomes.reduce((n, o) => n + o.warnings, 0)).toBe(1);
    expect(await slaRows()).toHaveLength(1);
    expect(await slaEvents(incidentId)).toHaveLength(1);
  });

  it('an incident acknowledged in time never breaches its first response', async () => {
    const { incidentId, openedMs } = await premiumIncident();
    t.clock.set(openedMs + 20 * MIN);
    await acknowledgeIncident(t.ctx, systemActor, incidentId);
    for (const minute of [23, 31, 60, 120]) {
      t.clock.set(openedMs + minute * MIN);
      expect(await watchSlaClocks(t.ctx)).toEqual({ warnings: 0, breaches: 0, alertsQueued: 0 });
    }
    expect(await slaRows()).toEqual([]);
    const sla = await getIncidentSla(t.ctx, incidentId);
    expect(sla.clocks[0]).toMatchObject({ metric: 'first_response', state: 'met', met: true, marginMinutes: 10 });
  });

  it('a paused clock stands still: no warning while waiting for the client, the count goes on after', async () => {
    const { incidentId, openedMs } = await premiumIncident();
    t.clock.set(openedMs + 10 * MIN);
    await pauseIncident(t.ctx, systemActor, incidentId, { reason: 'waiting for the FTP password' });
    for (const minute of [23, 31, 60]) {
      t.clock.set(openedMs + minute * MIN);
      expect(await watchSlaClocks(t.ctx)).toEqual({ warnings: 0, breaches: 0, alertsQueued: 0 });
    }
    const paused = await getIncidentSla(t.ctx, incidentId);
    expect(paused.pausedAt).toBe(new Date(openedMs + 10 * MIN).toISOString());
    expect(paused.clocks[0]).toMatchObject({
      state: 'paused',
      elapsedMinutes: 10,
      dueAt: new Date(openedMs + 80 * MIN).toISOString(), // 20 min left, counted from now
    });
    await resumeIncident(t.ctx, systemActor, incidentId);
    t.clock.set(openedMs + 72 * MIN); // 10 + 12 min counted: 73 %
    expect(await watchSlaClocks(t.ctx)).toMatchObject({ warnings: 0 });
    t.clock.set(openedMs + 73 * MIN);
    expect(await watchSlaClocks(t.ctx)).toEqual({ warnings: 1, breaches: 0, alertsQueued: 1 });
    const [warning] = await slaRows();
    expect(JSON.parse(warning?.payload ?? '{}').sla.dueAt).toBe(new Date(openedMs + 80 * MIN).toISOString());
  });

  it('counts business hours: opened Friday 17:30, the warning comes Monday 09:15 and the breach 09:30', async () => {
    const fridayMs = Date.UTC(2026, 2, 6, 17, 30);
    t.clock.set(fridayMs - 3 * 86_400_000); // the contract starts before the incident
    const w = await createWorld(t, { plan: 'standard' });
    await w.addChannel({ kind: 'email', addresses: 'oncall@agency.test' });
    t.clock.set(fridayMs);
    const incidentId = await w.openIncident();
    for (const at of [Date.UTC(2026, 2, 6, 17, 55), Date.UTC(2026, 2, 7, 12), Date.UTC(2026, 2, 9, 9, 14)]) {
      t.clock.set(at);
      expect(await watchSlaClocks(t.ctx)).toMatchObject({ warnings: 0, breaches: 0 });
    }
    t.clock.set(Date.UTC(2026, 2, 9, 9, 15));
    expect(await watchSlaClocks(t.ctx)).toMatchObject({ warnings: 1, breaches: 0 });
    t.clock.set(Date.UTC(2026, 2, 9, 9, 31));
    expect(await watchSlaClocks(t.ctx)).toMatchObject({ warnings: 0, breaches: 1 });
    const breach = (await slaRows()).find((r) => r.event_kind === 'sla_breach');
    expect(alertSubject(JSON.parse(breach?.payload ?? '{}'))).toBe(
      'SLA breached: first response for Acme Shop was due 09:30 (target 1 h business time)',
    );
    expect((await slaEvents(incidentId)).map((e) => e.data.dueAt)).toEqual([
      '2026-03-09T09:30:00.000Z',
      '2026-03-09T09:30:00.000Z',
    ]);
  });

  it('maintenance does not silence a breach; a late first run reports only the breach', async () => {
    const { w, incidentId, openedMs } = await premiumIncident();
    await createMaintenanceWindow(t.ctx, systemActor, {
      kind: 'once',
      clientId: w.client.id,
      title: 'Server move',
      startsAt: new Date(openedMs + 32 * MIN).toISOString(),
      endsAt: new Date(openedMs + 120 * MIN).toISOString(),
    });
    t.clock.set(openedMs + 40 * MIN);
    expect(await watchSlaClocks(t.ctx)).toEqual({ warnings: 0, breaches: 1, alertsQueued: 1 });
    expect(await t.ctx.db.selectFrom('alert_silences').selectAll().execute()).toEqual([]);
    expect((await slaEvents(incidentId)).map((e) => e.kind)).toEqual(['sla_breached']);
  });

  it.each([
    [50, 1],
    [35 + 61, 0],
  ])(
    'a breach just before the resolution is reported when looked at %i min after the start (%i)',
    async (minute, breaches) => {
      const { w, incidentId, openedMs } = await premiumIncident();
      t.clock.set(openedMs + 35 * MIN);
      await w.resolve(incidentId);
      t.clock.set(openedMs + minute * MIN);
      expect(await watchSlaClocks(t.ctx)).toEqual({ warnings: 0, breaches, alertsQueued: breaches });
    },
  );

  it('a warning still waiting in the outbox is withdrawn once the incident is acknowledged', async () => {
    const { incidentId, openedMs } = await premiumIncident();
    t.clock.set(openedMs + 23 * MIN);
    await watchSlaClocks(t.ctx);
    await acknowledgeIncident(t.ctx, systemActor, incidentId);
    const senders = {} as AlertSenders; // never reached: the alert is withdrawn before sending
    expect(await deliverDueAlerts(t.ctx, { senders })).toEqual(['cancelled']);
    expect((await slaRows())[0]).toMatchObject({
      status: 'cancelled',
      last_error: 'the SLA clock stopped before the warning went out',
    });
  });
});
