import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILTIN_24X7_CALENDAR_ID } from '../../src/domain/sla/seed-sla.ts';
import type { Storage } from '../../src/storage/database.ts';
import { type CliEnv, createCliEnv } from './cli-harness.ts';

const ICS = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'BEGIN:VEVENT',
  'DTSTART;VALUE=DATE:20261224',
  'DTEND;VALUE=DATE:20261226',
  'SUMMARY:Christmas',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'DTSTART;VALUE=DATE:20260525',
  'RRULE:FREQ=YEARLY;BYDAY=-1MO;BYMONTH=5',
  'SUMMARY:Memorial Day',
  'END:VEVENT',
  'END:VCALENDAR',
].join('\r\n');

describe('SLA calendars and holidays from the command line', { timeout: 120_000 }, () => {
  let env: CliEnv;
  let storage: Storage;
  let calendarId: string;

  beforeAll(async () => {
    env = await createCliEnv();
    await env.run(['migrate']);
    storage = env.openStorage();
  });
  afterAll(async () => {
    await storage?.close();
    await env?.close();
  });

  it('lists the calendars as a table and as JSON', async () => {
    const table = await env.run(['sla', 'calendars', 'list']);
    expect(table).toMatchObject({ code: 0, stderr: '' });
    const lines = table.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^ID +NAME +TIME ZONE +HOLIDAYS +HOURS$/);
    expect(lines[1]).toMatch(/^cal_24x7 +24\/7 +– +0 +every minute \(built in\)$/);
    expect(lines[2]).toMatch(/^cal_\w{20} +Business hours +UTC +0 +Mon-Fri 09:00-18:00$/);
    const json = JSON.parse((await env.run(['sla', 'calendars', 'list', '--json'])).stdout);
    calendarId = json.find((c: { name: string }) => c.name === 'Business hours').id;
    expect(lines[2]).toContain(calendarId);
    expect(await env.run(['sla', 'calendars', 'list', '--archived'])).toMatchObject({
      code: 0,
      stdout: '',
      stderr: 'No archived calendars.\n',
    });
  });

  it('adds a holiday, refuses a second one on the same date, and explains bad input', async () => {
    const added = await env.run([
      'sla',
      'holidays',
      'add',
      '--calendar',
      calendarId,
      '--date',
      '2026-12-25',
      '--name',
      'Navidad',
    ]);
    expect(added).toMatchObject({
      code: 0,
      stdout: '2026-12-25\n',
      stderr: 'Added the holiday "Navidad" on 2026-12-25.\n',
    });
    const [again, badDate, missing, builtIn] = await Promise.all([
      env.run(['sla', 'holidays', 'add', '--calendar', calendarId, '--date', '2026-12-25', '--name', 'Again']),
      env.run(['sla', 'holidays', 'add', '--calendar', calendarId, '--date', '2026-13-01', '--name', 'x']),
      env.run(['sla', 'holidays', 'add', '--calendar', 'cal_missing', '--date', '2026-12-26', '--name', 'x']),
      env.run([
        'sla',
        'holidays',
        'add',
        '--calendar',
        BUILTIN_24X7_CALENDAR_ID,
        '--date',
        '2026-12-26',
        '--name',
        'x',
      ]),
    ]);
    expect(again.stderr).toBe('error: Business hours already has a holiday on 2026-12-25\n');
    expect(badDate.stderr).toBe('error: invalid --date: is not a real calendar date\n');
    expect(missing.stderr).toBe(
      'error: there is no calendar cal_missing; `npx steward sla calendars list` shows them\n',
    );
    expect(builtIn.stderr).toContain('error: The built-in 24/7 calendar cannot be changed');
    for (const r of [again, badDate, missing, builtIn]) expect(r).toMatchObject({ code: 1, stdout: '' });
  });

  it('imports an iCal file, prints the counts and lists what it skipped', async () => {
    const file = path.join(env.dataDir, 'holidays.ics');
    fs.writeFileSync(file, ICS);
    const imported = await env.run(['sla', 'holidays', 'import', '--calendar', calendarId, '--file', file]);
    expect(imported).toMatchObject({
      code: 0,
      stdout: 'added 1, already present 1, skipped 1\n',
      stderr: 'skipped "Memorial Day": repeat rule BYDAY=-1MO is not supported (only yearly on the start date)\n',
    });
    const rows = await storage.db
      .selectFrom('sla_holidays')
      .select(['on_date', 'name', 'source'])
      .where('calendar_id', '=', calendarId)
      .orderBy('on_date')
      .execute();
    expect(rows).toEqual([
      { on_date: '2026-12-24', name: 'Christmas', source: 'ical' },
      { on_date: '2026-12-25', name: 'Navidad', source: 'manual' },
    ]);
    const json = await env.run(['sla', 'holidays', 'import', '--calendar', calendarId, '--file', file, '--json']);
    expect(JSON.parse(json.stdout)).toMatchObject({ added: 0, alreadyPresent: 2 });

    const notIcs = path.join(env.dataDir, 'holidays.csv');
    fs.writeFileSync(notIcs, 'date,name\n2026-12-25,Christmas\n');
    const big = path.join(env.dataDir, 'big.ics');
    fs.writeFileSync(big, `BEGIN:VCALENDAR\r\n${'X-PAD:x\r\n'.repeat(120_000)}END:VCALENDAR\r\n`);
    const [wrong, absent, tooBig] = await Promise.all([
      env.run(['sla', 'holidays', 'import', '--calendar', calendarId, '--file', notIcs]),
      env.run(['sla', 'holidays', 'import', '--calendar', calendarId, '--file', path.join(env.dataDir, 'nope.ics')]),
      env.run(['sla', 'holidays', 'import', '--calendar', calendarId, '--file', big]),
    ]);
    expect(wrong.stderr).toBe('error: invalid --file: is not an iCalendar file (it must start with BEGIN:VCALENDAR)\n');
    expect(absent.stderr).toMatch(/^error: cannot read --file .*nope\.ics: no such file\n$/);
    expect(tooBig.stderr).toMatch(/^error: --file .*big\.ics is larger than 1 MiB\n$/);
    for (const r of [wrong, absent, tooBig]) expect(r).toMatchObject({ code: 1, stdout: '' });
  });

  it('shows a calendar: hours by day, holidays and the policies that use it', async () => {
    const shown = await env.run(['sla', 'calendars', 'show', calendarId]);
    expect(shown).toMatchObject({ code: 0, stderr: '' });
    expect(shown.stdout).toBe(
      [
        `Business hours (${calendarId})`,
        'Time zone: UTC',
        'Hours:',
        '  Monday     09:00-18:00',
        '  Tuesday    09:00-18:00',
        '  Wednesday  09:00-18:00',
        '  Thursday   09:00-18:00',
        '  Friday     09:00-18:00',
        '  Saturday   closed',
        '  Sunday     closed',
        'Holidays (2):',
        '  2026-12-24  Christmas  (imported)',
        '  2026-12-25  Navidad',
        'Used by: Basic SLA, Standard SLA',
        '',
      ].join('\n'),
    );
    const json = JSON.parse((await env.run(['sla', 'calendars', 'show', calendarId, '--json'])).stdout);
    expect(json).toMatchObject({
      id: calendarId,
      holidayCount: 2,
      policies: [{ name: 'Basic SLA' }, { name: 'Standard SLA' }],
    });
    const missing = await env.run(['sla', 'calendars', 'show', 'cal_missing']);
    expect(missing).toMatchObject({ code: 1, stdout: '' });
    expect(missing.stderr).toContain('there is no calendar cal_missing');
  });
});
