import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../shared/time.ts';
import { type BillingPeriod, cancellationLastDay, periodContaining } from './periods.ts';

describe('periodContaining, monthly', () => {
  it.each([
    // start, date, period start, period end (exclusive)
    ['2026-01-15', '2026-01-15', '2026-01-15', '2026-02-15'],
    ['2026-01-15', '2026-02-14', '2026-01-15', '2026-02-15'],
    ['2026-01-15', '2026-02-15', '2026-02-15', '2026-03-15'],
    ['2026-01-15', '2026-12-31', '2026-12-15', '2027-01-15'],
    ['2026-01-15', '2027-01-14', '2026-12-15', '2027-01-15'],
    ['2026-01-01', '2026-03-31', '2026-03-01', '2026-04-01'],
    // a start on the 31st clamps to each month's last day, without drifting to the 28th later on
    ['2026-01-31', '2026-02-27', '2026-01-31', '2026-02-28'],
    ['2026-01-31', '2026-02-28', '2026-02-28', '2026-03-31'],
    ['2026-01-31', '2026-03-30', '2026-02-28', '2026-03-31'],
    ['2026-01-31', '2026-03-31', '2026-03-31', '2026-04-30'],
    ['2026-01-31', '2026-04-30', '2026-04-30', '2026-05-31'],
    ['2026-01-31', '2026-05-30', '2026-04-30', '2026-05-31'],
    // leap year: Jan 31 → Feb 29
    ['2024-01-31', '2024-02-28', '2024-01-31', '2024-02-29'],
    ['2024-01-31', '2024-02-29', '2024-02-29', '2024-03-31'],
    ['2028-01-30', '2028-02-29', '2028-02-29', '2028-03-30'],
    // a start on a leap day
    ['2024-02-29', '2024-03-28', '2024-02-29', '2024-03-29'],
    ['2024-02-29', '2025-02-28', '2025-02-28', '2025-03-29'],
    // across year ends
    ['2025-12-31', '2026-01-01', '2025-12-31', '2026-01-31'],
    ['2025-12-31', '2026-02-28', '2026-02-28', '2026-03-31'],
    ['2025-11-30', '2026-02-27', '2026-01-30', '2026-02-28'],
  ])('start %s, date %s → [%s, %s)', (start, date, periodStart, periodEnd) => {
    expect(periodContaining(start, 'monthly', date)).toEqual({ start: periodStart, endExclusive: periodEnd });
  });
});

describe('periodContaining, annual', () => {
  it.each([
    ['2026-03-02', '2026-03-02', '2026-03-02', '2027-03-02'],
    ['2026-03-02', '2027-03-01', '2026-03-02', '2027-03-02'],
    ['2026-03-02', '2027-03-02', '2027-03-02', '2028-03-02'],
    ['2026-03-02', '2031-07-19', '2031-03-02', '2032-03-02'],
    // a leap-day start renews on Feb 28 in common years and on Feb 29 again in leap years
    ['2024-02-29', '2025-02-27', '2024-02-29', '2025-02-28'],
    ['2024-02-29', '2025-02-28', '2025-02-28', '2026-02-28'],
    ['2024-02-29', '2028-02-28', '2027-02-28', '2028-02-29'],
    ['2024-02-29', '2028-02-29', '2028-02-29', '2029-02-28'],
  ])('start %s, date %s → [%s, %s)', (start, date, periodStart, periodEnd) => {
    expect(periodContaining(start, 'annual', date)).toEqual({ start: periodStart, endExclusive: periodEnd });
  });
});

describe('periodContaining before the start date', () => {
  it.each([
    ['monthly', '2026-03-15', '2026-03-14', '2026-04-15'],
    ['monthly', '2026-03-15', '2025-01-01', '2026-04-15'],
    ['annual', '2026-03-15', '2026-03-14', '2027-03-15'],
  ] as const)('%s from %s: date %s is answered with the first period', (period, start, date, end) => {
    expect(periodContaining(start, period, date)).toEqual({ start, endExclusive: end });
  });
});

describe('cancellationLastDay', () => {
  it.each([
    // start, period, today, notice days, last day
    // notice 0: the current period runs to its end
    ['2026-01-15', 'monthly', '2026-03-02', 0, '2026-03-14'],
    ['2026-01-15', 'monthly', '2026-03-14', 0, '2026-03-14'],
    ['2026-01-15', 'monthly', '2026-03-15', 0, '2026-04-14'],
    // 30 days from Mar 2 runs out on Apr 1, inside the period Mar 15 – Apr 14
    ['2026-01-15', 'monthly', '2026-03-02', 30, '2026-04-14'],
    // the notice runs out on a period's last day: that day is the last day
    ['2026-01-01', 'monthly', '2026-03-01', 30, '2026-03-31'],
    // … and on a period's first day: the contract runs that whole period too
    ['2026-01-01', 'monthly', '2026-03-02', 30, '2026-04-30'],
    ['2026-01-01', 'monthly', '2026-03-01', 31, '2026-04-30'],
    // month ends: a contract started on Jan 31
    ['2026-01-31', 'monthly', '2026-02-01', 14, '2026-02-27'],
    ['2026-01-31', 'monthly', '2026-02-14', 14, '2026-03-30'],
    ['2024-01-31', 'monthly', '2024-02-01', 14, '2024-02-28'],
    ['2024-01-31', 'monthly', '2024-02-15', 14, '2024-03-30'],
    // annual
    ['2026-03-02', 'annual', '2026-06-10', 30, '2027-03-01'],
    ['2026-03-02', 'annual', '2027-01-30', 30, '2027-03-01'],
    ['2026-03-02', 'annual', '2027-01-31', 30, '2028-03-01'],
    ['2026-03-02', 'annual', '2027-02-01', 30, '2028-03-01'],
    ['2026-03-02', 'annual', '2027-03-02', 0, '2028-03-01'],
    ['2024-02-29', 'annual', '2024-12-01', 88, '2025-02-27'],
    ['2024-02-29', 'annual', '2024-12-01', 89, '2026-02-27'],
    // cancelled before the contract even starts: the first period is owed
    ['2026-06-01', 'monthly', '2026-03-02', 30, '2026-06-30'],
    ['2026-06-01', 'monthly', '2026-03-02', 0, '2026-06-30'],
    ['2026-06-01', 'annual', '2026-03-02', 30, '2027-05-31'],
  ] as const)('start %s %s, cancelled %s with %i days notice → last day %s', (start, period, today, notice, last) => {
    expect(cancellationLastDay(start, period, today, notice)).toBe(last);
  });
});

describe('billing period properties', () => {
  const dayNumber = fc.integer({ min: 0, max: 365 * 40 });
  const isoDate = dayNumber.map((n) => addDays('2000-01-01', n));
  const period = fc.constantFrom<BillingPeriod>('monthly', 'annual');

  it('the period returned for a date on or after the start contains that date', () => {
    fc.assert(
      fc.property(isoDate, period, fc.integer({ min: 0, max: 365 * 12 }), (start, billing, offsetDays) => {
        const date = addDays(start, offsetDays);
        const p = periodContaining(start, billing, date);
        expect(p.start <= date && date < p.endExclusive).toBe(true);
        expect(p.start >= start).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('periods tile the calendar: each ends where the next begins, with no gap and no overlap', () => {
    fc.assert(
      fc.property(isoDate, period, fc.integer({ min: 1, max: 30 }), (start, billing, count) => {
        let p = periodContaining(start, billing, start);
        expect(p.start).toBe(start);
        for (let i = 0; i < count; i++) {
          const next = periodContaining(start, billing, p.endExclusive);
          expect(next.start).toBe(p.endExclusive);
          // the day before the boundary still belongs to the earlier period
          expect(periodContaining(start, billing, addDays(p.endExclusive, -1))).toEqual(p);
          expect(next.endExclusive > next.start).toBe(true);
          p = next;
        }
      }),
      { numRuns: 300 },
    );
  });

  it('every day from the start falls in exactly one consecutive period', () => {
    fc.assert(
      fc.property(isoDate, period, (start, billing) => {
        let current = periodContaining(start, billing, start);
        for (let d = 0; d < 800; d++) {
          const day = addDays(start, d);
          const p = periodContaining(start, billing, day);
          if (p.start !== current.start) {
            expect(p.start).toBe(current.endExclusive);
            current = p;
          }
          expect(p).toEqual(current);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('the last day leaves at least the notice and ends the day before a period boundary', () => {
    fc.assert(
      fc.property(
        isoDate,
        period,
        fc.integer({ min: 0, max: 800 }),
        fc.integer({ min: 0, max: 365 }),
        (start, billing, todayOffset, notice) => {
          const today = addDays(start, todayOffset);
          const last = cancellationLastDay(start, billing, today, notice);
          expect(last >= addDays(today, notice)).toBe(true);
          const following = periodContaining(start, billing, addDays(last, 1));
          expect(following.start).toBe(addDays(last, 1));
          // and it is the earliest such day: the period holding the last day began on or before the notice ran out
          expect(periodContaining(start, billing, last).start <= addDays(today, notice)).toBe(true);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
