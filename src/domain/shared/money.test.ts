import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { currencyDigits, divideRoundHalfUp, formatMoney, minorToDecimalString, parseMoneyToMinor } from './money.ts';

describe('parseMoneyToMinor', () => {
  it.each([
    ['150', 'EUR', 15_000],
    ['150.00', 'EUR', 15_000],
    ['150.5', 'EUR', 15_050],
    ['150,50', 'EUR', 15_050],
    ['0.07', 'EUR', 7],
    [' 1 500.00 ', 'EUR', 150_000],
    ['007.10', 'EUR', 710],
    ['12.', 'EUR', 1_200],
    ['1500', 'JPY', 1_500],
    ['1.234', 'BHD', 1_234],
    ['0.1', 'BHD', 100],
  ])('%s %s → %d minor units', (text, currency, minor) => {
    expect(parseMoneyToMinor(text, currency)).toEqual({ ok: true, minor });
  });

  it.each([
    ['', 'EUR', 'enter an amount'],
    ['abc', 'EUR', 'must be an amount such as 150.00'],
    ['-5', 'EUR', 'must be an amount such as 150.00'],
    ['1e3', 'EUR', 'must be an amount such as 150.00'],
    ['1.2.3', 'EUR', 'must be an amount such as 150.00'],
    ['.50', 'EUR', 'must be an amount such as 150.00'],
    ['1,500', 'EUR', 'use at most 2 decimals'],
    ['150.005', 'EUR', 'use at most 2 decimals'],
    ['10.5', 'JPY', 'JPY has no minor unit; enter whole amounts'],
    ['99999999999999', 'EUR', 'is too large'],
  ])('refuses %j in %s', (text, currency, message) => {
    expect(parseMoneyToMinor(text, currency)).toEqual({ ok: false, message });
  });

  it('round-trips every amount through its decimal string, for 0-, 2- and 3-digit currencies', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e12 }), fc.constantFrom('EUR', 'JPY', 'BHD', 'USD'), (minor, currency) => {
        const text = minorToDecimalString(minor, currency);
        expect(parseMoneyToMinor(text, currency)).toEqual({ ok: true, minor });
      }),
    );
  });
});

describe('minorToDecimalString and formatMoney', () => {
  it('places the decimal point by the currency', () => {
    expect(minorToDecimalString(5, 'EUR')).toBe('0.05');
    expect(minorToDecimalString(15_000, 'EUR')).toBe('150.00');
    expect(minorToDecimalString(1_500, 'JPY')).toBe('1500');
    expect(minorToDecimalString(1_234, 'BHD')).toBe('1.234');
    expect(minorToDecimalString(-250, 'EUR')).toBe('-2.50');
    expect(currencyDigits('NOT')).toBe(2);
  });

  it('formats exactly, even beyond float precision', () => {
    expect(formatMoney(15_000, 'EUR')).toBe('€150.00');
    expect(formatMoney(900_719_925_474_099, 'USD')).toBe('$9,007,199,254,740.99');
    expect(formatMoney(1_500, 'JPY')).toBe('¥1,500');
    expect(formatMoney(15_000, 'EUR', 'de')).toBe('150,00\u00a0€');
  });
});

describe('divideRoundHalfUp', () => {
  it.each([
    [162_000, 12, 13_500],
    [100, 12, 8], // 8.33
    [102, 12, 9], // 8.5 rounds up
    [101, 12, 8], // 8.41
    [0, 12, 0],
    [11, 12, 1],
    [5, 12, 0],
    [6, 12, 1],
  ])('%d / %d = %d', (n, d, q) => {
    expect(divideRoundHalfUp(n, d)).toBe(q);
  });

  it('agrees with exact BigInt arithmetic', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 50 }), fc.integer({ min: 1, max: 1000 }), (n, d) => {
        const exact = (BigInt(n) * 2n + BigInt(d)) / (2n * BigInt(d));
        expect(BigInt(divideRoundHalfUp(n, d))).toBe(exact);
      }),
    );
  });

  it('refuses negative or fractional input', () => {
    expect(() => divideRoundHalfUp(-1, 12)).toThrow(RangeError);
    expect(() => divideRoundHalfUp(1.5, 12)).toThrow(RangeError);
    expect(() => divideRoundHalfUp(1, 0)).toThrow(RangeError);
  });
});
