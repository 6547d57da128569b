import type { CurrencyAmount } from '../contracts/summarize-contracts.ts';
import { type CreditRule, serviceCredit } from './credits.ts';

// Uptime as a client reads it, and the month's service credit. All on integer milliseconds.

export type Measured = { measuredMs: number; downtimeMs: number };

/**
 * Uptime in percent with three decimals, rounded down: 99.9994 % shows as "99.999", and only a
 * month with no downtime at all shows "100.000". Integer maths, so no float can round it up.
 */
export function uptimePercentText(m: Measured): string | null {
  if (m.measuredMs <= 0) return null;
  const thousandths = (BigInt(m.measuredMs - m.downtimeMs) * 100_000n) / BigInt(m.measuredMs);
  const whole = thousandths / 1000n;
  return `${whole}.${String(thousandths % 1000n).padStart(3, '0')}`;
}

/** 9990 → "99.900": a commitment in the same notation as the uptime it is compared with. */
export function commitmentPercentText(bp: number): string {
  return `${Math.floor(bp / 100)}.${String(bp % 100).padStart(2, '0')}0`;
}

/** Uptime at or above the commitment (exact: up/measured ≥ bp/10000). */
export function keepsCommitment(commitmentBp: number, m: Measured): boolean {
  return 10_000n * BigInt(m.measuredMs - m.downtimeMs) >= BigInt(commitmentBp) * BigInt(m.measuredMs);
}

/** The lowest uptime (exact comparison of fractions); ties go to the first in the given order. */
export function lowestUptime<T extends { measured: Measured | null }>(sites: T[]): T | null {
  let lowest: T | null = null;
  for (const site of sites) {
    const m = site.measured;
    if (!m || m.measuredMs <= 0) continue;
    const l = lowest?.measured;
    // a/b < c/d  ⇔  a·d < c·b, for positive b and d
    if (
      !l ||
      BigInt(m.measuredMs - m.downtimeMs) * BigInt(l.measuredMs) <
        BigInt(l.measuredMs - l.downtimeMs) * BigInt(m.measuredMs)
    ) {
      lowest = site;
    }
  }
  return lowest;
}

export type MonthCredit = {
  /** The site the credit is computed on (the lowest uptime); null when no site was measured. */
  siteId: string | null;
  /** Started steps below the commitment. */
  steps: number;
  /** The share of the month's fee credited, in basis points, after the cap. */
  creditBp: number;
  /** Per currency of the fee; rounded half up once per currency. */
  amounts: CurrencyAmount[];
};

/**
 * The commitment holds per site; the month's credit is computed on the site with the lowest
 * uptime, so a client is never credited twice for one month.
 */
export function monthCredit(
  rule: CreditRule,
  commitmentBp: number,
  sites: Array<{ siteId: string; measured: Measured | null }>,
  fee: CurrencyAmount[],
): MonthCredit {
  const lowest = lowestUptime(sites);
  if (!lowest?.measured) {
    return { siteId: null, steps: 0, creditBp: 0, amounts: fee.map((f) => ({ currency: f.currency, amountMinor: 0 })) };
  }
  const measured = lowest.measured;
  const base = serviceCredit(rule, commitmentBp, measured, 0);
  return {
    siteId: lowest.siteId,
    steps: base.steps,
    creditBp: base.creditBp,
    amounts: fee.map((f) => ({
      currency: f.currency,
      amountMinor: serviceCredit(rule, commitmentBp, measured, f.amountMinor).amountMinor,
    })),
  };
}
