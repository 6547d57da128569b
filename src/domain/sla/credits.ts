import { divideRoundHalfUp } from '../shared/money.ts';

export type CreditRule = { perStepBp: number; stepBp: number; capBp: number };

export type CreditResult = {
  /** Started steps below the commitment (0 when it was kept). */
  steps: number;
  /** Share of the month's fee, in basis points, after the cap. */
  creditBp: number;
  amountMinor: number;
};

/**
 * The service credit for a month: for each started step below the commitment, perStepBp of the
 * fee, capped. Exact integer maths on the measured milliseconds (no float uptime), rounded half up
 * once, on the amount. Uptime exactly at the commitment is kept.
 */
export function serviceCredit(
  rule: CreditRule,
  commitmentBp: number,
  measured: { measuredMs: number; downtimeMs: number },
  monthlyFeeMinor: number,
): CreditResult {
  const { measuredMs, downtimeMs } = measured;
  if (measuredMs <= 0 || rule.stepBp <= 0) return { steps: 0, creditBp: 0, amountMinor: 0 };
  // shortfall (bp) = commitment − 10000·up/measured; steps = ceil(shortfall / stepBp), over integers.
  const shortfallScaled = BigInt(commitmentBp) * BigInt(measuredMs) - 10_000n * BigInt(measuredMs - downtimeMs);
  if (shortfallScaled <= 0n) return { steps: 0, creditBp: 0, amountMinor: 0 };
  const divisor = BigInt(rule.stepBp) * BigInt(measuredMs);
  const steps = Number((shortfallScaled + divisor - 1n) / divisor);
  const creditBp = Math.min(rule.capBp, steps * rule.perStepBp);
  return { steps, creditBp, amountMinor: divideRoundHalfUp(monthlyFeeMinor * creditBp, 10_000) };
}
