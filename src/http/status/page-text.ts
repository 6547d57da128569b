import type { Locale } from '../../domain/shared/validation.ts';
import { translator } from '../../i18n/catalog.ts';
import { formatDateIn, formatDateTimeIn, formatDurationMinutes, formatPercentDown } from '../../i18n/format.ts';
import { statusPageCatalog } from '../../i18n/status-page.ts';

/** Everything a public page needs to speak the page's language and show times in the page's zone. */
export function pageText(locale: Locale, timeZone: string) {
  const t = translator(statusPageCatalog, locale);
  const list = new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' });
  return {
    locale,
    timeZone,
    t,
    dateTime: (ms: number) => formatDateTimeIn(locale, timeZone, ms),
    date: (ms: number) => formatDateIn(locale, timeZone, ms),
    /** Rounded down: an uptime figure is never shown better than it was. */
    percent: (ratio: number) => formatPercentDown(locale, ratio, 2),
    duration: (ms: number) => formatDurationMinutes(locale, Math.max(1, Math.round(ms / 60_000))),
    ms: (value: number) =>
      t('milliseconds', { value: new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(value) }),
    list: (items: string[]) => list.format(items),
  };
}

export type PageText = ReturnType<typeof pageText>;
