import { describe, expect, it } from 'vitest';
import { listOf } from '../../src/http/api/doc-schemas.ts';
import { incidentDetailDoc, incidentDoc, incidentSlaReportDoc } from '../../src/http/api/monitoring-doc-schemas.ts';
import { databaseDigest, expectError, expectInvalid, expectOk, rawRequest, userIdOf, useTestApp } from './helpers.ts';
import { makeMonitor, makePlannedSite, recordOutage } from './monitoring-fixtures.ts';

const t = useTestApp();
const MIN = 60_000;

async function openOutage() {
  const { client, site } = await makePlannedSite(t());
  const monitor = await makeMonitor(t(), site.id);
  const startedAt = t().clock.now() - 10 * MIN;
  const id = await recordOutage(t(), monitor.id, startedAt, null);
  return { client, site, monitor, id, startedAt };
}

describe('GET /incidents', () => {
  it('lists newest first and filters by status, client, site and monitor', async () => {
    const a = await openOutage();
    const b = await makePlannedSite(t());
    const bMonitor = await makeMonitor(t(), b.site.id);
    const old = await recordOutage(t(), bMonitor.id, t().clock.now() - 3 * 60 * MIN, t().clock.now() - 2 * 60 * MIN);
    const ids = async (query = '') =>
      expectOk(await t().api('GET', `/incidents${query}`), 200, listOf(incidentDoc)).data.map((i) => i.id);
    expect(await ids()).toEqual([a.id, old]);
    expect(await ids('?status=open')).toEqual([a.id]);
    expect(await ids('?status=resolved')).toEqual([old]);
    expect(await ids(`?clientId=${b.client.id}`)).toEqual([old]);
    expect(await ids(`?siteId=${a.site.id}`)).toEqual([a.id]);
    expect(await ids(`?monitorId=${bMonitor.id}`)).toEqual([old]);
    expect(await ids('?limit=1')).toEqual([a.id]);
    expectInvalid(await t().api('GET', '/incidents?status=closed'), ['status']);
    expectInvalid(await t().api('GET', '/incidents?limit=501'), ['limit']);
    expectError(await t().api('GET', '/incidents', undefined, null), 401);
  });

  it('shows an incident with its timeline; 404 for an unknown one', async () => {
    const { id, monitor, startedAt } = await openOutage();
    const detail = expectOk(await t().api('GET', `/incidents/${id}`), 200, incidentDetailDoc);
    expect(detail).toMatchObject({
      id,
      monitorId: monitor.id,
      status: 'open',
      startedAt: new Date(startedAt).toISOString(),
      detectedAt: new Date(startedAt + 30_000).toISOString(),
      acknowledgedAt: null,
      resolvedAt: null,
      causeErrorClass: 'timeout',
    });
    expect(detail.events.map((e) => [e.kind, e.actorLabel])).toEqual([['opened', 'monitor']]);
    expectError(await t().api('GET', '/incidents/inc_missing'), 404, 'not_found');
  });
});

describe('acting on an incident', () => {
  it('acknowledges once: the second acknowledgement is a 409 that names the first', async () => {
    const { id } = await openOutage();
    const ownerId = await userIdOf(t(), t().tokens.owner);
    const acked = expectOk(await t().api('POST', `/incidents/${id}/acknowledge`), 200, incidentDetailDoc);
    expect(acked).toMatchObject({ acknowledgedAt: new Date(t().clock.now()).toISOString(), acknowledgedBy: ownerId });
    expect(acked.events.at(-1)).toMatchObject({ kind: 'acknowledged', actorUserId: ownerId, actorLabel: 'user' });
    t().clock.advance(MIN);
    const again = expectError(
      await t().api('POST', `/incidents/${id}/acknowledge`, undefined, t().tokens.technician),
      409,
    );
    expect(again.message).toContain(acked.acknowledgedAt);
    expectError(await t().api('POST', '/incidents/inc_missing/acknowledge'), 404);
    expectError(await t().api('POST', `/incidents/${id}/acknowledge`, undefined, null), 401);
  });

  it('two people acknowledging at the same moment produce one acknowledgement and one 409', async () => {
    const { id } = await openOutage();
    const results = await Promise.all([
      t().api('POST', `/incidents/${id}/acknowledge`, undefined, t().tokens.owner),
      t().api('POST', `/incidents/${id}/acknowledge`, undefined, t().tokens.technician),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const winner = results.find((r) => r.status === 200);
    expectOk(winner ?? results[0]!, 200, incidentDetailDoc);
    expectError(results.find((r) => r.status === 409) ?? results[0]!, 409, 'conflict');
    const detail = expectOk(await t().api('GET', `/incidents/${id}`), 200, incidentDetailDoc);
    expect(detail.events.filter((e) => e.kind === 'acknowledged')).toHaveLength(1);
    expect(detail.acknowledgedBy).toBe(winner?.body.acknowledgedBy);
  });

  it('adds notes to the timeline; an empty note or an unknown field is a 422 that writes nothing', async () => {
    const { id } = await openOutage();
    const techId = await userIdOf(t(), t().tokens.technician);
    const noted = expectOk(
      await t().api(
        'POST',
        `/incidents/${id}/notes`,
        { text: '  Host says a switch failed.  ' },
        t().tokens.technician,
      ),
      201,
      incidentDetailDoc,
    );
    expect(noted.events.at(-1)).toMatchObject({
      kind: 'note',
      actorUserId: techId,
      data: { text: 'Host says a switch failed.' },
    });
    const before = await databaseDigest(t());
    expectInvalid(await t().api('POST', `/incidents/${id}/notes`, { text: '   ' }), ['text']);
    expectInvalid(await t().api('POST', `/incidents/${id}/notes`, {}), ['text']);
    expectInvalid(await t().api('POST', `/incidents/${id}/notes`, { text: 'x', pinned: true }), ['']);
    expectError(
      await rawRequest(t(), 'POST', `/incidents/${id}/notes`, { body: 'text=x', contentType: 'text/plain' }),
      415,
    );
    expect(await databaseDigest(t())).toEqual(before);
    expectError(await t().api('POST', '/incidents/inc_missing/notes', { text: 'x' }), 404);
  });

  it('resolves by hand, with or without a note (no body at all is fine); a second resolve is a 409', async () => {
    const first = await openOutage();
    const resolved = expectOk(
      await t().api('POST', `/incidents/${first.id}/resolve`, { note: 'False alarm: firewall test' }),
      200,
      incidentDetailDoc,
    );
    expect(resolved).toMatchObject({ status: 'resolved', resolvedAt: new Date(t().clock.now()).toISOString() });
    expect(resolved.events.at(-1)).toMatchObject({
      kind: 'resolved',
      actorLabel: 'user',
      data: { manual: true, note: 'False alarm: firewall test' },
    });
    expectError(await t().api('POST', `/incidents/${first.id}/resolve`, {}), 409, 'conflict');

    const second = await openOutage();
    const bare = await rawRequest(t(), 'POST', `/incidents/${second.id}/resolve`, { token: t().tokens.technician });
    expect(expectOk(bare, 200, incidentDetailDoc).status).toBe('resolved');
    expectInvalid(await t().api('POST', `/incidents/${second.id}/resolve`, { note: 5 }), ['note']);
    expectError(await t().api('POST', '/incidents/inc_missing/resolve', {}), 404);
  });
});

describe('SLA clocks on incidents', () => {
  it('shows the clocks on every read: list, detail and /sla (Standard: 1 business hour, Mon–Fri 09–18)', async () => {
    const { id, startedAt } = await openOutage(); // detected 08:50:30 UTC, before business hours
    const detail = expectOk(await t().api('GET', `/incidents/${id}`), 200, incidentDetailDoc);
    expect(detail).toMatchObject({ severity: 'critical', pausedAt: null });
    expect(detail.sla.policy).toMatchObject({
      name: 'Standard SLA',
      calendarName: 'Business hours',
      warnAtPercent: 75,
    });
    expect(detail.sla.clocks[0]).toEqual({
      metric: 'first_response',
      targetMinutes: 60,
      clock: 'business',
      startedAt: new Date(startedAt + 30_000).toISOString(),
      stoppedAt: null,
      elapsedMinutes: 0,
      dueAt: '2026-03-02T10:00:00.000Z',
      warnAt: '2026-03-02T09:45:00.000Z',
      state: 'running',
      met: null,
      marginMinutes: 60,
      percentElapsed: 0,
    });
    const listed = expectOk(await t().api('GET', '/incidents'), 200, listOf(incidentDoc)).data;
    expect(listed[0]?.sla).toEqual(detail.sla);

    t().clock.advance(50 * MIN);
    const sla = expectOk(
      await t().api('GET', `/incidents/${id}/sla`, undefined, t().tokens.technician),
      200,
      incidentSlaReportDoc,
    );
    expect(sla).toMatchObject({ incidentId: id, computedAt: '2026-03-02T09:50:00.000Z', severity: 'critical' });
    expect(sla.clocks[0]).toMatchObject({ elapsedMinutes: 50, percentElapsed: 83.3, marginMinutes: 10 });
    expectError(await t().api('GET', '/incidents/inc_missing/sla'), 404, 'not_found');
    expectError(await t().api('GET', `/incidents/${id}/sla`, undefined, null), 401);
  });

  it('filters the list by SLA state; an unknown state is a 422', async () => {
    const { id } = await openOutage();
    const ids = async (query: string) =>
      expectOk(await t().api('GET', `/incidents${query}`), 200, listOf(incidentDoc)).data.map((i) => i.id);
    expect(await ids('?sla=at_risk')).toEqual([]);
    t().clock.advance(46 * MIN); // 09:46: past the warning at 09:45
    expect(await ids('?sla=at_risk')).toEqual([id]);
    expect(await ids('?sla=breached')).toEqual([]);
    t().clock.advance(15 * MIN);
    expect(await ids('?sla=breached&status=open')).toEqual([id]);
    expectInvalid(await t().api('GET', '/incidents?sla=late'), ['sla']);
  });

  it('pauses (waiting for client) and resumes: one pause wins a race, the loser and a second resume are 409s', async () => {
    const { id } = await openOutage();
    const results = await Promise.all([
      t().api('POST', `/incidents/${id}/pause`, { reason: 'waiting for the hosting login' }, t().tokens.technician),
      t().api('POST', `/incidents/${id}/pause`, {}, t().tokens.owner),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const paused = expectOk(results.find((r) => r.status === 200) ?? results[0]!, 200, incidentDetailDoc);
    expect(paused.pausedAt).toBe(new Date(t().clock.now()).toISOString());
    expect(paused.sla.clocks.map((c) => c.state)).toEqual(['paused', 'paused']);
    expect(paused.events.filter((e) => e.kind === 'paused')).toHaveLength(1);
    expectError(results.find((r) => r.status === 409) ?? results[0]!, 409, 'conflict');

    t().clock.advance(30 * MIN);
    const resumed = expectOk(await t().api('POST', `/incidents/${id}/resume`), 200, incidentDetailDoc);
    expect(resumed.pausedAt).toBeNull();
    expect(resumed.events.at(-1)).toMatchObject({ kind: 'resumed', actorLabel: 'user' });
    expect(resumed.sla.clocks[0]).toMatchObject({ state: 'running', elapsedMinutes: 0 });
    expectError(await t().api('POST', `/incidents/${id}/resume`), 409, 'conflict');
    // No body at all is fine for a pause.
    expect(
      expectOk(await rawRequest(t(), 'POST', `/incidents/${id}/pause`), 200, incidentDetailDoc).pausedAt,
    ).not.toBeNull();
  });

  it('refuses bad pauses and resumes: 401, 404, 422 and 409 for a resolved incident, writing nothing', async () => {
    const { id } = await openOutage();
    const before = await databaseDigest(t());
    expectInvalid(await t().api('POST', `/incidents/${id}/pause`, { reason: 'x'.repeat(501) }), ['reason']);
    expectInvalid(await t().api('POST', `/incidents/${id}/pause`, { reason: 'x', until: 'Monday' }), ['']);
    expectError(await t().api('POST', `/incidents/${id}/pause`, {}, null), 401);
    expectError(await t().api('POST', `/incidents/${id}/resume`, undefined, null), 401);
    expectError(await t().api('POST', '/incidents/inc_missing/pause', {}), 404);
    expectError(await t().api('POST', '/incidents/inc_missing/resume'), 404);
    expect(await databaseDigest(t())).toEqual(before);
    await t().api('POST', `/incidents/${id}/resolve`, {});
    expectError(await t().api('POST', `/incidents/${id}/pause`, {}), 409, 'conflict');
  });

  it('sets the severity: raising is anyone’s, lowering needs an admin (403), the same one is a 409', async () => {
    const { id } = await openOutage();
    const adminId = await userIdOf(t(), t().tokens.admin);
    await t().api('GET', '/me', undefined, t().tokens.technician); // the token's first use is not what is compared
    const before = await databaseDigest(t());
    const forbidden = expectError(
      await t().api('POST', `/incidents/${id}/severity`, { severity: 'minor' }, t().tokens.technician),
      403,
      'forbidden',
    );
    expect(forbidden.message).toContain("lower an incident's severity");
    expectInvalid(await t().api('POST', `/incidents/${id}/severity`, { severity: 'urgent' }), ['severity']);
    expectInvalid(await t().api('POST', `/incidents/${id}/severity`, {}), ['severity']);
    expectError(await t().api('POST', `/incidents/${id}/severity`, { severity: 'critical' }), 409, 'conflict');
    expectError(await t().api('POST', '/incidents/inc_missing/severity', { severity: 'minor' }), 404);
    expectError(await t().api('POST', `/incidents/${id}/severity`, { severity: 'minor' }, null), 401);
    expect(await databaseDigest(t())).toEqual(before);

    const lowered = expectOk(
      await t().api('POST', `/incidents/${id}/severity`, { severity: 'minor' }, t().tokens.admin),
      200,
      incidentDetailDoc,
    );
    expect(lowered.severity).toBe('minor');
    expect(lowered.events.at(-1)).toMatchObject({
      kind: 'severity_changed',
      actorUserId: adminId,
      data: { from: 'critical', to: 'minor' },
    });
    t().clock.advance(MIN);
    const raised = await t().api('POST', `/incidents/${id}/severity`, { severity: 'major' }, t().tokens.technician);
    expect(expectOk(raised, 200, incidentDetailDoc).severity).toBe('major');
  });
});
