import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/domain/context.ts';
import { createApiToken } from '../../src/domain/users/tokens.ts';
import { createUser } from '../../src/domain/users/users.ts';
import { errorSchema } from '../../src/http/api/doc-schemas.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { bodyFor, type IdPool, idFor, type JsonSchema } from './fuzz-arbitraries.ts';
import {
  API_ROUTES,
  databaseDigest,
  makeAddon,
  makeClient,
  makeContract,
  makeSite,
  makeUser,
  rawRequest,
  splitRoute,
  userIdOf,
} from './helpers.ts';
import { seedMonitoringWorld } from './monitoring-fixtures.ts';

// Property: whatever a signed-in caller sends to a write route, the server never fails (5xx), every
// error is a well-formed {"error":…} body, and a refused request leaves every row of every table as it was.

const RUNS_PER_ROUTE = 60;
const WRITE_ROUTES = API_ROUTES.filter((r) => !r.startsWith('GET '));

type Operation = { requestBody?: { content: { 'application/json': { schema: JsonSchema } } }; responses: object };
let paths: Record<string, Record<string, Operation>>;
// A fresh database per resource (clients, sites, …), not per route: one costs seconds on PostgreSQL.
// Each route still gets a world of its own, acting users included, so what one route's run changed
// cannot blunt the next.
let app: TestApp | undefined;
let appResource = '';
const resourceOf = (route: string) => /^\w+ \/([\w-]+)/.exec(route)?.[1] ?? '';

async function appFor(route: string): Promise<TestApp> {
  if (app && appResource === resourceOf(route)) return app;
  await app?.close();
  app = undefined;
  app = await createTestApp();
  appResource = resourceOf(route);
  return app;
}

beforeAll(async () => {
  const first = await appFor(WRITE_ROUTES[0] ?? '');
  paths = (await (await first.app.request('/api/v1/openapi.json')).json()).paths;
});
afterAll(async () => app?.close());

let worlds = 0;

/** A fresh owner, admin and technician with API tokens, made by the local operator (as the CLI would). */
async function makeActors(t: TestApp): Promise<TestApp['tokens']> {
  const n = ++worlds;
  const tokenFor = async (role: 'owner' | 'admin' | 'technician') => {
    const email = `fuzz-${role}-${n}@agency.test`;
    await createUser(t.ctx, systemActor, { email, password: 'fuzz-password-1', role });
    const { token } = await createApiToken(t.ctx, systemActor, { email, name: 'fuzz' });
    await t.api('GET', '/me', undefined, token); // records its first use now, not during the property
    return token;
  };
  return { owner: await tokenFor('owner'), admin: await tokenFor('admin'), technician: await tokenFor('technician') };
}

/** A small world with one record of every kind, plus archived and ended ones, created through the API. */
async function seedWorld(shared: TestApp): Promise<{ ids: IdPool; tokens: TestApp['tokens'] }> {
  const tokens = await makeActors(shared);
  const t: TestApp = {
    ...shared,
    tokens,
    api: (m, p, b, k) => shared.api(m, p, b, k === undefined ? tokens.owner : k),
  };
  // An earlier route's run may have archived the seeded plans the world's contracts are signed on.
  for (const code of ['basic', 'standard']) await t.api('POST', `/plans/${code}/restore`);
  const client = await makeClient(t, { contacts: [{ name: 'Ana', email: 'ana@client.test' }] });
  const archivedClient = await makeClient(t);
  await t.api('POST', `/clients/${archivedClient.id}/archive`);
  const endedClient = await makeClient(t);
  const site = await makeSite(t, client.id, { url: 'https://client.example.com' });
  const addon = await makeAddon(t);
  const archivedAddon = await makeAddon(t);
  await t.api('POST', `/addons/${archivedAddon.id}/archive`);
  const trial = await makeContract(t, client.id, { status: 'trial', addonIds: [addon.id] });
  const ended = await makeContract(t, endedClient.id, { planId: 'basic', startDate: '2026-01-15' });
  await t.api('POST', `/contracts/${ended.id}/end`);
  const plans = (await t.api('GET', '/plans')).body.data as Array<{ id: string; versionId: string }>;
  const contacts = (await t.api('GET', `/clients/${client.id}/contacts`)).body.data as Array<{ id: string }>;
  const extraUser = await makeUser(t, 'technician');
  const tokenRows = (await t.api('GET', '/tokens')).body.data as Array<{ id: string; userId: string }>;
  const ownerId = await userIdOf(t, t.tokens.owner);
  const ids: IdPool = {
    clients: [client.id, archivedClient.id, endedClient.id],
    contacts: contacts.map((c) => c.id),
    sites: [site.id],
    plans: plans.flatMap((p) => [p.id, p.versionId]),
    addons: [addon.id, archivedAddon.id],
    contracts: [trial.id, ended.id],
    users: [ownerId, await userIdOf(t, t.tokens.admin), await userIdOf(t, t.tokens.technician), extraUser.id],
    // The owner's own token stays out of reach: revoking it would end the run's coverage, not find a bug.
    tokens: tokenRows.filter((k) => k.userId !== ownerId).map((k) => k.id),
    ...(await seedMonitoringWorld(t, client.id, site.id)),
    calendars: ((await t.api('GET', '/sla/calendars')).body.data as Array<{ id: string }>).map((c) => c.id),
    policies: ((await t.api('GET', '/sla/policies')).body.data as Array<{ id: string }>).map((p) => p.id),
    dates: ['2026-12-25', '2026-01-01'],
  };
  return { ids, tokens };
}

/** Which id pool a path parameter draws from. */
function kindOf(path: string, param: string): string {
  if (param === 'contactId') return 'contacts';
  if (param === 'date') return 'dates';
  if (path.startsWith('/sla/calendars')) return 'calendars';
  if (path.startsWith('/sla/policies')) return 'policies';
  const top =
    /^\/(clients|sites|plans|addons|contracts|users|tokens|monitors|incidents|maintenance-windows|alert-channels)/;
  return top.exec(path)?.[1] ?? '';
}

function requestArb(path: string, op: Operation, ids: IdPool, tokens: TestApp['tokens']) {
  const params = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string);
  return fc.record({
    params: fc.tuple(...params.map((p) => idFor(kindOf(path, p), ids))),
    body: bodyFor(op.requestBody?.content['application/json'].schema, ids),
    token: fc.oneof(
      { weight: 6, arbitrary: fc.constant(tokens.owner) },
      { weight: 1, arbitrary: fc.constant(tokens.admin) },
      { weight: 1, arbitrary: fc.constant(tokens.technician) },
    ),
  });
}

describe('fuzzing every write route', () => {
  it('covers every write route of the OpenAPI document', () => {
    const documented = Object.entries(paths).flatMap(([path, ops]) =>
      Object.keys(ops)
        .filter((m) => m !== 'get')
        .map((m) => `${m.toUpperCase()} ${path}`),
    );
    expect(documented.sort()).toEqual([...WRITE_ROUTES].sort());
  });

  it.each(WRITE_ROUTES)('%s: no 5xx, well-formed errors, no partial write', async (route) => {
    const app = await appFor(route);
    const { method, path } = splitRoute(route);
    const op = paths[path]?.[method.toLowerCase()] as Operation;
    const successStatus = Object.keys(op.responses).find((s) => s.startsWith('2'));
    const { ids, tokens } = await seedWorld(app);
    let before = await databaseDigest(app);
    const statuses: Record<number, number> = {};

    await fc.assert(
      fc.asyncProperty(requestArb(path, op, ids, tokens), async ({ params, body, token }) => {
        let i = 0;
        const url = path.replace(/\{\w+\}/g, () => encodeURIComponent(params[i++] ?? ''));
        const res = await rawRequest(app, method, url, { ...body, token });
        statuses[res.status] = (statuses[res.status] ?? 0) + 1;
        const what = `${method} ${url} ${body.contentType} ${body.body?.slice(0, 300)} → ${res.status} ${JSON.stringify(res.body)}`;
        expect(res.status, what).toBeLessThan(500);
        if (res.status < 300) {
          expect(String(res.status), what).toBe(successStatus);
          before = await databaseDigest(app);
          return;
        }
        expect(errorSchema.safeParse(res.body).success, what).toBe(true);
        expect(await databaseDigest(app), what).toEqual(before);
      }),
      { numRuns: RUNS_PER_ROUTE },
    );
    // Not vacuous: some requests got past parsing and validation into the use case itself.
    const reachedUseCase = Object.keys(statuses).filter((s) => !['400', '401', '415', '422'].includes(s));
    expect(reachedUseCase.length, JSON.stringify(statuses)).toBeGreaterThan(0);
  });
});
