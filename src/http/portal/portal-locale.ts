import type { Context } from 'hono';
import { LOCALES, type Locale } from '../../domain/shared/validation.ts';

const isLocale = (v: string | undefined): v is Locale => (LOCALES as readonly string[]).includes(v ?? '');

/** Before sign-in: ?lang= (or the form's lang), else the browser's Accept-Language, else English. */
export function pickLocale(c: Context, formLang?: string): Locale {
  const asked = formLang ?? c.req.query('lang');
  if (isLocale(asked)) return asked;
  for (const part of (c.req.header('accept-language') ?? '').split(',')) {
    const tag = part.split(';')[0]?.trim().slice(0, 2).toLowerCase();
    if (isLocale(tag)) return tag;
  }
  return 'en';
}

export const toLocale = (v: string): Locale => (isLocale(v) ? v : 'en');
