import { addDays, addMonths } from '../shared/time.ts';

export type BillingPeriod = 'monthly' | 'annual';

const monthsIn = (period: BillingPeriod) => (period === 'annual' ? 12 : 1);

/** The billing period [start, endExclusive) that contains `date`, anchored on the contract's start date. */
export function periodContaining(startDate: string, period: BillingPeriod, date: string) {
  const step = monthsIn(period);
  if (date < startDate) return { start: startDate, endExclusive: addMonths(startDate, step) };
  // Estimate the index from the month difference, then correct for day-of-month clamping.
  const [sy, sm] = startDate.split('-').map(Number) as [number, number];
  const [dy, dm] = date.split('-').map(Number) as [number, number];
  let k = Math.max(0, Math.floor(((dy - sy) * 12 + (dm - sm)) / step) - 1);
  while (addMonths(startDate, (k + 1) * step) <= date) k++;
  return { start: addMonths(startDate, k * step), endExclusive: addMonths(startDate, (k + 1) * step) };
}

/**
 * A cancellation takes effect at the end of the billing period in which the notice runs out:
 * the contract's last day is the day before that period ends.
 */
export function cancellationLastDay(
  startDate: string,
  period: BillingPeriod,
  todayLocal: string,
  noticeDays: number,
): string {
  const noticeRunsOut = addDays(todayLocal, noticeDays);
  const p = periodContaining(startDate, period, noticeRunsOut < startDate ? startDate : noticeRunsOut);
  return addDays(p.endExclusive, -1);
}
