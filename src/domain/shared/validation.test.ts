import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError } from '../../errors.ts';
import {
  currencySchema,
  emailSchema,
  isoDateSchema,
  moneyMinorSchema,
  parseInput,
  timeZoneSchema,
} from './validation.ts';

const accepts = (schema: z.ZodType, value: unknown) => schema.safeParse(value).success;

describe('timeZoneSchema', () => {
  it.each([
    'Europe/Madrid',
    'America/New_York',
    'Pacific/Kiritimati',
    'Pacific/Pago_Pago',
    'UTC',
    'Etc/UTC',
    'America/Argentina/Buenos_Aires',
    // current IANA names that ICU still lists under their old spelling
    'Asia/Kolkata',
    'Europe/Kyiv',
    'Asia/Kathmandu',
    'Asia/Ho_Chi_Minh',
    'America/Nuuk',
    // and the old spellings, which IANA keeps as links
    'Asia/Calcutta',
    'Europe/Kiev',
  ])('accepts %s', (zone) => {
    expect(accepts(timeZoneSchema, zone)).toBe(true);
  });

  it.each([
    '',
    'Mars/Olympus_Mons',
    'Europe/Madird',
    'europe/madrid',
    'EUROPE/MADRID',
    'Madrid',
    '+01:00',
    'UTC+1',
    'GMT+01:00',
    '../../etc/passwd',
    'Europe/Madrid ',
  ])('refuses %j', (zone) => {
    expect(accepts(timeZoneSchema, zone)).toBe(false);
  });

  it('says what it expects', () => {
    const result = timeZoneSchema.safeParse('Atlantis/Capital');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/IANA time zone/);
  });

  it('accepts only zones that date formatting can use', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (text) => {
        if (!accepts(timeZoneSchema, text)) return;
        expect(() => new Intl.DateTimeFormat('en', { timeZone: text })).not.toThrow();
      }),
      { numRuns: 500 },
    );
  });
});

describe('currencySchema', () => {
  it.each(['EUR', 'USD', 'GBP', 'CHF', 'JPY', 'MXN'])('accepts %s', (code) => {
    expect(accepts(currencySchema, code)).toBe(true);
  });

  it.each(['eur', 'Eur', 'EURO', 'EU', '€', 'QQQ', ' EUR', '', 123])('refuses %j', (code) => {
    expect(accepts(currencySchema, code)).toBe(false);
  });
});

describe('emailSchema', () => {
  it.each([
    ['Ana@Example.COM', 'ana@example.com'],
    ['  ops@agency.test  ', 'ops@agency.test'],
    ['First.Last+tag@Sub.Example.org', 'first.last+tag@sub.example.org'],
  ])('%j → %j', (input, expected) => {
    expect(emailSchema.parse(input)).toBe(expected);
  });

  it.each(['', 'not-an-email', 'a@', '@example.com', 'a b@example.com', `${'a'.repeat(250)}@example.com`, 42])(
    'refuses %j',
    (input) => {
      expect(accepts(emailSchema, input)).toBe(false);
    },
  );

  it('gives the same address for any capitalisation', () => {
    const local = fc.stringMatching(/^[a-z][a-z0-9.]{0,15}[a-z0-9]$/).filter((s) => !s.includes('..'));
    fc.assert(
      fc.property(local, fc.boolean(), (name, shout) => {
        const address = `${name}@example.com`;
        const variant = shout ? address.toUpperCase() : address.replace(/^./, (c) => c.toUpperCase());
        expect(emailSchema.parse(variant)).toBe(emailSchema.parse(address));
      }),
    );
  });
});

describe('isoDateSchema', () => {
  it.each(['2026-03-02', '2024-02-29', '2000-02-29', '2026-12-31', '2026-01-01'])('accepts %s', (date) => {
    expect(accepts(isoDateSchema, date)).toBe(true);
  });

  it.each([
    '2026-02-30',
    '2026-02-29',
    '1900-02-29',
    '2026-04-31',
    '2026-13-01',
    '2026-00-10',
    '2026-01-00',
    '2026-1-5',
    '26-01-05',
    '2026-03-02T00:00:00Z',
    '2026/03/02',
    ' 2026-03-02',
    '',
  ])('refuses %j', (date) => {
    expect(accepts(isoDateSchema, date)).toBe(false);
  });

  it('says why 2026-02-30 is refused', () => {
    expect(() => parseInput(isoDateSchema, '2026-02-30')).toThrow(/not a real calendar date/);
  });
});

describe('moneyMinorSchema', () => {
  it.each([0, 1, 15_000, 1e12])('accepts %d', (amount) => {
    expect(accepts(moneyMinorSchema, amount)).toBe(true);
  });

  it.each([0.5, 149.99, 1e12 + 1, -1, Number.NaN, Number.POSITIVE_INFINITY, '15000', null])('refuses %j', (amount) => {
    expect(accepts(moneyMinorSchema, amount)).toBe(false);
  });

  it('refuses every non-integer amount', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1e9, noNaN: true }).filter((n) => !Number.isInteger(n)),
        (amount) => {
          expect(accepts(moneyMinorSchema, amount)).toBe(false);
        },
      ),
    );
  });

  it('says that amounts are integers in minor units', () => {
    expect(() => parseInput(moneyMinorSchema, 12.5)).toThrow(/integer amount in minor units/);
  });
});

describe('parseInput', () => {
  const schema = z.object({ name: z.string().min(1), amountMinor: moneyMinorSchema });

  it('returns the parsed value', () => {
    expect(parseInput(schema, { name: 'x', amountMinor: 5 })).toEqual({ name: 'x', amountMinor: 5 });
  });

  it('turns every problem into one AppError "invalid", with each path in the details', () => {
    let caught: unknown;
    try {
      parseInput(schema, { name: '', amountMinor: 1.5 });
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(AppError);
    const err = caught as AppError;
    expect(err.code).toBe('invalid');
    expect(err.message).toMatch(/^Invalid input \(name: /);
    expect((err.details as { path: string }[]).map((d) => d.path).sort()).toEqual(['amountMinor', 'name']);
  });
});
