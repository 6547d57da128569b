import { describe, expect, it } from 'vitest';
import { createCalendarSchema } from './calendar-schemas.ts';
import { formatDayRanges, parseDayRangesText, summarizeWeek, weeklyHoursSchema } from './weekly-hours.ts';

const issues = (value: unknown) => {
  const result = weeklyHoursSchema.safeParse(value);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('weekly hours', () => {
  it('stores every day, ranges sorted, a missing day closed; parsing again gives the same', () => {
    const parsed = weeklyHoursSchema.parse({
      '1': [
        ['15:00', '19:00'],
        ['09:00', '13:00'],
      ],
      '6': [['10:00', '24:00']],
    });
    expect(parsed).toEqual({
      '1': [
        ['09:00', '13:00'],
        ['15:00', '19:00'],
      ],
      '2': [],
      '3': [],
      '4': [],
      '5': [],
      '6': [['10:00', '24:00']],
      '7': [],
    });
    expect(weeklyHoursSchema.parse(parsed)).toEqual(parsed);
  });

  it('refuses bad times, empty or backwards ranges, ranges over midnight and overlaps, naming the day', () => {
    expect(issues({ '1': [['9:00', '18:00']] })).toEqual(['1: 9:00 is not a start time as HH:MM (00:00 to 23:59)']);
    expect(issues({ '2': [['09:00', '24:30']] })).toEqual(['2: 24:30 is not an end time as HH:MM (00:01 to 24:00)']);
    expect(issues({ '3': [['24:00', '24:00']] })).toEqual(['3: 24:00 is not a start time as HH:MM (00:00 to 23:59)']);
    expect(issues({ '4': [['22:00', '02:00']] })).toEqual([
      '4: 22:00-02:00 must end after it starts (a range cannot cross midnight: split it at 24:00)',
    ]);
    expect(issues({ '5': [['09:00', '09:00']] })).toHaveLength(1);
    expect(
      issues({
        '5': [
          ['12:00', '18:00'],
          ['09:00', '12:30'],
        ],
      }),
    ).toEqual(['5: 09:00-12:30 and 12:00-18:00 overlap']);
    expect(issues({ '1': [['09:00', '18:00']], '8': [] })).toHaveLength(1);
  });

  it('allows ranges that touch and a day ending at 24:00', () => {
    expect(
      issues({
        '7': [
          ['00:00', '12:00'],
          ['12:00', '24:00'],
        ],
      }),
    ).toEqual([]);
  });

  it('needs at least one range in the week', () => {
    expect(issues({})).toEqual([': must have business hours on at least one day of the week']);
    const result = createCalendarSchema.safeParse({
      name: 'Closed',
      timeZone: 'Europe/Madrid',
      weeklyHours: { '1': [] },
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual(['weeklyHours']);
  });

  it('rejects time zones that are not IANA names', () => {
    const result = createCalendarSchema.safeParse({
      name: 'x',
      timeZone: 'CEST',
      weeklyHours: { '1': [['09:00', '18:00']] },
    });
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual(['timeZone']);
  });
});

describe('the console’s text for a day', () => {
  it('reads "9-13, 15:00–19:00" and writes it back as HH:MM-HH:MM', () => {
    expect(parseDayRangesText('9-13, 15:00–19:00')).toEqual({
      ranges: [
        ['09:00', '13:00'],
        ['15:00', '19:00'],
      ],
      unreadable: false,
    });
    expect(parseDayRangesText('  ')).toEqual({ ranges: [], unreadable: false });
    expect(parseDayRangesText('mornings').unreadable).toBe(true);
    expect(
      formatDayRanges([
        ['09:00', '13:00'],
        ['15:00', '24:00'],
      ]),
    ).toBe('09:00-13:00, 15:00-24:00');
  });
});

describe('a week in one line', () => {
  it('groups consecutive days with the same hours', () => {
    const week = weeklyHoursSchema.parse({
      '1': [['09:00', '18:00']],
      '2': [['09:00', '18:00']],
      '3': [['09:00', '18:00']],
      '5': [['09:00', '18:00']],
      '6': [['10:00', '14:00']],
    });
    expect(summarizeWeek(week)).toBe('Mon-Wed 09:00-18:00; Fri 09:00-18:00; Sat 10:00-14:00');
    const always = weeklyHoursSchema.parse(
      Object.fromEntries(['1', '2', '3', '4', '5', '6', '7'].map((d) => [d, [['00:00', '24:00']]])),
    );
    expect(summarizeWeek(always)).toBe('every day 00:00-24:00');
  });
});
