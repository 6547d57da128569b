import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors.ts';
import { parseIcsHolidays } from './ical.ts';
import { parseContentLine, unfoldLines } from './ical-lines.ts';

const NOW = Date.UTC(2026, 2, 2, 9, 0); // 2 March 2026
const MADRID = { timeZone: 'Europe/Madrid', nowMs: NOW, maxDates: 5000 };

/** A calendar around some VEVENT bodies, lines joined with CRLF as RFC 5545 writes them. */
function ics(...events: string[][]): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//EN'];
  for (const e of events) lines.push('BEGIN:VEVENT', ...e, 'END:VEVENT');
  lines.push('END:VCALENDAR');
  return `${lines.join('\r\n')}\r\n`;
}

const dates = (text: string, options = MADRID) => parseIcsHolidays(text, options).holidays.map((h) => h.date);

describe('iCalendar lines', () => {
  it('unfolds lines continued with a space or a tab, with CRLF or LF breaks', () => {
    expect(unfoldLines('SUMMARY:Día de\r\n  la Hispanidad\r\nX:1\n\tcontinued\nY:2')).toEqual([
      'SUMMARY:Día de la Hispanidad',
      'X:1continued',
      'Y:2',
    ]);
  });

  it('splits name, parameters (quoted ones may hold colons) and value', () => {
    expect(parseContentLine('DTSTART;TZID="America/New_York";VALUE=DATE-TIME:20261126T000000')).toEqual({
      name: 'DTSTART',
      params: { TZID: 'America/New_York', VALUE: 'DATE-TIME' },
      value: '20261126T000000',
    });
    expect(parseContentLine('X-NOTE;ALTREP="http://x.test/a:b":a:b')?.value).toBe('a:b');
    expect(parseContentLine('no colon here')).toBeUndefined();
  });
});

describe('holidays from an iCalendar file', () => {
  it('reads all-day events (VALUE=DATE) with their summaries unescaped', () => {
    const result = parseIcsHolidays(
      ics(
        ['DTSTART;VALUE=DATE:20261225', 'DTEND;VALUE=DATE:20261226', 'SUMMARY:Navidad\\, día de fiesta\\; cerrado'],
        ['DTSTART;VALUE=DATE:20260101', 'SUMMARY:Año\\nNuevo \\\\ 2026'],
      ),
      MADRID,
    );
    expect(result).toEqual({
      holidays: [
        { date: '2026-01-01', name: 'Año Nuevo \\ 2026' },
        { date: '2026-12-25', name: 'Navidad, día de fiesta; cerrado' },
      ],
      skipped: [],
    });
  });

  it('reads a folded SUMMARY as one line', () => {
    const text = ics(['DTSTART;VALUE=DATE:20261012', 'SUMMARY:Fiesta Nacional', '  de España']);
    expect(parseIcsHolidays(text, MADRID).holidays).toEqual([
      { date: '2026-10-12', name: 'Fiesta Nacional de España' },
    ]);
  });

  it('gives every date of a multi-day event, DTEND exclusive (also with DURATION)', () => {
    expect(dates(ics(['DTSTART;VALUE=DATE:20261224', 'DTEND;VALUE=DATE:20261227', 'SUMMARY:Christmas break']))).toEqual(
      ['2026-12-24', '2026-12-25', '2026-12-26'],
    );
    expect(dates(ics(['DTSTART;VALUE=DATE:20260228', 'DURATION:P2D', 'SUMMARY:x']))).toEqual([
      '2026-02-28',
      '2026-03-01',
    ]);
  });

  it('takes the date of date-times in the calendar’s zone: UTC, TZID and floating', () => {
    // 23:30 UTC on 31 Dec is already 1 Jan in Madrid; 22:00 in New York on 24 Dec is 04:00 on 25 Dec in Madrid.
    expect(dates(ics(['DTSTART:20251231T233000Z', 'DTEND:20251231T235900Z', 'SUMMARY:a']))).toEqual(['2026-01-01']);
    expect(
      dates(ics(['DTSTART;TZID=America/New_York:20261224T220000', 'DTEND;TZID=America/New_York:20261224T230000'])),
    ).toEqual(['2026-12-25']);
    expect(dates(ics(['DTSTART:20260506T100000', 'SUMMARY:floating']))).toEqual(['2026-05-06']);
    // Timed and ending at local midnight: the day that begins then is not covered.
    expect(dates(ics(['DTSTART:20260505T220000Z', 'DTEND:20260507T220000Z']))).toEqual(['2026-05-06', '2026-05-07']);
  });

  it('expands yearly repeats up to three years after now, honouring COUNT, UNTIL, INTERVAL and EXDATE', () => {
    const yearly = (rule: string, extra: string[] = []) =>
      dates(ics(['DTSTART;VALUE=DATE:20241225', `RRULE:${rule}`, 'SUMMARY:Christmas', ...extra]));
    expect(yearly('FREQ=YEARLY')).toEqual(['2024-12-25', '2025-12-25', '2026-12-25', '2027-12-25', '2028-12-25']);
    expect(yearly('FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=25;COUNT=2')).toEqual(['2024-12-25', '2025-12-25']);
    expect(yearly('FREQ=YEARLY;UNTIL=20261231')).toEqual(['2024-12-25', '2025-12-25', '2026-12-25']);
    expect(yearly('FREQ=YEARLY;INTERVAL=2')).toEqual(['2024-12-25', '2026-12-25', '2028-12-25']);
    expect(yearly('FREQ=YEARLY', ['EXDATE;VALUE=DATE:20251225'])).toEqual([
      '2024-12-25',
      '2026-12-25',
      '2027-12-25',
      '2028-12-25',
    ]);
    // 29 February repeats only in leap years.
    expect(dates(ics(['DTSTART;VALUE=DATE:20240229', 'RRULE:FREQ=YEARLY']))).toEqual(['2024-02-29', '2028-02-29']);
  });

  it('skips and reports events it cannot read exactly, and imports the rest', () => {
    const result = parseIcsHolidays(
      ics(
        ['DTSTART;VALUE=DATE:20260525', 'RRULE:FREQ=YEARLY;BYMONTH=5;BYDAY=-1MO', 'SUMMARY:Memorial Day'],
        ['DTSTART;VALUE=DATE:20260105', 'RRULE:FREQ=WEEKLY', 'SUMMARY:Mondays'],
        ['DTSTART;TZID=W. Europe Standard Time:20260101T000000', 'SUMMARY:Windows zone'],
        ['SUMMARY:No start'],
        ['DTSTART;VALUE=DATE:20261301', 'SUMMARY:Bad date'],
        ['DTSTART;VALUE=DATE:20260815', 'STATUS:CANCELLED', 'SUMMARY:Cancelled'],
        ['DTSTART;VALUE=DATE:20260815', 'SUMMARY:Asunción'],
      ),
      MADRID,
    );
    expect(result.holidays).toEqual([{ date: '2026-08-15', name: 'Asunción' }]);
    expect(result.skipped).toEqual([
      { summary: 'Memorial Day', reason: 'repeat rule BYDAY=-1MO is not supported (only yearly on the start date)' },
      { summary: 'Mondays', reason: 'repeats weekly; only yearly repeats are supported' },
      { summary: 'Windows zone', reason: 'DTSTART: unknown time zone W. Europe Standard Time' },
      { summary: 'No start', reason: 'no DTSTART' },
      { summary: 'Bad date', reason: 'DTSTART: 20261301 is not a real date' },
      { summary: 'Cancelled', reason: 'the event is cancelled' },
    ]);
  });

  it('ignores the properties of components nested in an event (alarms)', () => {
    const text = ics(['DTSTART;VALUE=DATE:20261101', 'BEGIN:VALARM', 'DTSTART:20300101T000000Z', 'END:VALARM']);
    expect(dates(text)).toEqual(['2026-11-01']);
  });

  it('refuses text that is not iCalendar, and files that give too many dates', () => {
    for (const garbage of ['', 'hello', '{"ics": true}', 'BEGIN:VEVENT\r\nEND:VEVENT', '\u0001\u0002binary']) {
      expect(() => parseIcsHolidays(garbage, MADRID)).toThrowError(/not an iCalendar file/);
    }
    const long = ics(['DTSTART;VALUE=DATE:20200101', 'DTEND;VALUE=DATE:99991231', 'SUMMARY:forever']);
    const error = (() => {
      try {
        parseIcsHolidays(long, { ...MADRID, maxDates: 100 });
      } catch (err) {
        return err;
      }
    })();
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).message).toContain('more than 100 dates');
  });

  it('keeps the first name when two events fall on one date', () => {
    const text = ics(
      ['DTSTART;VALUE=DATE:20260101', 'SUMMARY:First'],
      ['DTSTART;VALUE=DATE:20260101', 'SUMMARY:Second'],
    );
    expect(parseIcsHolidays(text, MADRID).holidays).toEqual([{ date: '2026-01-01', name: 'First' }]);
  });
});
