// Display formatting for the console. Instants are shown in the agency's time zone.

export { formatMoney } from '../../domain/shared/money.ts';

/** "2 Mar 2026, 10:00" in the given IANA zone. */
export function formatDateTime(iso: string | null, timeZone: string): string {
  if (!iso) return '–';
  return new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(new Date(iso));
}

/** "2 Mar 2026" for an instant, as a calendar day in the given zone. */
export function formatDay(iso: string | null, timeZone: string): string {
  if (!iso) return '–';
  return new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone }).format(new Date(iso));
}

/** "30 Apr 2026" for a calendar date (YYYY-MM-DD), which has no zone. */
export function formatCalendarDate(date: string | null): string {
  if (!date) return '–';
  return new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(`${date}T00:00:00Z`),
  );
}

/** 30 → "30 s", 180 → "3 min", 5400 → "1 h 30 min". */
export function formatSeconds(seconds: number): string {
  if (seconds < 60 || seconds % 60 !== 0) return `${seconds} s`;
  return formatMinutes(seconds / 60);
}

/** 30 → "30 min", 240 → "4 h", 90 → "1 h 30 min"; null → "–". */
export function formatMinutes(minutes: number | null): string {
  if (minutes === null) return '–';
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}

/** 9990 basis points of a percent → "99.9 %". */
export function formatPercentBp(bp: number | null): string {
  if (bp === null) return '–';
  const whole = Math.floor(bp / 100);
  const fraction = String(bp % 100)
    .padStart(2, '0')
    .replace(/0+$/, '');
  return `${whole}${fraction ? `.${fraction}` : ''} %`;
}

/** The same as formatPercentBp without the sign, for a form field ("99.9"). */
export function percentBpInput(bp: number | null): string {
  return bp === null ? '' : formatPercentBp(bp).replace(' %', '');
}

export const CMS_LABELS: Record<string, string> = {
  wordpress: 'WordPress',
  joomla: 'Joomla',
  drupal: 'Drupal',
  other: 'Other',
};

export const LOCALE_LABELS: Record<string, string> = {
  en: 'English',
  es: 'Spanish',
  fr: 'French',
  de: 'German',
};

export const STATUS_LABELS: Record<string, string> = {
  trial: 'Trial',
  active: 'Active',
  cancelling: 'Cancelling',
  ended: 'Ended',
};

export const ROLE_LABELS: Record<string, string> = { owner: 'Owner', admin: 'Admin', technician: 'Technician' };
