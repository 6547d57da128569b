import type { Locale } from '../../domain/shared/validation.ts';
import type { ComponentStatus } from '../../domain/statuspage/public-types.ts';
import { type Params, translator } from '../../i18n/catalog.ts';
import { formatDateTimeIn, formatDurationMinutes, formatPercentDown } from '../../i18n/format.ts';
import { type PortalKey, portalCatalog } from '../../i18n/portal.ts';
import type { PortalContact } from './portal-env.ts';

/** What every content view needs: the contact's language and the client's zone. */
export type ViewKit = {
  t: (key: PortalKey, params?: Params) => string;
  locale: Locale;
  zone: string;
  time: (ms: number | string) => string;
  /** Rounded down (an SLA figure is never shown better than it was); 3 decimals unless told. */
  percent: (ratio: number | null, digits?: number) => string;
  minutes: (m: number) => string;
};

export function viewKit(portal: PortalContact): ViewKit {
  const locale = portal.language;
  const t = translator(portalCatalog, locale);
  return {
    t,
    locale,
    zone: portal.timeZone,
    time: (ms) => formatDateTimeIn(locale, portal.timeZone, typeof ms === 'string' ? Date.parse(ms) : ms),
    percent: (ratio, digits = 3) => (ratio === null ? t('site.noData') : formatPercentDown(locale, ratio, digits)),
    minutes: (m) => formatDurationMinutes(locale, m),
  };
}

const STATUS_CLASS: Record<ComponentStatus, string> = {
  operational: 'ok',
  degraded: 'warn',
  outage: 'err',
  maintenance: 'muted',
  unknown: 'muted',
};

export function StatusBadge(p: { k: ViewKit; status: ComponentStatus }) {
  return <span class={`badge ${STATUS_CLASS[p.status]}`}>{p.k.t(`status.${p.status}`)}</span>;
}

export function TimesIn(p: { k: ViewKit }) {
  return <p class="muted small">{p.k.t('timesIn', { zone: p.k.zone })}</p>;
}

/** "every 30 s" / "every 3 min" in the language. */
export function intervalText(k: ViewKit, seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  return k.minutes(seconds / 60);
}
