import { describe, expect, it } from 'vitest';
import { listOf } from '../../src/http/api/doc-schemas.ts';
import { maintenanceWindowDoc } from '../../src/http/api/monitoring-doc-schemas.ts';
import { databaseDigest, expectError, expectInvalid, expectOk, makeClient, makeSite, useTestApp } from './helpers.ts';
import { makePlannedSite } from './monitoring-fixtures.ts';

const t = useTestApp();

describe('maintenance windows', () => {
  it('schedules a one-off window for a site and a weekly one in the client’s time zone', async () => {
    const { client, site } = await makePlannedSite(t());
    const once = expectOk(
      await t().api('POST', '/maintenance-windows', {
        kind: 'once',
        clientId: client.id,
        siteId: site.id,
        title: 'PHP upgrade',
        startsAt: '2026-03-03T22:00:00+01:00',
        endsAt: '2026-03-03T23:30:00+01:00',
      }),
      201,
      maintenanceWindowDoc,
    );
    expect(once).toMatchObject({
      siteId: site.id,
      kind: 'once',
      startsAt: '2026-03-03T21:00:00.000Z',
      endsAt: '2026-03-03T22:30:00.000Z',
      weekdays: null,
      timeZone: 'Europe/Madrid',
      archivedAt: null,
    });
    t().clock.advance(1000); // listed in the order they were created
    const weekly = expectOk(
      await t().api(
        'POST',
        '/maintenance-windows',
        {
          kind: 'weekly',
          clientId: client.id,
          title: 'Backups',
          weekdays: [3, 1, 3],
          startLocal: '02:00',
          durationMin: 45,
        },
        t().tokens.technician,
      ),
      201,
      maintenanceWindowDoc,
    );
    expect(weekly).toMatchObject({
      siteId: null,
      weekdays: [1, 3],
      startLocal: '02:00',
      durationMin: 45,
      startsAt: null,
    });

    const other = await makeClient(t());
    const list = async (query = '') =>
      expectOk(await t().api('GET', `/maintenance-windows${query}`), 200, listOf(maintenanceWindowDoc)).data.map(
        (w) => w.id,
      );
    expect(await list()).toEqual([once.id, weekly.id]);
    expect(await list(`?clientId=${client.id}`)).toEqual([once.id, weekly.id]);
    expect(await list(`?clientId=${other.id}`)).toEqual([]);
  });

  it('refuses bad windows with 422 and writes nothing; an unknown client is a 404', async () => {
    const { client } = await makePlannedSite(t());
    const stranger = await makeClient(t());
    const strangerSite = await makeSite(t(), stranger.id);
    const before = await databaseDigest(t());
    const once = {
      kind: 'once',
      clientId: client.id,
      title: 'x',
      startsAt: '2026-03-03T22:00:00Z',
      endsAt: '2026-03-03T21:00:00Z',
    };
    expectInvalid(await t().api('POST', '/maintenance-windows', once), ['endsAt']);
    expectInvalid(await t().api('POST', '/maintenance-windows', { ...once, endsAt: 'tomorrow' }), ['endsAt']);
    expectInvalid(
      await t().api('POST', '/maintenance-windows', {
        ...once,
        endsAt: '2026-03-04T00:00:00Z',
        siteId: strangerSite.id,
      }),
      ['siteId'],
    );
    expectInvalid(
      await t().api('POST', '/maintenance-windows', {
        kind: 'weekly',
        clientId: client.id,
        title: 'x',
        weekdays: [8],
        startLocal: '25:00',
        durationMin: 0,
      }),
      ['weekdays.0', 'startLocal', 'durationMin'],
    );
    expectInvalid(await t().api('POST', '/maintenance-windows', { ...once, kind: 'monthly' }), ['kind']);
    expect(await databaseDigest(t())).toEqual(before);
    expectError(
      await t().api('POST', '/maintenance-windows', {
        ...once,
        clientId: 'cli_missing',
        endsAt: '2026-03-04T00:00:00Z',
      }),
      404,
    );
    expectError(await t().api('POST', '/maintenance-windows', once, null), 401);
  });

  it('archives a window once; it leaves the list, and a second archive is a 404', async () => {
    const { client } = await makePlannedSite(t());
    const created = expectOk(
      await t().api('POST', '/maintenance-windows', {
        kind: 'weekly',
        clientId: client.id,
        title: 'Sunday updates',
        weekdays: [7],
        startLocal: '06:00',
        durationMin: 60,
      }),
      201,
      maintenanceWindowDoc,
    );
    const res = await t().api('POST', `/maintenance-windows/${created.id}/archive`);
    expect(res.status).toBe(204);
    expect(res.body).toBeNull();
    expect((await t().api('GET', '/maintenance-windows')).body.data).toEqual([]);
    expectError(await t().api('POST', `/maintenance-windows/${created.id}/archive`), 404);
    expectError(await t().api('POST', '/maintenance-windows/mw_missing/archive', undefined, null), 401);
  });
});
