import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getCalendar, listCalendars } from '../../src/domain/sla/calendars.ts';
import { BUILTIN_24X7_CALENDAR_ID } from '../../src/domain/sla/seed-sla.ts';
import { SESSION_COOKIE } from '../../src/http/pages/session.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { type ConsoleClient, csrfOf, formFields, ORIGIN, signedIn, textOf } from './console-client.ts';

let t: TestApp;
let owner: ConsoleClient;
let technician: ConsoleClient;
let calendarId: string;

beforeAll(async () => {
  t = await createTestApp();
  owner = await signedIn(t, 'owner');
  technician = await signedIn(t, 'technician');
});
afterAll(() => t?.close());

const BASE = '/admin/sla/calendars';
const ICS = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'BEGIN:VEVENT',
  'DTSTART;VALUE=DATE:20261224',
  'DTEND;VALUE=DATE:20261226',
  'SUMMARY:Navidad',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'DTSTART;VALUE=DATE:20260105',
  'RRULE:FREQ=WEEKLY',
  'SUMMARY:Every Monday',
  'END:VEVENT',
  'END:VCALENDAR',
].join('\r\n');

/** A multipart form post (file upload) from a signed-in browser, with the page's CSRF token unless null. */
async function upload(client: ConsoleClient, path: string, fields: Record<string, string | File>, csrf: string | null) {
  const body = new FormData();
  if (csrf) body.set('_csrf', csrf);
  for (const [name, value] of Object.entries(fields)) body.set(name, value);
  const res = await t.app.request(path, {
    method: 'POST',
    body,
    headers: { origin: ORIGIN, cookie: `${SESSION_COOKIE}=${client.cookie(SESSION_COOKIE)}` },
  });
  return { status: res.status, html: await res.text() };
}

const hoursFields = (hours: Record<string, string>) =>
  Object.fromEntries(['1', '2', '3', '4', '5', '6', '7'].map((d) => [`hours-${d}`, hours[d] ?? '']));

describe('the SLA calendars pages', () => {
  it('lists the calendars; only admins get the button for a new one', async () => {
    const page = await owner.get(BASE);
    expect(page.status).toBe(200);
    const text = textOf(page.html);
    expect(text).toContain('24/7 built in – Every minute of every day 0');
    expect(text).toContain('Business hours UTC Mon-Fri 09:00-18:00 0');
    expect(page.html).toContain(`href="${BASE}/new"`);
    const tech = await technician.get(BASE);
    expect(tech.status).toBe(200);
    expect(tech.html).not.toContain(`href="${BASE}/new"`);
    expect((await technician.get(`${BASE}/new`)).status).toBe(403);
  });

  it('creates a calendar from the weekly-hours grid, and explains bad hours', async () => {
    const form = await owner.get(`${BASE}/new`);
    expect(formFields(form.html, BASE)).toMatchObject({ 'hours-1': '09:00-18:00', 'hours-6': '', timeZone: 'UTC' });
    const bad = await owner.post(BASE, {
      name: 'Madrid',
      timeZone: 'Europe/Madrid',
      ...hoursFields({ '1': '09:00-14:00', '3': '22:00-02:00', '4': 'mornings' }),
    });
    expect(bad.status).toBe(422);
    const text = textOf(bad.html);
    expect(text).toContain('Please correct the fields marked below.');
    expect(text).toContain('22:00-02:00 must end after it starts');
    expect(text).toContain('write the hours as ranges such as 09:00-13:00, 15:00-19:00');
    expect(formFields(bad.html, BASE)).toMatchObject({ name: 'Madrid', 'hours-4': 'mornings' });
    expect(await listCalendars(t.ctx)).toHaveLength(2);

    const res = await owner.post(BASE, {
      name: 'Madrid office',
      timeZone: 'Europe/Madrid',
      ...hoursFields({ '1': '15:00-19:00, 9-13', '5': '09:00–15:00' }),
    });
    expect(res.status).toBe(303);
    calendarId = res.location?.split('/').pop() ?? '';
    const calendar = await getCalendar(t.ctx, calendarId);
    expect(calendar.weeklyHours).toMatchObject({
      '1': [
        ['09:00', '13:00'],
        ['15:00', '19:00'],
      ],
      '2': [],
      '5': [['09:00', '15:00']],
    });
    const page = await owner.follow(res);
    expect(textOf(page.html)).toContain('Calendar Madrid office created.');
    expect(formFields(page.html, `${BASE}/${calendarId}`)).toMatchObject({
      name: 'Madrid office',
      timeZone: 'Europe/Madrid',
      'hours-1': '09:00-13:00, 15:00-19:00',
    });
  });

  it('edits the hours: the form posts back what it shows, with one day changed', async () => {
    const page = await owner.get(`${BASE}/${calendarId}`);
    const fields = { ...formFields(page.html, `${BASE}/${calendarId}`), 'hours-6': '10:00-24:00' };
    const res = await owner.post(`${BASE}/${calendarId}`, fields);
    expect(res.status).toBe(303);
    const calendar = await getCalendar(t.ctx, calendarId);
    expect(calendar.weeklyHours['6']).toEqual([['10:00', '24:00']]);
    expect(calendar.weeklyHours['1']).toHaveLength(2);
    const closed = await owner.post(`${BASE}/${calendarId}`, { ...fields, ...hoursFields({}) });
    expect(closed.status).toBe(422);
    expect(textOf(closed.html)).toContain('must have business hours on at least one day of the week');
  });

  it('adds a holiday, refuses a second one on that date, and removes it', async () => {
    const res = await owner.post(`${BASE}/${calendarId}/holidays`, { date: '2026-05-01', name: 'Día del Trabajo' });
    expect(res.status).toBe(303);
    const page = textOf((await owner.follow(res)).html);
    expect(page).toContain('Holiday “Día del Trabajo” added on 2026-05-01.');
    expect(page).toContain('Fri 1 May 2026 Día del Trabajo entered');
    const again = await owner.post(`${BASE}/${calendarId}/holidays`, { date: '2026-05-01', name: 'Again' });
    expect(again.status).toBe(409);
    expect(textOf(again.html)).toContain('Madrid office already has a holiday on 2026-05-01');
    const bad = await owner.post(`${BASE}/${calendarId}/holidays`, { date: '', name: '' });
    expect(bad.status).toBe(422);

    const removed = await owner.post(`${BASE}/${calendarId}/holidays/2026-05-01/delete`, {});
    expect(removed.status).toBe(303);
    expect((await getCalendar(t.ctx, calendarId)).holidays).toEqual([]);
    expect((await owner.post(`${BASE}/${calendarId}/holidays/2026-05-01/delete`, {})).status).toBe(404);
  });

  it('imports an uploaded .ics file, or pasted text, and lists what it skipped', async () => {
    const page = await owner.get(`${BASE}/${calendarId}`);
    expect(page.html).toContain('enctype="multipart/form-data"');
    const csrf = csrfOf(page.html);
    const file = new File([ICS], 'holidays.ics', { type: 'text/calendar' });
    const res = await upload(owner, `${BASE}/${calendarId}/holidays/import`, { icsFile: file, icsText: '' }, csrf);
    expect(res.status).toBe(200);
    const text = textOf(res.html);
    expect(text).toContain('2 dates added, 0 already present, 1 event skipped.');
    expect(text).toContain('Every Monday : repeats weekly; only yearly repeats are supported');
    expect((await getCalendar(t.ctx, calendarId)).holidays.map((h) => [h.date, h.name, h.source])).toEqual([
      ['2026-12-24', 'Navidad', 'ical'],
      ['2026-12-25', 'Navidad', 'ical'],
    ]);
    const pasted = await owner.post(`${BASE}/${calendarId}/holidays/import`, { icsText: ICS });
    expect(textOf(pasted.html)).toContain('0 dates added, 2 already present, 1 event skipped.');
    const notIcs = await owner.post(`${BASE}/${calendarId}/holidays/import`, { icsText: 'Christmas, 25 Dec' });
    expect(notIcs.status).toBe(422);
    expect(textOf(notIcs.html)).toContain('is not an iCalendar file (it must start with BEGIN:VCALENDAR)');
    expect(formFields(notIcs.html, `${BASE}/${calendarId}/holidays/import`)).toMatchObject({
      icsText: 'Christmas, 25 Dec',
    });
  });

  it('needs the CSRF token on every form, uploads included', async () => {
    const before = await getCalendar(t.ctx, calendarId);
    const csrfless = { csrf: null };
    expect((await owner.post(`${BASE}/${calendarId}`, { name: 'Hijacked' }, csrfless)).status).toBe(403);
    expect(
      (await owner.post(`${BASE}/${calendarId}/holidays`, { date: '2026-08-15', name: 'x' }, csrfless)).status,
    ).toBe(403);
    expect((await owner.post(`${BASE}/${calendarId}/archive`, {}, { origin: 'https://evil.example' })).status).toBe(
      403,
    );
    const file = new File([ICS.replace('20261224', '20260815')], 'x.ics');
    expect((await upload(owner, `${BASE}/${calendarId}/holidays/import`, { icsFile: file }, null)).status).toBe(403);
    expect(await getCalendar(t.ctx, calendarId)).toEqual(before);
  });

  it('shows technicians the calendar read-only and refuses their posts', async () => {
    const before = await getCalendar(t.ctx, calendarId);
    const page = await technician.get(`${BASE}/${calendarId}`);
    expect(page.status).toBe(200);
    const text = textOf(page.html);
    expect(text).toContain('Only owners and admins can change SLA calendars.');
    expect(text).toContain('Monday 09:00–13:00, 15:00–19:00');
    expect(text).toContain('Navidad');
    expect(page.html).not.toContain('<form method="post" action="/admin/sla/calendars/');
    expect((await technician.post(`${BASE}/${calendarId}`, { name: 'Tech' })).status).toBe(403);
    expect((await technician.post(`${BASE}/${calendarId}/holidays`, { date: '2026-08-15', name: 'x' })).status).toBe(
      403,
    );
    expect((await technician.post(`${BASE}/${calendarId}/holidays/2026-12-24/delete`, {})).status).toBe(403);
    expect((await technician.post(`${BASE}/${calendarId}/holidays/import`, { icsText: ICS })).status).toBe(403);
    expect((await technician.post(`${BASE}/${calendarId}/archive`, {})).status).toBe(403);
    expect(await getCalendar(t.ctx, calendarId)).toEqual(before);
  });

  it('shows the built-in 24/7 calendar read-only, even to owners', async () => {
    const page = await owner.get(`${BASE}/${BUILTIN_24X7_CALENDAR_ID}`);
    expect(page.status).toBe(200);
    const text = textOf(page.html);
    expect(text).toContain('The built-in 24/7 calendar cannot be changed.');
    expect(text).toContain('Premium SLA');
    expect(page.html).not.toContain('<form method="post" action="/admin/sla/calendars/');
    expect(
      (await owner.post(`${BASE}/${BUILTIN_24X7_CALENDAR_ID}/holidays`, { date: '2026-12-25', name: 'x' })).status,
    ).toBe(409);
  });

  it('archives a calendar no policy uses, and refuses one in use, naming the policies', async () => {
    const business = (await listCalendars(t.ctx)).find((c) => c.name === 'Business hours');
    const inUse = await owner.get(`${BASE}/${business?.id}`);
    expect(textOf(inUse.html)).toContain('Basic SLA Standard SLA Move these policies to another calendar');
    const refused = await owner.post(`${BASE}/${business?.id}/archive`, {});
    expect(refused.status).toBe(409);
    expect(textOf(refused.html)).toContain('Business hours is used by the SLA policies “Basic SLA”, “Standard SLA”');

    const archived = await owner.post(`${BASE}/${calendarId}/archive`, {});
    expect(archived.status).toBe(303);
    expect(textOf((await owner.follow(archived)).html)).toContain(
      'Madrid office archived: new policies cannot use it.',
    );
    expect(textOf((await owner.get(BASE)).html)).not.toContain('Madrid office');
    expect(textOf((await owner.get(`${BASE}?archived=true`)).html)).toContain('Madrid office archived');
    expect((await owner.post(`${BASE}/${calendarId}/restore`, {})).status).toBe(303);
    expect((await getCalendar(t.ctx, calendarId)).archivedAt).toBeNull();
  });
});
