import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors.ts';
import { checkReportableMonth, measuredSpan, monthFrame, shiftMonth } from './compliance-month.ts';

const HOUR = 3_600_000;
const at = (iso: string) => Date.parse(iso);

describe('monthFrame', () => {
  it('is the calendar month in the zone, read at its end once it is over', () => {
    const frame = monthFrame('2026-03', 'Europe/Madrid', at('2026-05-01T00:00:00Z'));
    expect(frame).toEqual({
      month: '2026-03',
      fromMs: at('2026-02-28T23:00:00Z'),
      toMs: at('2026-03-31T22:00:00Z'), // 743 hours: the clocks sprang forward on the 29th
      asOfMs: at('2026-03-31T22:00:00Z'),
      complete: true,
    });
    expect((frame.toMs - frame.fromMs) / HOUR).toBe(743);
  });

  it('is read at "now" while it runs, and at its start before it begins', () => {
    const now = at('2026-03-10T12:00:00Z');
    expect(monthFrame('2026-03', 'UTC', now)).toMatchObject({ asOfMs: now, complete: false });
    expect(monthFrame('2026-04', 'UTC', now)).toMatchObject({ asOfMs: at('2026-04-01T00:00:00Z'), complete: false });
  });
});

describe('checkReportableMonth', () => {
  const invalid = (month: string, now: number) => {
    try {
      checkReportableMonth(month, now);
      return null;
    } catch (err) {
      return err instanceof AppError ? err.code : err;
    }
  };

  it('refuses months that have not started anywhere, and implausibly old ones', () => {
    const now = at('2026-03-31T09:00:00Z');
    expect(invalid('2026-03', now)).toBeNull();
    expect(invalid('2026-04', now)).toBe('invalid');
    expect(invalid('1999-12', now)).toBe('invalid');
    // 2026-03-31T10:00Z is already April 1st at UTC+14.
    expect(invalid('2026-04', at('2026-03-31T10:00:00Z'))).toBeNull();
  });
});

it('shiftMonth crosses years both ways', () => {
  expect(shiftMonth('2026-01', -1)).toBe('2025-12');
  expect(shiftMonth('2026-12', 1)).toBe('2027-01');
  expect(shiftMonth('2026-03', -15)).toBe('2024-12');
});

describe('measuredSpan', () => {
  const frame = monthFrame('2026-03', 'UTC', at('2026-06-01T00:00:00Z'));
  const live = { archivedAt: null };

  it('is nothing without a monitor', () => {
    expect(measuredSpan(frame, live, [])).toBeNull();
  });

  it('starts at the hour the first monitor was created, clipped to the month', () => {
    expect(measuredSpan(frame, live, [{ createdAt: at('2026-03-10T10:37:00Z'), archivedAt: null }])).toEqual({
      startMs: at('2026-03-10T10:00:00Z'),
      endMs: frame.toMs,
    });
    expect(measuredSpan(frame, live, [{ createdAt: at('2026-01-01T00:00:00Z'), archivedAt: null }])).toEqual({
      startMs: frame.fromMs,
      endMs: frame.toMs,
    });
  });

  it('ends when the last monitor or the site was archived, or is empty when that was before the month', () => {
    const monitors = [
      { createdAt: at('2026-01-01T00:00:00Z'), archivedAt: at('2026-03-05T08:10:00Z') },
      { createdAt: at('2026-01-01T00:00:00Z'), archivedAt: at('2026-03-07T08:10:00Z') },
    ];
    expect(measuredSpan(frame, live, monitors)?.endMs).toBe(at('2026-03-07T09:00:00Z'));
    expect(measuredSpan(frame, { archivedAt: at('2026-03-06T00:00:00Z') }, monitors)?.endMs).toBe(
      at('2026-03-06T00:00:00Z'),
    );
    expect(measuredSpan(frame, live, [{ createdAt: 0, archivedAt: at('2026-02-01T00:00:00Z') }])).toBeNull();
  });

  it('stops at "now" in the running month', () => {
    const running = monthFrame('2026-03', 'UTC', at('2026-03-10T12:34:00Z'));
    expect(measuredSpan(running, live, [{ createdAt: 0, archivedAt: null }])?.endMs).toBe(at('2026-03-10T12:34:00Z'));
  });
});
