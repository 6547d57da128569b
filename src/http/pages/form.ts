import type { Context } from 'hono';
import { parseMoneyToMinor } from '../../domain/shared/money.ts';
import type { AppEnv } from '../env.ts';
import { toAppError } from '../errors.ts';
import { type FieldErrors, fieldErrors } from './form-controls.tsx';

type RawForm = Record<string, unknown>;

/**
 * Reads a posted form into use-case input. A value the form cannot convert (a price like "abc")
 * gets a message in `errors` and is passed on as the raw text, so the use case refuses the whole
 * input too: one round trip reports every problem, and nothing is written.
 */
export class FormInput {
  readonly errors: FieldErrors = {};
  constructor(private readonly raw: RawForm) {}

  /** The trimmed text of a field; '' when missing. */
  text(name: string): string {
    const v = this.raw[name];
    return typeof v === 'string' ? v.trim() : '';
  }

  /** Text, or undefined when left empty (the use case then applies its default). */
  optional(name: string): string | undefined {
    return this.text(name) || undefined;
  }

  nullable(name: string): string | null {
    return this.text(name) || null;
  }

  checked(name: string): boolean {
    return this.raw[name] !== undefined;
  }

  /** Every field whose name starts with the prefix and was ticked, without the prefix. */
  checkedWithPrefix(prefix: string): string[] {
    return Object.keys(this.raw)
      .filter((k) => k.startsWith(prefix))
      .map((k) => k.slice(prefix.length));
  }

  int(name: string): number | string {
    const text = this.text(name);
    if (/^\d{1,9}$/.test(text)) return Number.parseInt(text, 10);
    this.errors[name] = text === '' ? 'enter a number' : 'must be a whole number';
    return text;
  }

  /** A whole number, or null when left empty ("no target"). */
  nullableInt(name: string): number | string | null {
    return this.text(name) === '' ? null : this.int(name);
  }

  /** An amount typed in major units ("150.00") → integer minor units of the currency. */
  money(name: string, currency: string): number | string {
    const parsed = parseMoneyToMinor(this.text(name), currency);
    if (parsed.ok) return parsed.minor;
    this.errors[name] = parsed.message;
    return this.text(name);
  }

  nullableMoney(name: string, currency: string): number | string | null {
    return this.text(name) === '' ? null : this.money(name, currency);
  }

  /** "99.9" (percent) → 9990 basis points of a percent; empty → null. */
  nullablePercentBp(name: string): number | string | null {
    const text = this.text(name).replace(/\s|%/g, '');
    if (text === '') return null;
    const parsed = parseMoneyToMinor(text, 'EUR'); // two decimals, parsed exactly
    if (parsed.ok) return parsed.minor;
    this.errors[name] = 'must be a percentage such as 99.9';
    return text;
  }

  /** All raw text values, to refill a form after an error. */
  values(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(this.raw)) if (typeof v === 'string' && k !== '_csrf') out[k] = v;
    return out;
  }
}

export async function readForm(c: Context<AppEnv>): Promise<FormInput> {
  return new FormInput((await c.req.parseBody()) as RawForm);
}

export type FormProblem = { status: 409 | 422; message: string; errors: FieldErrors };
export type Outcome<T> = { ok: true; value: T } | ({ ok: false } & FormProblem);

/**
 * Runs a use case for a form. Invalid input and conflicts come back as a problem to show on the
 * form; everything else (forbidden, not found, bugs) propagates to the console's error page.
 */
export async function attempt<T>(
  form: FormInput,
  run: () => Promise<T>,
  rename: Record<string, string> = {},
): Promise<Outcome<T>> {
  try {
    const value = await run();
    // Defensive: a converted value always fails validation, but never report success past an error.
    if (Object.keys(form.errors).length > 0) throw new Error('form conversion error was not refused by the use case');
    return { ok: true, value };
  } catch (err) {
    const e = toAppError(err);
    if (e?.code === 'invalid') {
      return {
        ok: false,
        status: 422,
        message: e.message,
        errors: { ...fieldErrors(e.details, rename), ...form.errors },
      };
    }
    if (e?.code === 'conflict') return { ok: false, status: 409, message: e.message, errors: {} };
    throw err;
  }
}
