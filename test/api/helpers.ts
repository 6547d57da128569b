import { afterAll, beforeAll, beforeEach, expect } from 'vitest';
import type { z } from 'zod';
import { errorSchema } from '../../src/http/api/doc-schemas.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { restoreSnapshot, type Snapshot, takeSnapshot } from './db-state.ts';

export { API_ROUTES, splitRoute } from './api-routes.ts';
export { databaseDigest } from './db-state.ts';

export type ApiResult = Awaited<ReturnType<TestApp['api']>>;

/**
 * One app per test file. By default every test starts from the state right after setup (same rows,
 * same tokens, clock at its start); with `{ shareState: true }` tests see what earlier ones wrote.
 * `t()` returns the app.
 */
export function useTestApp(options: { shareState?: boolean } = {}): () => TestApp {
  let current: TestApp | undefined;
  let initial: Snapshot | undefined;
  beforeAll(async () => {
    current = await createTestApp();
    if (!options.shareState) initial = await takeSnapshot(current);
  });
  beforeEach(async () => {
    if (current && initial) await restoreSnapshot(current, initial);
  });
  afterAll(async () => {
    await current?.close();
    current = undefined;
  });
  return () => {
    if (!current) throw new Error('useTestApp: no app outside a test');
    return current;
  };
}

/** Asserts the status and parses the body with the documented (strict) schema. */
export function expectOk<S extends z.ZodType>(res: ApiResult, status: number, schema: S): z.output<S> {
  expect({ status: res.status, body: res.body }).toMatchObject({ status });
  const parsed = schema.safeParse(res.body);
  if (!parsed.success) {
    throw new Error(`Response does not match its documented schema: ${parsed.error.message}`);
  }
  return parsed.data;
}

export type ApiError = z.output<typeof errorSchema>['error'];

/** Asserts an error status, that the body matches errorSchema, and optionally its code. */
export function expectError(res: ApiResult, status: number, code?: ApiError['code']): ApiError {
  expect({ status: res.status, body: res.body }).toMatchObject({ status });
  const parsed = errorSchema.safeParse(res.body);
  if (!parsed.success) throw new Error(`Error body does not match errorSchema: ${JSON.stringify(res.body)}`);
  if (code) expect(parsed.data.error.code).toBe(code);
  return parsed.data.error;
}

/** A 422 whose details name the given paths (among possibly others). */
export function expectInvalid(res: ApiResult, paths: string[]): ApiError {
  const error = expectError(res, 422, 'invalid');
  const details = error.details as Array<{ path: string; message: string }>;
  expect(Array.isArray(details)).toBe(true);
  const listed = details.map((d) => d.path);
  for (const path of paths) expect(listed).toContain(path);
  return error;
}

/** A request with full control over headers and the raw body (for 400/413/415 cases). */
export async function rawRequest(
  t: TestApp,
  method: string,
  path: string,
  init: { body?: string; contentType?: string | null; token?: string | null } = {},
): Promise<ApiResult> {
  const headers: Record<string, string> = {};
  const token = init.token === undefined ? t.tokens.owner : init.token;
  if (token) headers.authorization = `Bearer ${token}`;
  if (init.contentType) headers['content-type'] = init.contentType;
  const res = await t.app.request(`/api/v1${path}`, { method, headers, body: init.body });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    // not JSON: the assertions will say so
  }
  return { status: res.status, body, headers: res.headers };
}

// ---- fixtures through the API ----

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

export async function makeClient(t: TestApp, body: Record<string, unknown> = {}) {
  const res = await t.api('POST', '/clients', { name: `Client ${unique()}`, ...body });
  expect(res.status).toBe(201);
  return res.body as { id: string; name: string; locale: string; timeZone: string; currency: string };
}

export async function makeSite(t: TestApp, clientId: string, body: Record<string, unknown> = {}) {
  const res = await t.api('POST', '/sites', { clientId, url: `https://site-${unique()}.example.com`, ...body });
  expect(res.status).toBe(201);
  return res.body as { id: string; url: string; clientId: string; plan: unknown };
}

export async function makeContract(t: TestApp, clientId: string, body: Record<string, unknown> = {}) {
  const res = await t.api('POST', '/contracts', { clientId, planId: 'standard', ...body });
  expect(res.status).toBe(201);
  return res.body as { id: string; status: string; planVersion: number; planVersionId: string; endsOn: string | null };
}

export async function makeAddon(t: TestApp, body: Record<string, unknown> = {}) {
  const res = await t.api('POST', '/addons', {
    name: `Add-on ${unique()}`,
    monthlyPriceMinor: 5_000,
    annualPriceMinor: 54_000,
    currency: 'EUR',
    ...body,
  });
  expect(res.status).toBe(201);
  return res.body as { id: string };
}

export async function makeUser(t: TestApp, role: 'owner' | 'admin' | 'technician', token = t.tokens.owner) {
  const email = `user-${unique()}@agency.test`;
  const res = await t.api('POST', '/users', { email, password: 'a-long-password-1', role }, token);
  expect(res.status).toBe(201);
  return res.body as { id: string; email: string; role: string };
}

export async function userIdOf(t: TestApp, token: string): Promise<string> {
  const res = await t.api('GET', '/me', undefined, token);
  expect(res.status).toBe(200);
  return (res.body as { id: string }).id;
}

/** Follows nextCursor from the first page to the last; returns every item in order. */
export async function collectPages<T>(t: TestApp, path: string, limit: number): Promise<{ items: T[]; pages: number }> {
  const items: T[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const sep = path.includes('?') ? '&' : '?';
    const url: string = `${path}${sep}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const res = await t.api('GET', url);
    expect(res.status).toBe(200);
    const body = res.body as { data: T[]; nextCursor: string | null };
    expect(body.data.length).toBeLessThanOrEqual(limit);
    items.push(...body.data);
    cursor = body.nextCursor;
    pages++;
    if (pages > 100) throw new Error('pagination does not terminate');
  } while (cursor !== null);
  return { items, pages };
}
