import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { errorSchema } from '../../src/http/api/doc-schemas.ts';
import { weirdValue } from './fuzz-arbitraries.ts';
import { makeClient, makeContract, makeSite, useTestApp } from './helpers.ts';

// Query strings reach SQL too (filters, limits, cursors): whatever they hold, a list answers 200 or a
// well-formed 4xx, never a failed query.

const t = useTestApp({ shareState: true });

const LISTS: Record<string, string[]> = {
  '/clients': ['q', 'archived', 'limit', 'cursor'],
  '/sites': ['clientId', 'cms', 'q', 'archived', 'limit', 'cursor'],
  '/contracts': ['clientId', 'status', 'limit', 'cursor'],
  '/plans': ['archived'],
  '/addons': [],
  '/tokens': [],
};

const cursorLike = fc
  .tuple(fc.oneof(fc.integer(), fc.double(), fc.constant(1e300)), fc.oneof(fc.string(), fc.constant('\u0000')))
  .map((key) => Buffer.from(JSON.stringify(key)).toString('base64url'));

const paramValue = fc.oneof(
  weirdValue.map((v) => (typeof v === 'string' ? v : (JSON.stringify(v) ?? ''))),
  fc.constantFrom('true', 'false', 'all', 'wordpress', 'active', '0', '-1', '201', '3', '1e3'),
  cursorLike,
);

describe('fuzzing list queries', () => {
  it.each(Object.keys(LISTS))('GET %s with random query strings: no 5xx, well-formed errors', async (list) => {
    const client = await makeClient(t());
    await makeSite(t(), client.id);
    await makeContract(t(), client.id);
    const names = [...(LISTS[list] ?? []), 'unknown'];
    const query = fc.dictionary(fc.constantFrom(...names), paramValue, { maxKeys: 4 });
    await fc.assert(
      fc.asyncProperty(query, async (params) => {
        const search = new URLSearchParams(params).toString();
        const res = await t().api('GET', `${list}?${search}`);
        const what = `GET ${list}?${search} → ${res.status} ${JSON.stringify(res.body)}`;
        expect(res.status, what).toBeLessThan(500);
        if (res.status >= 400) expect(errorSchema.safeParse(res.body).success, what).toBe(true);
      }),
      { numRuns: 80 },
    );
  });
});
