import { describe, expect, it } from 'vitest';
import { listOf } from '../../src/http/api/doc-schemas.ts';
import { incidentDetailDoc, incidentDoc } from '../../src/http/api/monitoring-doc-schemas.ts';
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
