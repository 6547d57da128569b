import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, addMonths, localDate } from './time.ts';

const at = (isoInstant: string) => Date.parse(isoInstant);

describe('localDate', () => {
  it.each([
    // Europe/Madrid: CET (+1) → CEST (+2) on 2026-03-29 at 01:00Z, back on 2026-10-25 at 01:00Z
    ['Europe/Madrid', '2026-03-28T22:59:59Z', '2026-03-28'],
    ['Europe/Madrid', '2026-03-28T23:00:00Z', '2026-03-29'],
    ['Europe/Madrid', '2026-03-29T01:30:00Z', '2026-03-29'],
    ['Europe/Madrid', '2026-03-29T21:59:59Z', '2026-03-29'],
    ['Europe/Madrid', '2026-03-29T22:00:00Z', '2026-03-30'],
    ['Europe/Madrid', '2026-10-24T21:59:59Z', '2026-10-24'],
    ['Europe/Madrid', '2026-10-24T22:00:00Z', '2026-10-25'],
    ['Europe/Madrid', '2026-10-25T22:59:59Z', '2026-10-25'],
    ['Europe/Madrid', '2026-10-25T23:00:00Z', '2026-10-26'],
    ['Europe/Madrid', '2025-12-31T23:00:00Z', '2026-01-01'],
    // America/New_York: EST (−5) → EDT (−4) on 2026-03-08 at 07:00Z, back on 2026-11-01 at 06:00Z
    ['America/New_York', '2026-03-08T04:59:59Z', '2026-03-07'],
    ['America/New_York', '2026-03-08T05:00:00Z', '2026-03-08'],
    ['America/New_York', '2026-03-09T03:59:59Z', '2026-03-08'],
    ['America/New_York', '2026-03-09T04:00:00Z', '2026-03-09'],
    ['America/New_York', '2026-11-01T03:59:59Z', '2026-10-31'],
    ['America/New_York', '2026-11-01T04:00:00Z', '2026-11-01'],
    ['America/New_York', '2026-11-02T04:59:59Z', '2026-11-01'],
    ['America/New_York', '2026-11-02T05:00:00Z', '2026-11-02'],
    // Pacific/Kiritimati (+14), the first place on Earth to reach a new day
    ['Pacific/Kiritimati', '2026-03-01T09:59:59Z', '2026-03-01'],
    ['Pacific/Kiritimati', '2026-03-01T10:00:00Z', '2026-03-02'],
    ['Pacific/Kiritimati', '2025-12-31T10:00:00Z', '2026-01-01'],
    ['Pacific/Kiritimati', '2024-02-28T10:00:00Z', '2024-02-29'],
    // Pacific/Pago_Pago (−11), among the last
    ['Pacific/Pago_Pago', '2026-03-02T10:59:59Z', '2026-03-01'],
    ['Pacific/Pago_Pago', '2026-03-02T11:00:00Z', '2026-03-02'],
    ['Pacific/Pago_Pago', '2026-01-01T10:59:59Z', '2025-12-31'],
    ['Pacific/Pago_Pago', '2024-03-01T10:00:00Z', '2024-02-29'],
    // UTC and a half-hour zone
    ['UTC', '2026-03-02T00:00:00Z', '2026-03-02'],
    ['UTC', '2026-03-01T23:59:59.999Z', '2026-03-01'],
    ['Asia/Kolkata', '2026-03-01T18:29:59Z', '2026-03-01'],
    ['Asia/Kolkata', '2026-03-01T18:30:00Z', '2026-03-02'],
  ])('%s at %s is %s', (zone, instant, expected) => {
    expect(localDate(at(instant), zone)).toBe(expected);
  });

  it('puts one instant on three different dates across the date line', () => {
    const instant = at('2026-03-02T10:30:00Z');
    expect(localDate(instant, 'Pacific/Kiritimati')).toBe('2026-03-03');
    expect(localDate(instant, 'UTC')).toBe('2026-03-02');
    expect(localDate(instant, 'Pacific/Pago_Pago')).toBe('2026-03-01');
  });

  it('matches the UTC calendar date for any instant in UTC', () => {
    fc.assert(
      fc.property(fc.integer({ min: at('1971-01-01T00:00:00Z'), max: at('2099-12-31T23:59:59Z') }), (ms) => {
        expect(localDate(ms, 'UTC')).toBe(new Date(ms).toISOString().slice(0, 10));
      }),
      { numRuns: 500 },
    );
  });

  it('is the UTC date shifted by the fixed offset in a zone without DST', () => {
    fc.assert(
      fc.property(fc.integer({ min: at('2000-01-01T00:00:00Z'), max: at('2090-01-01T00:00:00Z') }), (ms) => {
        expect(localDate(ms, 'Pacific/Kiritimati')).toBe(new Date(ms + 14 * 3_600_000).toISOString().slice(0, 10));
        expect(localDate(ms, 'Pacific/Pago_Pago')).toBe(new Date(ms - 11 * 3_600_000).toISOString().slice(0, 10));
      }),
      { numRuns: 500 },
    );
  });
});

describe('addDays', () => {
  it.each([
    ['2026-03-02', 0, '2026-03-02'],
    ['2026-03-02', 1, '2026-03-03'],
    ['2026-03-02', -1, '2026-03-01'],
    ['2026-03-01', -1, '2026-02-28'],
    ['2024-03-01', -1, '2024-02-29'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2026-02-28', 1, '2026-03-01'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2027-01-01', -1, '2026-12-31'],
    ['2026-03-02', 30, '2026-04-01'],
    ['2026-01-01', 365, '2027-01-01'],
    ['2024-01-01', 365, '2024-12-31'],
    // DST days are still one calendar day each: dates carry no time zone
    ['2026-03-28', 1, '2026-03-29'],
    ['2026-03-29', 1, '2026-03-30'],
    ['2026-10-25', 1, '2026-10-26'],
  ])('%s %+d days → %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });

  it('moves by exactly n days and back', () => {
    const date = fc.integer({ min: 0, max: 365 * 100 }).map((n) => addDays('1970-01-01', n));
    fc.assert(
      fc.property(date, fc.integer({ min: -5000, max: 5000 }), (d, n) => {
        const moved = addDays(d, n);
        expect(addDays(moved, -n)).toBe(d);
        expect((Date.parse(moved) - Date.parse(d)) / 86_400_000).toBe(n);
      }),
      { numRuns: 500 },
    );
  });
});

describe('addMonths', () => {
  it.each([
    ['2026-01-15', 1, '2026-02-15'],
    ['2026-01-15', 0, '2026-01-15'],
    ['2026-01-31', 1, '2026-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2026-01-31', 2, '2026-03-31'],
    ['2026-01-31', 3, '2026-04-30'],
    ['2026-08-31', 1, '2026-09-30'],
    ['2026-03-31', -1, '2026-02-28'],
    ['2024-03-31', -1, '2024-02-29'],
    ['2026-01-15', -1, '2025-12-15'],
    ['2026-01-31', -2, '2025-11-30'],
    ['2026-02-15', -14, '2024-12-15'],
    ['2025-12-31', 1, '2026-01-31'],
    ['2025-11-30', 3, '2026-02-28'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2024-02-29', 48, '2028-02-29'],
    ['2024-02-29', -12, '2023-02-28'],
    ['2026-03-02', 12, '2027-03-02'],
    ['2026-03-02', 120, '2036-03-02'],
  ])('%s %+d months → %s', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });

  it('lands in the right month, on the same day or the month end when that day does not exist', () => {
    const date = fc.integer({ min: 0, max: 365 * 100 }).map((n) => addDays('1970-01-01', n));
    fc.assert(
      fc.property(date, fc.integer({ min: -600, max: 600 }), (d, n) => {
        const result = addMonths(d, n);
        const [y, m, day] = d.split('-').map(Number) as [number, number, number];
        const [ry, rm, rday] = result.split('-').map(Number) as [number, number, number];
        expect(ry * 12 + (rm - 1)).toBe(y * 12 + (m - 1) + n);
        const monthLength = new Date(Date.UTC(ry, rm, 0)).getUTCDate();
        expect(rday).toBe(Math.min(day, monthLength));
      }),
      { numRuns: 500 },
    );
  });
});
