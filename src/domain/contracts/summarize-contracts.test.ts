import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ContractForSummary, contractMrr, summarizeContracts } from './summarize-contracts.ts';

const eur = (monthlyPriceMinor: number, annualPriceMinor: number) => ({
  monthlyPriceMinor,
  annualPriceMinor,
  currency: 'EUR',
});

const contract = (over: Partial<ContractForSummary>): ContractForSummary => ({
  status: 'active',
  billingPeriod: 'monthly',
  plan: eur(15_000, 162_000),
  addons: [],
  ...over,
});

describe('contractMrr', () => {
  it('takes the monthly price of a monthly contract, plus its add-ons', () => {
    expect(contractMrr(contract({ addons: [eur(2_500, 27_000), eur(1_000, 10_000)] }))).toEqual([
      { currency: 'EUR', amountMinor: 18_500 },
    ]);
  });

  it('divides the annual total by 12 and rounds half up once per contract', () => {
    // (162 000 + 10 003) / 12 = 14 333.58 → 14 334.
    expect(contractMrr(contract({ billingPeriod: 'annual', addons: [eur(0, 10_003)] }))).toEqual([
      { currency: 'EUR', amountMinor: 14_334 },
    ]);
    // Rounding per item would give 834 + 834 = 1 668; once per contract: 20 004 / 12 = 1 667.
    expect(contractMrr(contract({ billingPeriod: 'annual', plan: eur(0, 10_002), addons: [eur(0, 10_002)] }))).toEqual([
      { currency: 'EUR', amountMinor: 1_667 },
    ]);
    expect(contractMrr(contract({ billingPeriod: 'annual', plan: eur(0, 102) }))).toEqual([
      { currency: 'EUR', amountMinor: 9 }, // 8.5 → 9
    ]);
  });

  it('keeps an add-on priced in another currency apart', () => {
    const usdAddon = { monthlyPriceMinor: 4_000, annualPriceMinor: 40_000, currency: 'USD' };
    expect(contractMrr(contract({ addons: [usdAddon] }))).toEqual([
      { currency: 'EUR', amountMinor: 15_000 },
      { currency: 'USD', amountMinor: 4_000 },
    ]);
  });
});

describe('summarizeContracts', () => {
  it('counts live contracts by status, leaves out ended ones and keeps trials out of MRR', () => {
    const summary = summarizeContracts([
      contract({}),
      contract({ status: 'cancelling', billingPeriod: 'annual', plan: eur(30_000, 324_000) }),
      contract({ status: 'trial', plan: eur(60_000, 648_000) }),
      contract({ status: 'ended', plan: eur(99_999, 99_999) }),
      contract({ plan: { monthlyPriceMinor: 20_000, annualPriceMinor: 0, currency: 'CHF' } }),
    ]);
    expect(summary.liveByStatus).toEqual({ trial: 1, active: 2, cancelling: 1 });
    expect(summary.mrr).toEqual([
      { currency: 'CHF', amountMinor: 20_000 },
      { currency: 'EUR', amountMinor: 15_000 + 27_000 },
    ]);
    expect(summary.trialMrr).toEqual([{ currency: 'EUR', amountMinor: 60_000 }]);
  });

  it('is empty without contracts', () => {
    expect(summarizeContracts([])).toEqual({
      liveByStatus: { trial: 0, active: 0, cancelling: 0 },
      mrr: [],
      trialMrr: [],
    });
  });

  it('MRR is the sum of the paying contracts’ MRR, in whole minor units', () => {
    const item = fc.record({
      monthlyPriceMinor: fc.integer({ min: 0, max: 10_000_000 }),
      annualPriceMinor: fc.integer({ min: 0, max: 100_000_000 }),
      currency: fc.constantFrom('EUR', 'USD'),
    });
    const arbContract = fc.record({
      status: fc.constantFrom('trial', 'active', 'cancelling', 'ended') as fc.Arbitrary<ContractForSummary['status']>,
      billingPeriod: fc.constantFrom('monthly', 'annual') as fc.Arbitrary<ContractForSummary['billingPeriod']>,
      plan: item,
      addons: fc.array(item, { maxLength: 3 }),
    });
    fc.assert(
      fc.property(fc.array(arbContract, { maxLength: 20 }), (contracts) => {
        const summary = summarizeContracts(contracts);
        for (const currency of ['EUR', 'USD']) {
          const expected = contracts
            .filter((c) => c.status === 'active' || c.status === 'cancelling')
            .flatMap(contractMrr)
            .filter((a) => a.currency === currency)
            .reduce((sum, a) => sum + a.amountMinor, 0);
          const got = summary.mrr.find((a) => a.currency === currency)?.amountMinor ?? 0;
          expect(got).toBe(expected);
          expect(Number.isInteger(got)).toBe(true);
        }
      }),
    );
  });
});
