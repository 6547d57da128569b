import { describe, expect, it } from 'vitest';
import { systemActor } from '../../src/domain/context.ts';
import { importHolidays } from '../../src/domain/sla/holidays.ts';
import { loadCalendars } from '../../src/domain/sla/load-sla.ts';
import { BUILTIN_24X7_CALENDAR_ID } from '../../src/domain/sla/seed-sla.ts';
import { AppError } from '../../src/errors.ts';
import { listOf } from '../../src/http/api/doc-schemas.ts';
import {
  calendarDetailDoc,
  calendarDoc,
  holidayDoc,
  holidayImportDoc,
} from '../../src/http/api/sla-calendar-doc-schemas.ts';
import { databaseDigest, expectError, expectInvalid, expectOk, useTestApp } from './helpers.ts';

const t = useTestApp();

const MADRID_HOURS = {
  '1': [
    ['15:00', '19:00'],
    ['09:00', '13:00'],
  ],
  '2': [['09:00', '18:00']],
  '5': [['09:00', '15:00']],
};

async function makeCalendar(body: Record<string, unknown> = {}) {
  const res = await t().api('POST', '/sla/calendars', {
    name: 'Madrid office',
    timeZone: 'Europe/Madrid',
    weeklyHours: MADRID_HOURS,
    ...body,
  });
  return expectOk(res, 201, calendarDetailDoc);
}

/** The database digest once every token's first use is recorded (that write is not the route's). */
async function stateBefore() {
  for (const token of Object.values(t().tokens)) await t().api('GET', '/me', undefined, token);
  return databaseDigest(t());
}

const list = async (query = '', token?: string) =>
  expectOk(await t().api('GET', `/sla/calendars${query}`, undefined, token), 200, listOf(calendarDoc)).data;

const ICS = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'BEGIN:VEVENT',
  'DTSTART;VALUE=DATE:20261224',
  'DTEND;VALUE=DATE:20261226',
  'SUMMARY:Navidad',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'DTSTART;VALUE=DATE:20260101',
  'RRULE:FREQ=YEARLY',
  'SUMMARY:Año Nuevo',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'DTSTART;VALUE=DATE:20260105',
  'RRULE:FREQ=MONTHLY',
  'SUMMARY:Monthly',
  'END:VEVENT',
  'END:VCALENDAR',
].join('\r\n');

describe('SLA calendars: reading', () => {
  it('lists the built-in 24/7 calendar and the default business hours to anyone signed in', async () => {
    const calendars = await list('', t().tokens.technician);
    expect(calendars.map((c) => [c.name, c.kind])).toEqual([
      ['24/7', '24x7'],
      ['Business hours', 'business'],
    ]);
    expect(calendars[0]).toMatchObject({ id: BUILTIN_24X7_CALENDAR_ID, timeZone: 'UTC', holidayCount: 0 });
    expect(calendars[1]?.weeklyHours).toMatchObject({ '1': [['09:00', '18:00']], '6': [], '7': [] });
    const detail = expectOk(
      await t().api('GET', `/sla/calendars/${calendars[1]?.id}`, undefined, t().tokens.technician),
      200,
      calendarDetailDoc,
    );
    expect(detail.policies.map((p) => p.name)).toEqual(['Basic SLA', 'Standard SLA']);
    expect(detail.holidays).toEqual([]);
    expectError(await t().api('GET', '/sla/calendars/cal_missing'), 404, 'not_found');
    expectInvalid(await t().api('GET', '/sla/calendars?archived=maybe'), ['archived']);
    expectError(await t().api('GET', '/sla/calendars', undefined, null), 401, 'unauthenticated');
  });
});

describe('SLA calendars: creating and changing', () => {
  it('creates a calendar with sorted ranges, every day present', async () => {
    const created = await makeCalendar();
    expect(created).toMatchObject({
      name: 'Madrid office',
      kind: 'business',
      timeZone: 'Europe/Madrid',
      holidays: [],
      policies: [],
      archivedAt: null,
      createdAt: '2026-03-02T09:00:00.000Z',
    });
    expect(created.weeklyHours).toEqual({
      '1': [
        ['09:00', '13:00'],
        ['15:00', '19:00'],
      ],
      '2': [['09:00', '18:00']],
      '3': [],
      '4': [],
      '5': [['09:00', '15:00']],
      '6': [],
      '7': [],
    });
    expect((await list()).map((c) => c.name)).toContain('Madrid office');
  });

  it('refuses bad input with 422 naming each field, technicians with 403, and writes nothing', async () => {
    const before = await stateBefore();
    const post = (body: unknown, token?: string) => t().api('POST', '/sla/calendars', body, token);
    expectInvalid(
      await post({ name: '', timeZone: 'Mars/Olympus', weeklyHours: { '1': [['18:00', '09:00']], '3': [['9', '5']] } }),
      ['name', 'timeZone', 'weeklyHours.1', 'weeklyHours.3'],
    );
    expectInvalid(await post({ name: 'Closed', timeZone: 'UTC', weeklyHours: {} }), ['weeklyHours']);
    expectInvalid(
      await post({
        name: 'Overlap',
        timeZone: 'UTC',
        weeklyHours: {
          '2': [
            ['09:00', '13:00'],
            ['12:00', '18:00'],
          ],
        },
      }),
      ['weeklyHours.2'],
    );
    expectInvalid(await post({ name: 'Day 8', timeZone: 'UTC', weeklyHours: { '8': [['09:00', '13:00']] } }), [
      'weeklyHours',
    ]);
    expectError(
      await post({ name: 'x', timeZone: 'UTC', weeklyHours: MADRID_HOURS }, t().tokens.technician),
      403,
      'forbidden',
    );
    expect(await databaseDigest(t())).toEqual(before);
  });

  it('changes name, zone and hours; an empty PATCH changes nothing', async () => {
    const created = await makeCalendar();
    t().clock.advance(60_000);
    const same = expectOk(await t().api('PATCH', `/sla/calendars/${created.id}`, {}), 200, calendarDetailDoc);
    expect(same).toEqual(created);
    const changed = expectOk(
      await t().api(
        'PATCH',
        `/sla/calendars/${created.id}`,
        { name: 'New York office', timeZone: 'America/New_York', weeklyHours: { '7': [['10:00', '24:00']] } },
        t().tokens.admin,
      ),
      200,
      calendarDetailDoc,
    );
    expect(changed).toMatchObject({
      name: 'New York office',
      timeZone: 'America/New_York',
      updatedAt: '2026-03-02T09:01:00.000Z',
    });
    expect(changed.weeklyHours['1']).toEqual([]);
    expect(changed.weeklyHours['7']).toEqual([['10:00', '24:00']]);
    const read = expectOk(await t().api('GET', `/sla/calendars/${created.id}`), 200, calendarDetailDoc);
    expect(read).toEqual(changed);
  });

  it('refuses changes to the built-in 24/7 calendar (409), unknown ids (404), bad hours (422), technicians (403)', async () => {
    const created = await makeCalendar();
    const before = await stateBefore();
    const builtIn = expectError(
      await t().api('PATCH', `/sla/calendars/${BUILTIN_24X7_CALENDAR_ID}`, { name: 'Always' }),
      409,
      'conflict',
    );
    expect(builtIn.message).toContain('built-in 24/7 calendar cannot be changed');
    expectError(await t().api('PATCH', '/sla/calendars/cal_missing', { name: 'x' }), 404, 'not_found');
    expectInvalid(
      await t().api('PATCH', `/sla/calendars/${created.id}`, { weeklyHours: { '1': [['22:00', '02:00']] } }),
      ['weeklyHours.1'],
    );
    expectInvalid(await t().api('PATCH', `/sla/calendars/${created.id}`, { kind: '24x7' }), []);
    expectError(
      await t().api('PATCH', `/sla/calendars/${created.id}`, { name: 'x' }, t().tokens.technician),
      403,
      'forbidden',
    );
    expect(await databaseDigest(t())).toEqual(before);
  });
});

describe('SLA calendars: archiving', () => {
  it('archives and restores a calendar no policy uses; the list filters by archived', async () => {
    const created = await makeCalendar();
    const archived = expectOk(await t().api('POST', `/sla/calendars/${created.id}/archive`), 200, calendarDetailDoc);
    expect(archived.archivedAt).toBe('2026-03-02T09:00:00.000Z');
    expect((await list()).map((c) => c.id)).not.toContain(created.id);
    expect((await list('?archived=true')).map((c) => c.id)).toEqual([created.id]);
    expect((await list('?archived=all')).map((c) => c.id)).toContain(created.id);
    const restored = expectOk(await t().api('POST', `/sla/calendars/${created.id}/restore`), 200, calendarDetailDoc);
    expect(restored.archivedAt).toBeNull();
    expect((await list()).map((c) => c.id)).toContain(created.id);
  });

  it('refuses to archive a calendar in use (naming the policies), the built-in one, unknown ids and technicians', async () => {
    const business = (await list()).find((c) => c.name === 'Business hours');
    const before = await stateBefore();
    const inUse = expectError(await t().api('POST', `/sla/calendars/${business?.id}/archive`), 409, 'conflict');
    expect(inUse.message).toBe(
      'Business hours is used by the SLA policies “Basic SLA”, “Standard SLA”: move them to another calendar first',
    );
    for (const verb of ['archive', 'restore']) {
      expectError(await t().api('POST', `/sla/calendars/${BUILTIN_24X7_CALENDAR_ID}/${verb}`), 409, 'conflict');
      expectError(await t().api('POST', `/sla/calendars/cal_missing/${verb}`), 404, 'not_found');
      expectError(
        await t().api('POST', `/sla/calendars/${business?.id}/${verb}`, undefined, t().tokens.technician),
        403,
        'forbidden',
      );
    }
    expect(await databaseDigest(t())).toEqual(before);
  });
});

describe('SLA calendars: holidays', () => {
  it('adds holidays by date, one per date, and the clocks see them', async () => {
    const created = await makeCalendar();
    const path = `/sla/calendars/${created.id}/holidays`;
    const added = expectOk(await t().api('POST', path, { date: '2026-12-25', name: 'Navidad' }), 201, holidayDoc);
    expect(added).toEqual({ date: '2026-12-25', name: 'Navidad', source: 'manual' });
    expectOk(await t().api('POST', path, { date: '2026-01-06', name: 'Reyes' }, t().tokens.admin), 201, holidayDoc);
    const duplicate = expectError(await t().api('POST', path, { date: '2026-12-25', name: 'Again' }), 409, 'conflict');
    expect(duplicate.message).toBe('Madrid office already has a holiday on 2026-12-25');
    const read = expectOk(await t().api('GET', `/sla/calendars/${created.id}`), 200, calendarDetailDoc);
    expect(read.holidays.map((h) => h.date)).toEqual(['2026-01-06', '2026-12-25']);
    expect(read.holidayCount).toBe(2);
    const loaded = (await loadCalendars(t().ctx.db, [created.id])).get(created.id)?.calendar;
    expect(loaded?.kind === 'business' && [...loaded.holidays].sort()).toEqual(['2026-01-06', '2026-12-25']);
  });

  it('refuses bad dates (422), unknown calendars (404), the built-in one (409) and technicians (403)', async () => {
    const created = await makeCalendar();
    const before = await stateBefore();
    const path = `/sla/calendars/${created.id}/holidays`;
    expectInvalid(await t().api('POST', path, { date: '2026-02-30', name: '' }), ['date', 'name']);
    expectInvalid(await t().api('POST', path, { date: '25/12/2026', name: 'x' }), ['date']);
    expectError(await t().api('POST', '/sla/calendars/cal_missing/holidays', { date: '2026-12-25', name: 'x' }), 404);
    expectError(
      await t().api('POST', `/sla/calendars/${BUILTIN_24X7_CALENDAR_ID}/holidays`, { date: '2026-12-25', name: 'x' }),
      409,
      'conflict',
    );
    expectError(
      await t().api('POST', path, { date: '2026-12-25', name: 'x' }, t().tokens.technician),
      403,
      'forbidden',
    );
    expect(await databaseDigest(t())).toEqual(before);
  });

  it('removes a holiday by date; a second time is a 404', async () => {
    const created = await makeCalendar();
    await t().api('POST', `/sla/calendars/${created.id}/holidays`, { date: '2026-05-01', name: 'Trabajo' });
    const path = `/sla/calendars/${created.id}/holidays/2026-05-01`;
    expectError(await t().api('DELETE', path, undefined, t().tokens.technician), 403, 'forbidden');
    expectInvalid(await t().api('DELETE', `/sla/calendars/${created.id}/holidays/May-1`), ['date']);
    expectError(await t().api('DELETE', `/sla/calendars/${BUILTIN_24X7_CALENDAR_ID}/holidays/2026-05-01`), 409);
    expectError(await t().api('DELETE', '/sla/calendars/cal_missing/holidays/2026-05-01'), 404, 'not_found');
    const res = await t().api('DELETE', path);
    expect(res.status).toBe(204);
    expect(res.body).toBeNull();
    expectError(await t().api('DELETE', path), 404, 'not_found');
    const read = expectOk(await t().api('GET', `/sla/calendars/${created.id}`), 200, calendarDetailDoc);
    expect(read.holidays).toEqual([]);
  });
});

describe('SLA calendars: importing holidays from iCalendar', () => {
  it('adds the dates of a file, counts those already present and lists skipped events', async () => {
    const created = await makeCalendar();
    const path = `/sla/calendars/${created.id}/holidays/import`;
    await t().api('POST', `/sla/calendars/${created.id}/holidays`, { date: '2026-12-25', name: 'Christmas' });
    const first = expectOk(await t().api('POST', path, { ics: ICS }, t().tokens.admin), 200, holidayImportDoc);
    // 24, 25 Dec (25 was there) + 1 Jan 2026…2029 (horizon: three years after 2 March 2026).
    expect(first).toEqual({
      added: 5,
      alreadyPresent: 1,
      skipped: [{ summary: 'Monthly', reason: 'repeats monthly; only yearly repeats are supported' }],
    });
    const read = expectOk(await t().api('GET', `/sla/calendars/${created.id}`), 200, calendarDetailDoc);
    expect(read.holidays).toEqual([
      { date: '2026-01-01', name: 'Año Nuevo', source: 'ical' },
      { date: '2026-12-24', name: 'Navidad', source: 'ical' },
      { date: '2026-12-25', name: 'Christmas', source: 'manual' },
      { date: '2027-01-01', name: 'Año Nuevo', source: 'ical' },
      { date: '2028-01-01', name: 'Año Nuevo', source: 'ical' },
      { date: '2029-01-01', name: 'Año Nuevo', source: 'ical' },
    ]);
    const again = expectOk(await t().api('POST', path, { ics: ICS }), 200, holidayImportDoc);
    expect(again).toMatchObject({ added: 0, alreadyPresent: 6 });
  });

  it('refuses text that is not iCalendar (422), unknown calendars (404), the built-in one (409), technicians (403)', async () => {
    const created = await makeCalendar();
    const before = await stateBefore();
    const path = `/sla/calendars/${created.id}/holidays/import`;
    const notIcs = expectInvalid(await t().api('POST', path, { ics: 'Date,Name\n2026-12-25,Christmas' }), ['ics']);
    expect(notIcs.message).toContain('is not an iCalendar file');
    expectInvalid(await t().api('POST', path, { ics: '' }), ['ics']);
    expectInvalid(await t().api('POST', path, {}), ['ics']);
    expectError(await t().api('POST', '/sla/calendars/cal_missing/holidays/import', { ics: ICS }), 404, 'not_found');
    expectError(
      await t().api('POST', `/sla/calendars/${BUILTIN_24X7_CALENDAR_ID}/holidays/import`, { ics: ICS }),
      409,
      'conflict',
    );
    expectError(await t().api('POST', path, { ics: ICS }, t().tokens.technician), 403, 'forbidden');
    expect(await databaseDigest(t())).toEqual(before);
  });

  it('caps a file at 1 MiB of text (reachable without HTTP, e.g. from the CLI)', async () => {
    const created = await makeCalendar();
    const big = `BEGIN:VCALENDAR\r\nX-PAD:${'é'.repeat(600_000)}\r\nEND:VCALENDAR`;
    const error = await importHolidays(t().ctx, systemActor, created.id, { ics: big }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'invalid', details: [{ path: 'ics', message: 'is larger than 1 MiB' }] });
  });
});
