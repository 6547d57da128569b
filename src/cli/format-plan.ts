import type { Plan } from '../domain/plans/schemas.ts';

const fractionDigitsCache = new Map<string, number>();

/** How many minor units a currency has: 2 for EUR, 0 for JPY, 3 for BHD. */
export function currencyFractionDigits(currency: string): number {
  let digits = fractionDigitsCache.get(currency);
  if (digits === undefined) {
    digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    fractionDigitsCache.set(currency, digits);
  }
  return digits;
}

const grouping = new Intl.NumberFormat('en', { maximumFractionDigits: 0 });

/** 162000 EUR → "1,620.00 EUR". Integer arithmetic only: the amount never passes through a float. */
export function formatMoneyMinor(amountMinor: number, currency: string): string {
  const digits = currencyFractionDigits(currency);
  const sign = amountMinor < 0 ? '-' : '';
  const abs = BigInt(Math.abs(amountMinor));
  const scale = 10n ** BigInt(digits);
  const major = grouping.format(abs / scale);
  const minor = digits > 0 ? `.${(abs % scale).toString().padStart(digits, '0')}` : '';
  return `${sign}${major}${minor} ${currency}`;
}

/** 30 → "30 s", 180 → "3 min", 90 → "1 min 30 s", 7200 → "2 h". */
export function formatSeconds(totalS: number): string {
  const h = Math.floor(totalS / 3600);
  const min = Math.floor((totalS % 3600) / 60);
  const s = totalS % 60;
  const parts = [h && `${h} h`, min && `${min} min`, s && `${s} s`].filter(Boolean);
  return parts.length ? parts.join(' ') : '0 s';
}

export const formatMinutes = (minutes: number) => formatSeconds(minutes * 60);

/** Basis points of a percent: 9990 → "99.9 %", 9995 → "99.95 %". */
export function formatUptimeBp(bp: number): string {
  const whole = Math.floor(bp / 100);
  const fraction = (bp % 100).toString().padStart(2, '0').replace(/0+$/, '');
  return `${whole}${fraction ? `.${fraction}` : ''} %`;
}

const CLOCK_WORDS = { business: 'business hours', '24x7': '24/7' } as const;

/**
 * What the plan's SLA promises, in one cell: "response 4 h, resolution 16 h, business hours";
 * each target names its own clock when they differ.
 */
export function formatSla(plan: Pick<Plan, 'sla'>): string {
  const sla = plan.sla;
  if (!sla) return '–';
  const targets = [
    { label: 'response', minutes: sla.firstResponseMinutes, clock: sla.firstResponseClock },
    { label: 'resolution', minutes: sla.resolutionMinutes, clock: sla.resolutionClock },
  ].filter((t): t is typeof t & { minutes: number } => t.minutes !== null);
  const oneClock = new Set(targets.map((t) => t.clock)).size === 1;
  const parts = targets.map(
    (t) => `${t.label} ${formatMinutes(t.minutes)}${oneClock ? '' : ` ${CLOCK_WORDS[t.clock]}`}`,
  );
  if (oneClock && targets[0]) parts.push(CLOCK_WORDS[targets[0].clock]);
  if (sla.uptimeCommitmentBp !== null) parts.push(`${formatUptimeBp(sla.uptimeCommitmentBp)} uptime`);
  return parts.length ? parts.join(', ') : '–';
}

export function planRow(plan: Plan): string[] {
  return [
    plan.code,
    plan.name,
    `v${plan.version}`,
    `every ${formatSeconds(plan.checkIntervalS)}`,
    formatMoneyMinor(plan.monthlyPriceMinor, plan.currency),
    formatMoneyMinor(plan.annualPriceMinor, plan.currency),
    plan.supportMinutesPerMonth ? formatMinutes(plan.supportMinutesPerMonth) : 'none',
    formatSla(plan),
  ];
}

export const PLAN_COLUMNS = ['code', 'name', 'version', 'checks', 'per month', 'per year', 'support/month', 'sla'];
