import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeSiteUrl } from './normalize-url.ts';

/** Test names and messages stay readable when an input is thousands of characters long. */
const short = (text: string) =>
  JSON.stringify(text.length > 80 ? `${text.slice(0, 60)}… (${text.length} characters)` : text);
const named = <T extends unknown[]>(rows: [string, ...T][]): [string, string, ...T][] =>
  rows.map(([input, ...rest]) => [short(input), input, ...rest]);

const accepted = (input: string) => {
  const result = normalizeSiteUrl(input);
  if (!result.ok) throw new Error(`expected ${short(input)} to be accepted, got: ${result.reason}`);
  return result.url;
};
const refusal = (input: string) => {
  const result = normalizeSiteUrl(input);
  if (result.ok) throw new Error(`expected ${short(input)} to be refused, got ${short(result.url)}`);
  return result.reason;
};

describe('normalizeSiteUrl: accepted spellings', () => {
  it.each(
    named<[string]>([
      // schemes
      ['https://example.com', 'https://example.com/'],
      ['http://example.com', 'http://example.com/'],
      ['HTTPS://example.com', 'https://example.com/'],
      ['HtTp://example.com/', 'http://example.com/'],
      // a missing scheme means https
      ['example.com', 'https://example.com/'],
      ['www.example.com/blog', 'https://www.example.com/blog'],
      ['  example.com  ', 'https://example.com/'],
      // host case
      ['https://EXAMPLE.COM/Path', 'https://example.com/Path'],
      ['Shop.Example.CO.UK', 'https://shop.example.co.uk/'],
      // IDN host → punycode
      ['https://bücher.de/pfad', 'https://xn--bcher-kva.de/pfad'],
      ['münchen.example', 'https://xn--mnchen-3ya.example/'],
      ['https://xn--bcher-kva.de', 'https://xn--bcher-kva.de/'],
      // default ports dropped, other ports kept
      ['http://example.com:80/', 'http://example.com/'],
      ['https://example.com:443/', 'https://example.com/'],
      ['https://example.com:8443/', 'https://example.com:8443/'],
      ['http://example.com:8080/x', 'http://example.com:8080/x'],
      ['http://example.com:443/', 'http://example.com:443/'],
      ['https://example.com:80/', 'https://example.com:80/'],
      // fragment dropped, query kept
      ['https://example.com/a#top', 'https://example.com/a'],
      ['https://example.com/#', 'https://example.com/'],
      ['https://example.com/search?q=1&lang=es#r', 'https://example.com/search?q=1&lang=es'],
      ['example.com?utm=x', 'https://example.com/?utm=x'],
      // path kept as the site owner wrote it (case-sensitive), dot segments resolved
      ['https://example.com/Shop/Cart', 'https://example.com/Shop/Cart'],
      ['https://example.com/a/../b', 'https://example.com/b'],
      // hosts without a dot: only localhost and IP literals
      ['localhost', 'https://localhost/'],
      ['http://localhost:3000/health', 'http://localhost:3000/health'],
      ['http://127.0.0.1:8080', 'http://127.0.0.1:8080/'],
      ['https://192.168.1.10', 'https://192.168.1.10/'],
      // IPv6 literals, lowercased
      ['http://[::1]:8080/x', 'http://[::1]:8080/x'],
      ['https://[2001:DB8::1]', 'https://[2001:db8::1]/'],
      ['https://[2001:db8::1]:443/', 'https://[2001:db8::1]/'],
      // a 63-character label is the longest DNS allows
      [`https://${'a'.repeat(63)}.com`, `https://${'a'.repeat(63)}.com/`],
    ]),
  )('%s', (_name, input, expected) => {
    expect(accepted(input)).toBe(expected);
  });

  it('gives the same spelling for the same site written differently', () => {
    const spellings = [
      'Example.com',
      'https://example.com',
      'HTTPS://EXAMPLE.COM:443/',
      'https://example.com/#contact',
    ];
    expect(new Set(spellings.map(accepted))).toEqual(new Set(['https://example.com/']));
  });
});

describe('normalizeSiteUrl: refused input', () => {
  it.each(
    named<[RegExp]>([
      ['', /empty/],
      ['   ', /empty/],
      ['https://user:secret@example.com', /user name or password/],
      ['https://user@example.com', /user name or password/],
      ['http://:pw@example.com', /user name or password/],
      ['example.com/a b', /spaces/],
      ['https://exa mple.com', /spaces/],
      ['https://example.com/\tx', /spaces/],
      ['ftp://example.com', /http:\/\/ or https:\/\//],
      ['ws://example.com', /http:\/\/ or https:\/\//],
      ['file:///etc/passwd', /http:\/\/ or https:\/\//],
      ['intranet', /host name/],
      ['http://server', /host name/],
      ['https://example.c', /host name/],
      ['https://exa_mple.com', /host name/],
      ['https://example.com.', /host name/],
      ['https://-bad.example.com', /invalid host name/],
      ['https://bad-.example.com', /invalid host name/],
      [`https://${'a'.repeat(64)}.com`, /invalid host name/],
      [`https://www.${'b'.repeat(70)}.example.com`, /invalid host name/],
      ['https://999.1.1.1', /not a valid URL/],
      ['https://[::1', /not a valid URL/],
      [`https://example.com/${'a'.repeat(2048)}`, /at most 2048/],
    ]),
  )('%s is refused', (_name, input, reason) => {
    expect(refusal(input)).toMatch(reason);
  });

  it('refuses a URL whose normalised form (percent-encoded) would exceed 2048 characters', () => {
    // 1,000 characters typed, 6,000 once each "ä" becomes %C3%A4: storing it would break re-validation.
    expect(refusal(`example.com/${'ä'.repeat(1000)}`)).toMatch(/at most 2048/);
  });
});

describe('normalizeSiteUrl: properties', () => {
  const label = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,20}[a-z0-9])?$/);
  const host = fc
    .tuple(fc.array(label, { minLength: 1, maxLength: 3 }), fc.constantFrom('com', 'de', 'es', 'io', 'example'))
    .map(([labels, tld]) => [...labels, tld].join('.'));
  const anyCase = (text: string) =>
    fc
      .array(fc.boolean(), { minLength: text.length, maxLength: text.length })
      .map((upper) => [...text].map((ch, i) => (upper[i] ? ch.toUpperCase() : ch)).join(''));
  const siteInput = fc
    .record({
      scheme: fc.constantFrom('', 'http://', 'https://', 'HTTPS://', 'Http://'),
      host: host.chain(anyCase),
      port: fc.constantFrom('', ':80', ':443', ':8080', ':3000'),
      path: fc.webPath(),
      query: fc.option(fc.webQueryParameters(), { nil: undefined }),
      fragment: fc.option(fc.webFragments(), { nil: undefined }),
    })
    .map(
      ({ scheme, host, port, path, query, fragment }) =>
        `${scheme}${host}${port}${path}${query === undefined ? '' : `?${query}`}${fragment === undefined ? '' : `#${fragment}`}`,
    );

  it('is idempotent: normalising a normalised URL returns it unchanged', () => {
    fc.assert(
      fc.property(
        fc.oneof(siteInput, fc.webUrl({ validSchemes: ['http', 'https'], withQueryParameters: true })),
        (input) => {
          const once = normalizeSiteUrl(input);
          if (!once.ok) return;
          expect(normalizeSiteUrl(once.url)).toEqual(once);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('is idempotent on unicode paths and hosts too', () => {
    const unicodeText = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 400 });
    fc.assert(
      fc.property(unicodeText, unicodeText, (hostPart, path) => {
        const once = normalizeSiteUrl(`https://${hostPart}.example/${path}`);
        if (!once.ok) return;
        expect(normalizeSiteUrl(once.url)).toEqual(once);
      }),
      { numRuns: 300 },
    );
  });

  it('accepts every generated site, with a lowercase host, no fragment and no default port', () => {
    fc.assert(
      fc.property(siteInput, (input) => {
        const url = new URL(accepted(input));
        expect(url.hostname).toBe(url.hostname.toLowerCase());
        expect(url.hash).toBe('');
        expect(['http:', 'https:']).toContain(url.protocol);
        expect(url.port === '80' && url.protocol === 'http:').toBe(false);
        expect(url.port === '443' && url.protocol === 'https:').toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws, whatever the input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (input) => {
        const result = normalizeSiteUrl(input);
        expect(typeof result.ok).toBe('boolean');
      }),
      { numRuns: 500 },
    );
  });
});

describe('normalizeSiteUrl edge cases', () => {
  it('treats an empty query as no query', () => {
    expect(normalizeSiteUrl('example.com?')).toEqual({ ok: true, url: 'https://example.com/' });
  });
  it('names the scheme rule for non-web schemes such as mailto:', () => {
    expect(normalizeSiteUrl('mailto:x@example.com')).toEqual({
      ok: false,
      reason: 'must start with http:// or https://',
    });
  });
  it('refuses port 0 but keeps other ports, with or without a scheme', () => {
    expect(normalizeSiteUrl('example.com:0').ok).toBe(false);
    expect(normalizeSiteUrl('example.com:8080/a')).toEqual({ ok: true, url: 'https://example.com:8080/a' });
    expect(normalizeSiteUrl('localhost:3000')).toEqual({ ok: true, url: 'https://localhost:3000/' });
  });
});
