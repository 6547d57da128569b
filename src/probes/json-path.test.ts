import { describe, expect, it } from 'vitest';
import { parseJsonPath, readJsonPath } from './json-path.ts';

describe('parseJsonPath', () => {
  it.each([
    ['$', []],
    ['$.status', ['status']],
    ['status', ['status']],
    ['data.items[0].ok', ['data', 'items', 0, 'ok']],
    ['$[2]', [2]],
    ["$['odd key'].x", ['odd key', 'x']],
    ['$["a.b"][10]', ['a.b', 10]],
    ['  $.spaced  ', ['spaced']],
  ])('parses %s', (text, segments) => {
    expect(parseJsonPath(text)).toEqual(segments);
  });

  it.each(['', '.', '$.', 'a..b', '$status', 'a[', 'a[-1]', 'a[x]', "a['x]", 'a.b c', '$.*'])('refuses %j', (text) => {
    expect(parseJsonPath(text)).toBeNull();
  });
});

describe('readJsonPath', () => {
  const document = { status: 'ok', data: { items: [{ ok: true }, null] }, 'odd key': 0 };

  it('finds values, including falsy ones', () => {
    expect(readJsonPath(document, ['status'])).toEqual({ found: true, value: 'ok' });
    expect(readJsonPath(document, ['data', 'items', 0, 'ok'])).toEqual({ found: true, value: true });
    expect(readJsonPath(document, ['data', 'items', 1])).toEqual({ found: true, value: null });
    expect(readJsonPath(document, ['odd key'])).toEqual({ found: true, value: 0 });
    expect(readJsonPath(document, [])).toEqual({ found: true, value: document });
  });

  it('reports what is missing instead of guessing', () => {
    expect(readJsonPath(document, ['nope'])).toEqual({ found: false });
    expect(readJsonPath(document, ['data', 'items', 5])).toEqual({ found: false });
    expect(readJsonPath(document, ['status', 0])).toEqual({ found: false });
    expect(readJsonPath(document, ['data', 'items', 'length'])).toEqual({ found: false });
    expect(readJsonPath(document, ['toString'])).toEqual({ found: false });
  });
});
