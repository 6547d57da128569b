/** How many minor-unit digits a currency has (EUR 2, JPY 0, BHD 3), from the ISO data built into Intl. */
export function currencyDigits(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

export type ParsedMoney = { ok: true; minor: number } | { ok: false; message: string };

const MAX_INTEGER_DIGITS = 13;

/**
 * Parses an amount typed in major units ("150", "150.5", "150,50") into integer minor units,
 * digit by digit, so no binary float ever touches the amount. A comma is read as the decimal
 * separator, never as a thousands separator: "1,500" in EUR is refused rather than misread.
 */
export function parseMoneyToMinor(text: string, currency: string): ParsedMoney {
  const digits = currencyDigits(currency);
  const cleaned = text.replace(/[\s\u00a0\u202f]/g, '');
  if (cleaned === '') return { ok: false, message: 'enter an amount' };
  const match = /^(\d+)(?:[.,](\d*))?$/.exec(cleaned);
  if (!match) return { ok: false, message: 'must be an amount such as 150.00' };
  const whole = (match[1] ?? '').replace(/^0+(?=\d)/, '');
  const fraction = match[2] ?? '';
  if (fraction.length > digits) {
    return {
      ok: false,
      message: digits === 0 ? `${currency} has no minor unit; enter whole amounts` : `use at most ${digits} decimals`,
    };
  }
  if (whole.length > MAX_INTEGER_DIGITS) return { ok: false, message: 'is too large' };
  const minorText = whole + fraction.padEnd(digits, '0');
  return { ok: true, minor: Number.parseInt(minorText, 10) };
}

/** The decimal string of a minor-unit amount ("15000", EUR → "150.00"), for form fields. */
export function minorToDecimalString(amountMinor: number, currency: string): string {
  const digits = currencyDigits(currency);
  const negative = amountMinor < 0;
  const text = String(Math.abs(Math.trunc(amountMinor))).padStart(digits + 1, '0');
  const major = digits === 0 ? text : `${text.slice(0, -digits)}.${text.slice(-digits)}`;
  return negative ? `-${major}` : major;
}

/** "€150.00", formatted by Intl from the exact decimal string (never from a float). */
export function formatMoney(amountMinor: number, currency: string, locale = 'en'): string {
  const decimal = minorToDecimalString(amountMinor, currency);
  try {
    const format = new Intl.NumberFormat(locale, { style: 'currency', currency });
    // Intl formats decimal strings exactly (ES2023); the cast keeps older lib typings happy.
    return format.format(decimal as unknown as number);
  } catch {
    return `${decimal} ${currency}`;
  }
}

/** Divides a non-negative integer by a positive one, rounding half up. */
export function divideRoundHalfUp(numerator: number, divisor: number): number {
  if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(divisor) || divisor <= 0 || numerator < 0) {
    throw new RangeError('divideRoundHalfUp needs a non-negative integer and a positive integer divisor');
  }
  const quotient = Math.floor(numerator / divisor);
  const remainder = numerator - quotient * divisor;
  return remainder * 2 >= divisor ? quotient + 1 : quotient;
}
