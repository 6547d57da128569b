import { describe, expect, it } from 'vitest';
import {
  commitmentPercentText,
  keepsCommitment,
  lowestUptime,
  monthCredit,
  uptimePercentText,
} from './compliance-credit.ts';

const MIN = 60_000;
const DAYS_30 = 30 * 24 * 60 * MIN;
const premiumRule = { perStepBp: 1000, stepBp: 10, capBp: 5000 };
const eur = (amountMinor: number) => ({ currency: 'EUR', amountMinor });

describe('uptimePercentText', () => {
  it.each([
    [DAYS_30, 40 * MIN, '99.907'], // 43 160 / 43 200 = 99.9074 %
    [DAYS_30, 0, '100.000'],
    [DAYS_30, DAYS_30, '0.000'],
    [1_000_000, 6, '99.999'], // 99.9994 %: rounded down, not up to 100
    [1_000_000, 1, '99.999'], // 99.9999 %: never "100.000" with any downtime
    [10_000, 5, '99.950'],
    [3, 1, '66.666'],
  ])('%i ms measured, %i ms down → %s', (measuredMs, downtimeMs, text) => {
    expect(uptimePercentText({ measuredMs, downtimeMs })).toBe(text);
  });

  it('has no figure when nothing was measured', () => {
    expect(uptimePercentText({ measuredMs: 0, downtimeMs: 0 })).toBeNull();
  });
});

describe('commitments', () => {
  it('are written with three decimals', () => {
    expect(commitmentPercentText(9990)).toBe('99.900');
    expect(commitmentPercentText(9995)).toBe('99.950');
    expect(commitmentPercentText(10_000)).toBe('100.000');
  });

  it('are kept exactly at the line and lost one millisecond below it', () => {
    const measuredMs = 10_000_000;
    expect(keepsCommitment(9990, { measuredMs, downtimeMs: 10_000 })).toBe(true); // exactly 99.9 %
    expect(keepsCommitment(9990, { measuredMs, downtimeMs: 10_001 })).toBe(false);
  });
});

describe('lowestUptime', () => {
  it('compares exactly, skips unmeasured sites and keeps the first of a tie', () => {
    const sites = [
      { id: 'a', measured: { measuredMs: 3, downtimeMs: 1 } }, // 2/3
      { id: 'b', measured: null },
      { id: 'c', measured: { measuredMs: 300_000_000_001, downtimeMs: 100_000_000_001 } }, // just under 2/3
      { id: 'd', measured: { measuredMs: 6, downtimeMs: 2 } }, // 2/3, later than a
    ];
    expect(lowestUptime(sites)?.id).toBe('c');
    expect(lowestUptime([sites[0]!, sites[3]!])?.id).toBe('a');
    expect(lowestUptime([sites[1]!])).toBeNull();
  });
});

describe('monthCredit', () => {
  it('is computed on the lowest site only, per started step, in each currency of the fee', () => {
    const credit = monthCredit(
      premiumRule,
      9990,
      [
        { siteId: 'ok', measured: { measuredMs: DAYS_30, downtimeMs: 40 * MIN } }, // 99.907 %: kept
        { siteId: 'bad', measured: { measuredMs: DAYS_30, downtimeMs: 100 * MIN } }, // 99.768 %: 2 started steps
      ],
      [eur(61_235), { currency: 'USD', amountMinor: 1_001 }],
    );
    // 20 % of 612.35 = 122.47; 20 % of 10.01 = 2.002 → 2.00
    expect(credit).toEqual({
      siteId: 'bad',
      steps: 2,
      creditBp: 2000,
      amounts: [eur(12_247), { currency: 'USD', amountMinor: 200 }],
    });
  });

  it('rounds half up once, and stops at the cap', () => {
    const half = monthCredit(
      premiumRule,
      9990,
      [{ siteId: 's', measured: { measuredMs: DAYS_30, downtimeMs: 50 * MIN } }],
      [eur(15)],
    );
    expect(half).toMatchObject({ steps: 1, creditBp: 1000, amounts: [eur(2)] }); // 1.5 → 2
    const capped = monthCredit(
      premiumRule,
      9990,
      [{ siteId: 's', measured: { measuredMs: DAYS_30, downtimeMs: DAYS_30 / 2 } }],
      [eur(60_000)],
    );
    expect(capped).toMatchObject({ creditBp: 5000, amounts: [eur(30_000)] });
  });

  it('owes nothing when no site was measured', () => {
    expect(monthCredit(premiumRule, 9990, [{ siteId: 's', measured: null }], [eur(60_000)])).toEqual({
      siteId: null,
      steps: 0,
      creditBp: 0,
      amounts: [eur(0)],
    });
  });
});
