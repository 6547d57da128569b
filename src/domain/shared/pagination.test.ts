import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors.ts';
import { decodeCursor, encodeCursor, pageQuerySchema, toPage } from './pagination.ts';
import { parseInput } from './validation.ts';

const base64url = (text: string) => Buffer.from(text).toString('base64url');

describe('cursors', () => {
  it('round-trips (created_at, id)', () => {
    const cursor = encodeCursor({ created_at: 1_772_442_000_000, id: 'cli_abc' });
    expect(decodeCursor(cursor)).toEqual({ createdAt: 1_772_442_000_000, id: 'cli_abc' });
  });

  it('round-trips any row key and stays URL-safe', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 52 }), fc.string({ maxLength: 64 }), (createdAt, id) => {
        const cursor = encodeCursor({ created_at: createdAt, id });
        expect(cursor).toMatch(/^[A-Za-z0-9_-]*$/);
        expect(decodeCursor(cursor)).toEqual({ createdAt, id });
      }),
      { numRuns: 500 },
    );
  });

  it.each([undefined, ''])('treats %j as "from the beginning"', (cursor) => {
    expect(decodeCursor(cursor)).toBeUndefined();
  });

  it.each([
    ['random text', 'not-a-cursor'],
    ['base64 of text', base64url('hello')],
    ['an object', base64url('{"createdAt":1,"id":"x"}')],
    ['swapped fields', base64url('["x",1]')],
    ['a string timestamp', base64url('["1","x"]')],
    ['a numeric id', base64url('[1,2]')],
    ['too few fields', base64url('[1]')],
    ['null', base64url('null')],
    ['a number', base64url('42')],
  ])('refuses %s with AppError "invalid"', (_what, cursor) => {
    let caught: unknown;
    try {
      decodeCursor(cursor);
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(AppError);
    expect((caught as AppError).code).toBe('invalid');
    expect((caught as AppError).message).toMatch(/cursor/);
  });

  it('never throws anything but AppError "invalid" for arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 200 }), (text) => {
        try {
          const decoded = decodeCursor(text);
          expect(typeof decoded?.createdAt).toBe('number');
          expect(typeof decoded?.id).toBe('string');
        } catch (err) {
          expect(err).toBeInstanceOf(AppError);
          expect((err as AppError).code).toBe('invalid');
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('toPage', () => {
  const rows = (n: number) => Array.from({ length: n }, (_, i) => ({ created_at: 1000 + i, id: `r${i}` }));

  it('returns the page and a cursor at its last row when one more row was fetched', () => {
    const page = toPage(rows(4), 3, (r) => r.id);
    expect(page.data).toEqual(['r0', 'r1', 'r2']);
    expect(decodeCursor(page.nextCursor ?? undefined)).toEqual({ createdAt: 1002, id: 'r2' });
  });

  it.each([0, 1, 3])('has no next cursor when %i rows came back for a limit of 3', (n) => {
    const page = toPage(rows(n), 3, (r) => r.id);
    expect(page.data).toHaveLength(n);
    expect(page.nextCursor).toBeNull();
  });
});

describe('pageQuerySchema', () => {
  it('defaults to 50 and coerces query-string numbers', () => {
    expect(parseInput(pageQuerySchema, {})).toEqual({ limit: 50 });
    expect(parseInput(pageQuerySchema, { limit: '10', cursor: 'abc' })).toEqual({ limit: 10, cursor: 'abc' });
  });

  it.each(['0', '201', '2.5', 'ten', '-1'])('refuses limit=%s', (limit) => {
    expect(() => parseInput(pageQuerySchema, { limit })).toThrow(AppError);
  });
});
