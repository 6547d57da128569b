import type { Locale } from '../domain/shared/validation.ts';

// Message catalogs, one per area (status page, portal, e-mails, reports). English defines the
// keys; every other language must give the same keys (the type checker and a test enforce it).
// Placeholders are {name}; a plural message gives its CLDR forms and uses {count}.

export type PluralMessage = { one: string; other: string; zero?: string; few?: string; many?: string };
export type Message = string | PluralMessage;
export type Messages<K extends string> = Record<K, Message>;

export type Catalog<K extends string> = {
  area: string;
  messages: Record<Locale, Messages<K>>;
};

export type Params = Record<string, string | number>;

export function defineCatalog<const K extends string>(
  area: string,
  en: Messages<K>,
  others: Record<Exclude<Locale, 'en'>, Messages<K>>,
): Catalog<K> {
  return { area, messages: { en, ...others } };
}

function interpolate(text: string, params: Params): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** A translator bound to one catalog and language. */
export function translator<K extends string>(catalog: Catalog<K>, locale: Locale) {
  const messages = catalog.messages[locale] ?? catalog.messages.en;
  const plural = new Intl.PluralRules(locale);
  return (key: K, params: Params = {}): string => {
    const message = messages[key] ?? catalog.messages.en[key];
    if (typeof message === 'string') return interpolate(message, params);
    const count = Number(params.count ?? 0);
    const form = count === 0 && message.zero !== undefined ? 'zero' : plural.select(count);
    return interpolate(message[form as keyof PluralMessage] ?? message.other, params);
  };
}

export type Translate<K extends string> = ReturnType<typeof translator<K>>;

/** The placeholders a message uses, for checking that translations keep them. */
export function placeholdersOf(message: Message): string[] {
  const texts = typeof message === 'string' ? [message] : Object.values(message).filter(Boolean);
  return [...new Set(texts.flatMap((t) => [...String(t).matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string)))].sort();
}
