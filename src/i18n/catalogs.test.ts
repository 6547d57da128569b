import { describe, expect, it } from 'vitest';
import { LOCALES } from '../domain/shared/validation.ts';
import { defineCatalog, placeholdersOf, translator } from './catalog.ts';
import { ALL_CATALOGS } from './catalogs.ts';
import { formatDurationMinutes, formatPercentDown } from './format.ts';

describe.each(ALL_CATALOGS.map((c) => [c.area, c] as const))('catalog %s', (_, catalog) => {
  const keys = Object.keys(catalog.messages.en).sort();
  it.each(LOCALES.filter((l) => l !== 'en'))('%s has every key, non-empty, with the same placeholders', (locale) => {
    const messages = catalog.messages[locale];
    expect(Object.keys(messages).sort()).toEqual(keys);
    for (const key of keys) {
      const message = messages[key];
      expect(message, `${locale}:${key}`).toBeTruthy();
      expect(placeholdersOf(message as never), `${locale}:${key}`).toEqual(
        placeholdersOf(catalog.messages.en[key] as never),
      );
    }
  });
});

describe('translator', () => {
  const demo = defineCatalog(
    'demo',
    { hello: 'Hello {name}', incidents: { one: '{count} incident', other: '{count} incidents', zero: 'No incidents' } },
    {
      es: { hello: 'Hola {name}', incidents: { one: '{count} incidencia', other: '{count} incidencias' } },
      fr: { hello: 'Bonjour {name}', incidents: { one: '{count} incident', other: '{count} incidents' } },
      de: { hello: 'Hallo {name}', incidents: { one: '{count} Störung', other: '{count} Störungen' } },
    },
  );
  it('interpolates and picks plural forms per language', () => {
    expect(translator(demo, 'es')('hello', { name: 'Ana' })).toBe('Hola Ana');
    expect(translator(demo, 'en')('incidents', { count: 0 })).toBe('No incidents');
    expect(translator(demo, 'en')('incidents', { count: 1 })).toBe('1 incident');
    expect(translator(demo, 'de')('incidents', { count: 3 })).toBe('3 Störungen');
    // French treats 0 and 1 as singular.
    expect(translator(demo, 'fr')('incidents', { count: 0 })).toBe('0 incident');
  });
  it('leaves unknown placeholders visible rather than empty', () => {
    expect(translator(demo, 'en')('hello')).toBe('Hello {name}');
  });
});

describe('formatting', () => {
  it('never rounds an SLA percentage up', () => {
    expect(formatPercentDown('en', 0.999996)).toBe('99.999 %');
    expect(formatPercentDown('de', 0.99907)).toBe('99,907 %');
    expect(formatPercentDown('en', 1)).toBe('100.000 %');
  });
  it('writes durations in the language', () => {
    expect(formatDurationMinutes('en', 125)).toBe('2 h 5 min');
    expect(formatDurationMinutes('de', 60)).toBe('1 Std.');
  });
});
