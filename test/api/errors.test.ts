import { describe, expect, it } from 'vitest';
import { clientDoc } from '../../src/http/api/doc-schemas.ts';
import { MAX_BODY_BYTES } from '../../src/http/app.ts';
import {
  API_ROUTES,
  databaseDigest,
  expectError,
  expectInvalid,
  expectOk,
  rawRequest,
  splitRoute,
  useTestApp,
} from './helpers.ts';

const t = useTestApp({ shareState: true });

const withIds = (path: string) => path.replace(/\{\w+\}/g, 'x');

/** Routes that take a JSON body, read from the OpenAPI document itself. */
async function routesWithBody(): Promise<Array<{ method: string; path: string }>> {
  const doc = (await t().api('GET', '/openapi.json', undefined, null)).body;
  const found: Array<{ method: string; path: string }> = [];
  for (const [path, ops] of Object.entries<Record<string, { requestBody?: unknown }>>(doc.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      if (op.requestBody) found.push({ method: method.toUpperCase(), path });
    }
  }
  return found;
}

describe('authentication (401 on every route)', () => {
  it.each(API_ROUTES)('%s needs a valid, unrevoked token', async (route) => {
    const { method, path } = splitRoute(route);
    const url = withIds(path);
    const body = method === 'GET' || method === 'DELETE' ? undefined : {};
    const created = await t().api('POST', '/tokens', { name: 'soon revoked' });
    await t().api('POST', `/tokens/${created.body.record.id}/revoke`);
    for (const token of [null, 'stw_unknown', created.body.token]) {
      expectError(await t().api(method, url, body, token), 401, 'unauthenticated');
    }
  });

  it('refuses other authorization schemes and empty bearer tokens', async () => {
    for (const authorization of [
      `Basic ${Buffer.from('owner@agency.test:owner-password-1').toString('base64')}`,
      'Bearer ',
      'Bearer',
    ]) {
      const res = await t().app.request('/api/v1/me', { headers: { authorization } });
      expect(res.status).toBe(401);
      expectError({ status: res.status, body: await res.json(), headers: res.headers }, 401, 'unauthenticated');
    }
  });
});

describe('malformed requests', () => {
  it('answers 413 for a body over 1 MiB and writes nothing', async () => {
    await t().api('GET', '/me'); // the token's first use is recorded; not part of what is compared
    const before = await databaseDigest(t());
    const body = JSON.stringify({ name: 'Big', notes: 'x'.repeat(MAX_BODY_BYTES) });
    expectError(
      await rawRequest(t(), 'POST', '/clients', { body, contentType: 'application/json' }),
      413,
      'payload_too_large',
    );
    expect(await databaseDigest(t())).toEqual(before);
  });

  it('reads a body just under 1 MiB (then rejects its values with 422, not 413)', async () => {
    const filler = 'x'.repeat(MAX_BODY_BYTES - 100);
    const res = await rawRequest(t(), 'POST', '/clients', {
      body: JSON.stringify({ name: 'Big', notes: filler }),
      contentType: 'application/json',
    });
    expectInvalid(res, ['notes']);
  });

  it('accepts JSON content types with parameters or a +json suffix', async () => {
    for (const contentType of ['application/json; charset=utf-8', 'application/merge-patch+json']) {
      const res = await rawRequest(t(), 'POST', '/clients', { body: '{"name":"Typed"}', contentType });
      expectOk(res, 201, clientDoc);
    }
  });

  it('answers 415, 400 and 422 on every route that takes a body', async () => {
    const routes = await routesWithBody();
    expect(routes.length).toBeGreaterThanOrEqual(15);
    for (const { method, path } of routes) {
      const url = withIds(path);
      const send = (body: string, contentType: string | null) => rawRequest(t(), method, url, { body, contentType });
      expectError(await send('{"name":"x"}', 'text/plain'), 415, 'unsupported_media_type');
      expectError(await send('{"name":"x"}', null), 415, 'unsupported_media_type');
      expectError(await send('name=x', 'application/x-www-form-urlencoded'), 415, 'unsupported_media_type');
      expectError(await send('{"name":', 'application/json'), 400, 'bad_request');
      expectError(await send("{'name': 'x'}", 'application/json'), 400, 'bad_request');
      expectError(await send('', 'application/json'), 400, 'bad_request');
      expectError(await send('  \n', 'application/json'), 400, 'bad_request');
      for (const notAnObject of ['[]', 'null', '"text"', '42', 'true']) {
        expectInvalid(await send(notAnObject, 'application/json'), ['']);
      }
    }
  });

  it('answers 404 with an error body for unknown API paths and methods', async () => {
    expectError(await t().api('GET', '/nothing-here'), 404, 'not_found');
    expectError(await t().api('DELETE', '/clients'), 404, 'not_found');
    expectError(await t().api('PUT', '/settings', {}), 404, 'not_found');
    const post = await t().api('POST', '/no-such-thing', {});
    expectError(post, 404, 'not_found');
    expect(post.headers.get('set-cookie')).toBeNull();
  });

  it('refuses U+0000 in ids, queries and bodies with 422 (PostgreSQL text cannot store it)', async () => {
    await t().api('GET', '/me');
    const before = await databaseDigest(t());
    expectInvalid(await t().api('GET', '/clients/%00'), ['id']);
    expectInvalid(await t().api('POST', '/clients/cli%00x/archive'), ['id']);
    expectInvalid(await t().api('GET', '/clients?q=a%00b'), ['q']);
    expectInvalid(
      await t().api('POST', '/clients', { name: 'Acme', contacts: [{ name: 'A\u0000', email: 'a@b.test' }] }),
      ['contacts.0.name'],
    );
    expectInvalid(await t().api('PATCH', '/settings', { name: 'nul\u0000' }), ['name']);
    expect(await databaseDigest(t())).toEqual(before);
  });

  it('refuses forged cursors on every paged list with 422', async () => {
    const forged = ['[1e400,"x"]', '[1.5,"x"]', '[1e20,"x"]', '[-1,"x"]', '[1,"\\u0000"]', '[1,"x",3]', '{"a":1}'];
    for (const list of ['/clients', '/sites', '/contracts']) {
      for (const raw of forged) {
        expectInvalid(await t().api('GET', `${list}?cursor=${Buffer.from(raw).toString('base64url')}`), ['cursor']);
      }
    }
  });

  it('refuses ids that are too long with 422', async () => {
    expectInvalid(await t().api('GET', `/clients/${'a'.repeat(65)}`), ['id']);
  });
});
