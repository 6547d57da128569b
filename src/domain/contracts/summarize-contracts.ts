import { divideRoundHalfUp } from '../shared/money.ts';

export type PricedItem = { monthlyPriceMinor: number; annualPriceMinor: number; currency: string };

export type ContractForSummary = {
  status: 'trial' | 'active' | 'cancelling' | 'ended';
  billingPeriod: 'monthly' | 'annual';
  plan: PricedItem;
  addons: PricedItem[];
};

export type CurrencyAmount = { currency: string; amountMinor: number };

export type ContractsSummary = {
  liveByStatus: { trial: number; active: number; cancelling: number };
  /** Paying contracts (active and cancelling: a cancelling contract pays until its last day). */
  mrr: CurrencyAmount[];
  /** What trials would add once they convert; not revenue yet, so kept apart from MRR. */
  trialMrr: CurrencyAmount[];
};

/**
 * One contract's monthly recurring revenue per currency: the plan's and add-ons' prices of the
 * contract's billing period; an annual amount is divided by 12 and rounded half up once per
 * contract and currency (not per item), so the MRR of a contract is as close to exact as minor units allow.
 */
export function contractMrr(contract: ContractForSummary): CurrencyAmount[] {
  const totals = new Map<string, number>();
  for (const item of [contract.plan, ...contract.addons]) {
    const price = contract.billingPeriod === 'annual' ? item.annualPriceMinor : item.monthlyPriceMinor;
    totals.set(item.currency, (totals.get(item.currency) ?? 0) + price);
  }
  return sortByCurrency(
    [...totals].map(([currency, total]) => ({
      currency,
      amountMinor: contract.billingPeriod === 'annual' ? divideRoundHalfUp(total, 12) : total,
    })),
  );
}

/** Counts live contracts by status and adds up MRR per currency; currencies are never mixed. */
export function summarizeContracts(contracts: ContractForSummary[]): ContractsSummary {
  const liveByStatus = { trial: 0, active: 0, cancelling: 0 };
  const mrr = new Map<string, number>();
  const trialMrr = new Map<string, number>();
  for (const contract of contracts) {
    if (contract.status === 'ended') continue;
    liveByStatus[contract.status] += 1;
    const target = contract.status === 'trial' ? trialMrr : mrr;
    for (const { currency, amountMinor } of contractMrr(contract)) {
      target.set(currency, (target.get(currency) ?? 0) + amountMinor);
    }
  }
  return { liveByStatus, mrr: toAmounts(mrr), trialMrr: toAmounts(trialMrr) };
}

const toAmounts = (m: Map<string, number>) =>
  sortByCurrency([...m].map(([currency, amountMinor]) => ({ currency, amountMinor })));

const sortByCurrency = (list: CurrencyAmount[]) => list.sort((a, b) => a.currency.localeCompare(b.currency));
