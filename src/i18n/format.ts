import type { Locale } from '../domain/shared/validation.ts';

// Locale-aware formatting for client-facing pages, mails and reports. Every function takes the
// zone explicitly: client-facing times are shown in the client's zone, never the server's.

const INTL_LOCALE: Record<Locale, string> = { en: 'en-GB', es: 'es-ES', fr: 'fr-FR', de: 'de-DE' };

export function formatDateTimeIn(locale: Locale, timeZone: string, epochMs: number): string {
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(
    epochMs,
  );
}

export function formatDateIn(locale: Locale, timeZone: string, epochMs: number): string {
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], { dateStyle: 'medium', timeZone }).format(epochMs);
}

/** A calendar date (YYYY-MM-DD) has no zone: formatted as that day. */
export function formatCalendarDateIn(locale: Locale, isoDate: string): string {
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(`${isoDate}T00:00:00Z`),
  );
}

/**
 * A ratio as a percentage, rounded DOWN to `digits` decimals: an SLA figure must never be shown
 * better than it was (99.9996 % is "99.999 %", not "100 %").
 */
export function formatPercentDown(locale: Locale, ratio: number, digits = 3): string {
  const scale = 10 ** digits;
  const floored = Math.floor(ratio * 100 * scale + 1e-9) / scale;
  return `${new Intl.NumberFormat(INTL_LOCALE[locale], {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(floored)} %`;
}

const UNITS: Record<Locale, { hour: string; minute: string }> = {
  en: { hour: 'h', minute: 'min' },
  es: { hour: 'h', minute: 'min' },
  fr: { hour: 'h', minute: 'min' },
  de: { hour: 'Std.', minute: 'Min.' },
};

/** 125 → "2 h 5 min" (German "2 Std. 5 Min."). */
export function formatDurationMinutes(locale: Locale, minutes: number): string {
  const whole = Math.max(0, Math.round(minutes));
  const h = Math.floor(whole / 60);
  const m = whole % 60;
  const u = UNITS[locale];
  if (h === 0) return `${m} ${u.minute}`;
  return m === 0 ? `${h} ${u.hour}` : `${h} ${u.hour} ${m} ${u.minute}`;
}
