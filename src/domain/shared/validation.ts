import { z } from 'zod';
import { AppError } from '../../errors.ts';

export const LOCALES = ['en', 'es', 'fr', 'de'] as const;
export type Locale = (typeof LOCALES)[number];

const timeZones = new Set([...Intl.supportedValuesOf('timeZone'), 'UTC', 'Etc/UTC']);
const timeZonesLowercase = new Set([...timeZones].map((z) => z.toLowerCase()));

/**
 * ICU lists only its canonical ids, some of them outdated (Asia/Calcutta, not Asia/Kolkata), so other
 * IANA names are accepted when Intl knows them; a listed zone must be spelled exactly as listed.
 */
function isTimeZone(name: string): boolean {
  if (timeZones.has(name)) return true;
  if (timeZonesLowercase.has(name.toLowerCase())) return false;
  if (!/^[A-Z][A-Za-z0-9_+-]*(\/[A-Z][A-Za-z0-9_+-]*)*$/.test(name)) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

const currencies = new Set(Intl.supportedValuesOf('currency'));

export const localeSchema = z.enum(LOCALES);

export const timeZoneSchema = z
  .string()
  .refine(isTimeZone, { message: 'must be an IANA time zone such as Europe/Madrid' });

export const currencySchema = z
  .string()
  .regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as EUR')
  .refine((v) => currencies.has(v), { message: 'is not a known ISO 4217 currency' });

export const emailSchema = z
  .string()
  .trim()
  .max(254)
  .email('must be an e-mail address')
  .transform((v) => v.toLowerCase());

/** Amounts are integer minor units (cents), never floats. */
export const moneyMinorSchema = z.number().int('must be an integer amount in minor units').min(0).max(1e12);

export const isoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD')
  .refine((v) => {
    const d = new Date(`${v}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(v);
  }, 'is not a real calendar date');

export const nameSchema = z.string().trim().min(1, 'must not be empty').max(200);

/** Parses input for a use case; bad input becomes one `invalid` error listing every problem. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw validationError(result.error);
  const nulAt = findNulChar(result.data);
  if (nulAt !== undefined) throw invalidField(nulAt, 'must not contain the character U+0000');
  return result.data;
}

/** PostgreSQL text cannot hold U+0000 (it fails the query), so no input may carry it, on either dialect. */
function findNulChar(value: unknown, path: string[] = []): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? path.join('.') : undefined;
  if (value === null || typeof value !== 'object') return undefined;
  for (const [key, item] of Object.entries(value)) {
    const found = findNulChar(item, [...path, key]);
    if (found !== undefined) return found;
  }
  return undefined;
}

export function validationError(error: z.ZodError): AppError {
  const details = error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  const first = details[0];
  const summary = first ? `${first.path || 'input'}: ${first.message}` : 'invalid input';
  return new AppError('invalid', `Invalid input (${summary})`, details);
}

/** A rule about one field that a schema cannot express; reported like a schema issue, with details. */
export function invalidField(path: string, message: string): AppError {
  return new AppError('invalid', `Invalid input (${path}: ${message})`, [{ path, message }]);
}
