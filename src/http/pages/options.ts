import { LOCALES } from '../../domain/shared/validation.ts';
import { CMS_KINDS } from '../../domain/sites/sites.ts';
import type { Option } from './form-controls.tsx';
import { CMS_LABELS, LOCALE_LABELS } from './format.ts';

export const localeOptions: Option[] = LOCALES.map((l) => ({ value: l, label: LOCALE_LABELS[l] ?? l }));

export const cmsOptions: Option[] = CMS_KINDS.map((k) => ({ value: k, label: CMS_LABELS[k] ?? k }));

let timeZones: Option[] | undefined;
export function timeZoneOptions(): Option[] {
  timeZones ??= ['UTC', ...Intl.supportedValuesOf('timeZone').filter((z) => z !== 'UTC')].map((z) => ({
    value: z,
    label: z.replaceAll('_', ' '),
  }));
  return timeZones;
}

let currencies: Option[] | undefined;
export function currencyOptions(): Option[] {
  if (!currencies) {
    const names = new Intl.DisplayNames('en', { type: 'currency' });
    currencies = Intl.supportedValuesOf('currency').map((c) => ({ value: c, label: `${c} – ${names.of(c) ?? c}` }));
  }
  return currencies;
}
