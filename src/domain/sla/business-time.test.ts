import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { addBusinessMs, type BusinessCalendar, businessMsBetween, type WeeklyHours } from './business-time.ts';
import { monthWindow } from './month-window.ts';

// Written before the implementation: the cases a client's SLA report must get right.

const H = 3_600_000;
const MIN = 60_000;
const at = (local: string, zone: string) => DateTime.fromISO(local, { zone }).toMillis();
const weekdays = (ranges: Array<[string, string]>, days = [1, 2, 3, 4, 5]): WeeklyHours =>
  Object.fromEntries([1, 2, 3, 4, 5, 6, 7].map((d) => [d, days.includes(d) ? ranges : []]));
const business = (timeZone: string, weekly: WeeklyHours, holidays: string[] = []): BusinessCalendar => ({
  kind: 'business',
  timeZone,
  weekly,
  holidays: new Set(holidays),
});
const MAD = 'Europe/Madrid';
const NY = 'America/New_York';
const office = business(MAD, weekdays([['09:00', '18:00']]));
const allDay = (zone: string) => business(zone, weekdays([['00:00', '24:00']], [1, 2, 3, 4, 5, 6, 7]));

type DueCase = {
  name: string;
  calendar: BusinessCalendar;
  start: number;
  targetMs: number;
  pauses?: Array<{ startMs: number; endMs: number }>;
  due: number;
};

const dueCases: DueCase[] = [
  {
    name: 'Friday 19:00, 4 h, Mon–Fri 09–18 → Monday 13:00',
    calendar: office,
    start: at('2026-03-06T19:00', MAD),
    targetMs: 4 * H,
    due: at('2026-03-09T13:00', MAD),
  },
  {
    name: 'inside hours, same day',
    calendar: office,
    start: at('2026-03-09T10:00', MAD),
    targetMs: 4 * H,
    due: at('2026-03-09T14:00', MAD),
  },
  {
    name: 'due exactly at closing time stays that day',
    calendar: office,
    start: at('2026-03-09T14:00', MAD),
    targetMs: 4 * H,
    due: at('2026-03-09T18:00', MAD),
  },
  {
    name: 'opened at closing time starts counting next morning',
    calendar: office,
    start: at('2026-03-09T18:00', MAD),
    targetMs: 30 * MIN,
    due: at('2026-03-10T09:30', MAD),
  },
  {
    name: 'rolls over the night',
    calendar: office,
    start: at('2026-03-09T16:00', MAD),
    targetMs: 4 * H,
    due: at('2026-03-10T11:00', MAD),
  },
  {
    name: 'across a holiday (Christmas on a Friday)',
    calendar: business(MAD, weekdays([['09:00', '18:00']]), ['2026-12-25']),
    start: at('2026-12-24T17:00', MAD),
    targetMs: 4 * H,
    due: at('2026-12-28T12:00', MAD),
  },
  {
    name: 'several ranges per day (lunch break)',
    calendar: business(
      MAD,
      weekdays([
        ['09:00', '13:00'],
        ['15:00', '19:00'],
      ]),
    ),
    start: at('2026-03-09T12:00', MAD),
    targetMs: 3 * H,
    due: at('2026-03-09T17:00', MAD),
  },
  {
    name: 'a range until 24:00 joins the next morning',
    calendar: business(MAD, {
      1: [],
      2: [],
      3: [],
      4: [],
      5: [['20:00', '24:00']],
      6: [['00:00', '02:00']],
      7: [],
    }),
    start: at('2026-03-06T23:00', MAD),
    targetMs: 2 * H,
    due: at('2026-03-07T01:00', MAD),
  },
  {
    name: 'New York office hours across spring-forward weekend',
    calendar: business(NY, weekdays([['09:00', '17:00']])),
    start: at('2026-03-06T16:00', NY),
    targetMs: 4 * H,
    due: Date.UTC(2026, 2, 9, 16, 0), // Monday 12:00 EDT
  },
  {
    name: 'Madrid all-day calendar over the spring-forward night counts real hours',
    calendar: allDay(MAD),
    start: at('2026-03-28T23:00', MAD),
    targetMs: 4 * H,
    due: at('2026-03-29T04:00', MAD),
  },
  {
    name: 'New York all-day calendar over the fall-back night counts the repeated hour',
    calendar: allDay(NY),
    start: Date.UTC(2026, 10, 1, 4, 30), // 00:30 EDT
    targetMs: 2 * H,
    due: Date.UTC(2026, 10, 1, 6, 30), // 01:30 EST, the second 01:30
  },
  {
    name: '24/7 across Madrid spring-forward is wall-clock',
    calendar: { kind: '24x7' },
    start: Date.UTC(2026, 2, 29, 0, 45),
    targetMs: 30 * MIN,
    due: Date.UTC(2026, 2, 29, 1, 15),
  },
  {
    name: '24/7 across New York fall-back is wall-clock',
    calendar: { kind: '24x7' },
    start: Date.UTC(2026, 10, 1, 5, 30),
    targetMs: 60 * MIN,
    due: Date.UTC(2026, 10, 1, 6, 30),
  },
  {
    name: 'a pause spanning a night',
    calendar: office,
    start: at('2026-03-09T17:00', MAD),
    targetMs: 2 * H,
    pauses: [{ startMs: at('2026-03-09T17:30', MAD), endMs: at('2026-03-10T10:00', MAD) }],
    due: at('2026-03-10T11:30', MAD),
  },
  {
    name: 'a pause on a 24/7 clock',
    calendar: { kind: '24x7' },
    start: Date.UTC(2026, 2, 2, 0, 0),
    targetMs: 60 * MIN,
    pauses: [{ startMs: Date.UTC(2026, 2, 2, 0, 10), endMs: Date.UTC(2026, 2, 2, 0, 40) }],
    due: Date.UTC(2026, 2, 2, 1, 30),
  },
];

describe('due times', () => {
  it.each(dueCases)('$name', ({ calendar, start, targetMs, pauses, due }) => {
    expect(new Date(addBusinessMs(calendar, start, targetMs, pauses) ?? 0).toISOString()).toBe(
      new Date(due).toISOString(),
    );
    expect(businessMsBetween(calendar, start, due, pauses)).toBe(targetMs);
  });

  it('is null when the calendar has no hours at all', () => {
    const closed = business(MAD, weekdays([], []));
    expect(addBusinessMs(closed, at('2026-03-09T10:00', MAD), H)).toBeNull();
  });
});

type ElapsedCase = { name: string; calendar: BusinessCalendar; from: number; to: number; ms: number };

const elapsedCases: ElapsedCase[] = [
  {
    name: 'Saturday outage outside hours counts nothing',
    calendar: office,
    from: at('2026-03-07T10:00', MAD),
    to: at('2026-03-07T12:00', MAD),
    ms: 0,
  },
  {
    name: 'a whole working week',
    calendar: office,
    from: at('2026-03-09T00:00', MAD),
    to: at('2026-03-16T00:00', MAD),
    ms: 45 * H,
  },
  {
    name: 'a range crossing the skipped hour is shortened (Madrid 01:00–05:00 on 29 March)',
    calendar: business(MAD, { 1: [], 2: [], 3: [], 4: [], 5: [], 6: [], 7: [['01:00', '05:00']] }),
    from: at('2026-03-29T00:00', MAD),
    to: at('2026-03-30T00:00', MAD),
    ms: 3 * H,
  },
  {
    name: 'a range inside the skipped hour is empty',
    calendar: business(MAD, { 1: [], 2: [], 3: [], 4: [], 5: [], 6: [], 7: [['02:15', '02:45']] }),
    from: at('2026-03-29T00:00', MAD),
    to: at('2026-03-30T00:00', MAD),
    ms: 0,
  },
  {
    name: 'a range over the repeated hour counts each real minute (Madrid 02:00–03:00 on 25 October)',
    calendar: business(MAD, { 1: [], 2: [], 3: [], 4: [], 5: [], 6: [], 7: [['02:00', '03:00']] }),
    from: at('2026-10-25T00:00', MAD),
    to: at('2026-10-26T00:00', MAD),
    ms: 2 * H,
  },
  {
    name: 'New York fall-back: 00:00–03:00 lasts four real hours',
    calendar: business(NY, { 1: [], 2: [], 3: [], 4: [], 5: [], 6: [], 7: [['00:00', '03:00']] }),
    from: Date.UTC(2026, 10, 1, 0, 0),
    to: Date.UTC(2026, 10, 2, 12, 0),
    ms: 4 * H,
  },
  {
    name: 'New York spring-forward day is 23 hours on an all-day calendar',
    calendar: allDay(NY),
    from: at('2026-03-08T00:00', NY),
    to: at('2026-03-09T00:00', NY),
    ms: 23 * H,
  },
  {
    name: 'a holiday counts nothing',
    calendar: business(MAD, weekdays([['09:00', '18:00']]), ['2026-03-10']),
    from: at('2026-03-10T00:00', MAD),
    to: at('2026-03-11T00:00', MAD),
    ms: 0,
  },
];

describe('elapsed business time', () => {
  it.each(elapsedCases)('$name', ({ calendar, from, to, ms }) => {
    expect(businessMsBetween(calendar, from, to)).toBe(ms);
  });
});

describe('month windows in the client zone', () => {
  it('March in Madrid is 31 days less the spring-forward hour', () => {
    const w = monthWindow('2026-03', MAD);
    expect(new Date(w.fromMs).toISOString()).toBe('2026-02-28T23:00:00.000Z');
    expect(new Date(w.toMs).toISOString()).toBe('2026-03-31T22:00:00.000Z');
    expect(w.toMs - w.fromMs).toBe((31 * 24 - 1) * H);
  });
  it('November in New York has the fall-back hour', () => {
    const w = monthWindow('2026-11', NY);
    expect(w.toMs - w.fromMs).toBe((30 * 24 + 1) * H);
  });
  it('December rolls into the next year', () => {
    const w = monthWindow('2026-12', 'UTC');
    expect(new Date(w.toMs).toISOString()).toBe('2027-01-01T00:00:00.000Z');
  });
  it('refuses a malformed month', () => {
    expect(() => monthWindow('2026-13', 'UTC')).toThrow();
  });
});

const calendars: Array<[string, BusinessCalendar]> = [
  ['office Madrid', office],
  [
    'split New York',
    business(
      NY,
      weekdays([
        ['08:30', '12:00'],
        ['13:00', '24:00'],
      ]),
      ['2026-07-03'],
    ),
  ],
  ['all-day Madrid', allDay(MAD)],
  ['24/7', { kind: '24x7' }],
];
// Two years around both DST changes of 2026, in minutes.
const base = Date.UTC(2026, 0, 1);
const instant = fc.integer({ min: 0, max: 2 * 365 * 24 * 60 }).map((m) => base + m * MIN);

describe.each(calendars)('properties on %s', (_, calendar) => {
  it('elapsed business time never decreases as time goes on', () => {
    fc.assert(
      fc.property(instant, instant, instant, (a, b, c) => {
        const [from, t1, t2] = [a, b, c].sort((x, y) => x - y) as [number, number, number];
        return businessMsBetween(calendar, from, t1) <= businessMsBetween(calendar, from, t2);
      }),
      { numRuns: 150 },
    );
  });
  it('splitting an interval never changes the sum', () => {
    fc.assert(
      fc.property(instant, instant, instant, (a, b, c) => {
        const [from, mid, to] = [a, b, c].sort((x, y) => x - y) as [number, number, number];
        return (
          businessMsBetween(calendar, from, to) ===
          businessMsBetween(calendar, from, mid) + businessMsBetween(calendar, mid, to)
        );
      }),
      { numRuns: 150 },
    );
  });
  it('the due time is the first instant the target is reached', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 3000 }), (start, targetMin) => {
        const due = addBusinessMs(calendar, start, targetMin * MIN);
        if (due === null) return false;
        return (
          businessMsBetween(calendar, start, due) === targetMin * MIN &&
          businessMsBetween(calendar, start, due - 1) < targetMin * MIN
        );
      }),
      { numRuns: 150 },
    );
  });
  it('a pause removes exactly the business time inside it', () => {
    fc.assert(
      fc.property(instant, instant, instant, instant, (a, b, c, d) => {
        const [from, p1, p2, to] = [a, b, c, d].sort((x, y) => x - y) as [number, number, number, number];
        const pauses = [{ startMs: p1, endMs: p2 }];
        return (
          businessMsBetween(calendar, from, to, pauses) ===
          businessMsBetween(calendar, from, to) - businessMsBetween(calendar, p1, p2)
        );
      }),
      { numRuns: 100 },
    );
  });
});
