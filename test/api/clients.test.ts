import { describe, expect, it } from 'vitest';
import { agencySettingsDoc, clientDoc, contactDoc, listOf, pageOf } from '../../src/http/api/doc-schemas.ts';
import {
  collectPages,
  databaseDigest,
  expectError,
  expectInvalid,
  expectOk,
  makeClient,
  makeContract,
  useTestApp,
} from './helpers.ts';

const t = useTestApp();

describe('clients', () => {
  it('creates a client with its contacts; defaults come from the agency settings', async () => {
    const settings = await t().api('PATCH', '/settings', {
      locale: 'de',
      timeZone: 'Europe/Berlin',
      defaultCurrency: 'CHF',
    });
    expectOk(settings, 200, agencySettingsDoc);
    const res = await t().api('POST', '/clients', {
      name: '  Bäckerei Müller  ',
      contacts: [{ name: 'Anna', email: 'Anna@Mueller.DE' }],
    });
    const client = expectOk(res, 201, clientDoc);
    expect(client).toMatchObject({
      name: 'Bäckerei Müller',
      locale: 'de',
      timeZone: 'Europe/Berlin',
      currency: 'CHF',
      notes: '',
      archivedAt: null,
      createdAt: '2026-03-02T09:00:00.000Z',
    });
    const contacts = expectOk(await t().api('GET', `/clients/${client.id}/contacts`), 200, listOf(contactDoc));
    expect(contacts.data).toEqual([
      expect.objectContaining({ name: 'Anna', email: 'anna@mueller.de', language: 'de', isReportRecipient: true }),
    ]);
  });

  it('explicit locale, time zone and currency win over the agency defaults', async () => {
    const res = await t().api('POST', '/clients', {
      name: 'Acme',
      locale: 'fr',
      timeZone: 'Europe/Paris',
      currency: 'USD',
    });
    expect(expectOk(res, 201, clientDoc)).toMatchObject({ locale: 'fr', timeZone: 'Europe/Paris', currency: 'USD' });
  });

  it('gets, updates, archives and restores a client; technicians may do this', async () => {
    const tech = t().tokens.technician;
    const created = expectOk(await t().api('POST', '/clients', { name: 'Acme' }, tech), 201, clientDoc);
    expect(expectOk(await t().api('GET', `/clients/${created.id}`, undefined, tech), 200, clientDoc)).toEqual(created);
    t().clock.advance(60_000);
    const updated = expectOk(
      await t().api('PATCH', `/clients/${created.id}`, { name: 'Acme Ltd', notes: 'VIP' }, tech),
      200,
      clientDoc,
    );
    expect(updated).toMatchObject({ name: 'Acme Ltd', notes: 'VIP', updatedAt: '2026-03-02T09:01:00.000Z' });
    const archived = expectOk(await t().api('POST', `/clients/${created.id}/archive`), 200, clientDoc);
    expect(archived.archivedAt).toBe('2026-03-02T09:01:00.000Z');
    const restored = expectOk(await t().api('POST', `/clients/${created.id}/restore`), 200, clientDoc);
    expect(restored.archivedAt).toBeNull();
  });

  it('answers 404 for unknown client ids on every client route', async () => {
    const id = 'cli_doesnotexist';
    expectError(await t().api('GET', `/clients/${id}`), 404, 'not_found');
    expectError(await t().api('PATCH', `/clients/${id}`, { name: 'X' }), 404, 'not_found');
    expectError(await t().api('POST', `/clients/${id}/archive`), 404, 'not_found');
    expectError(await t().api('POST', `/clients/${id}/restore`), 404, 'not_found');
    expectError(await t().api('GET', `/clients/${id}/contacts`), 404, 'not_found');
    expectError(await t().api('POST', `/clients/${id}/contacts`, { name: 'A', email: 'a@b.de' }), 404, 'not_found');
  });

  it('refuses invalid values with 422 and details per path', async () => {
    expectInvalid(await t().api('POST', '/clients', { name: '', currency: 'euro', timeZone: 'Mars/Olympus' }), [
      'name',
      'currency',
      'timeZone',
    ]);
    expectInvalid(await t().api('POST', '/clients', { name: 'A', contacts: [{ name: 'B', email: 'nope' }] }), [
      'contacts.0.email',
    ]);
    expectInvalid(await t().api('POST', '/clients', { name: 'A', unknownField: 1 }), ['']);
    const client = await makeClient(t());
    expectInvalid(await t().api('PATCH', `/clients/${client.id}`, { locale: 'xx' }), ['locale']);
  });

  it('refuses to archive a client with a live contract (409), and allows it once the contract ended', async () => {
    const client = await makeClient(t());
    const contract = await makeContract(t(), client.id);
    expectError(await t().api('POST', `/clients/${client.id}/archive`), 409, 'conflict');
    expectOk(await t().api('GET', `/clients/${client.id}`), 200, clientDoc);
    await t().api('POST', `/contracts/${contract.id}/end`);
    expect(expectOk(await t().api('POST', `/clients/${client.id}/archive`), 200, clientDoc).archivedAt).not.toBeNull();
  });

  it('refuses two inline contacts with the same e-mail (409) and creates nothing', async () => {
    await t().api('GET', '/me'); // records the token's first use, which is a legitimate write
    const before = await databaseDigest(t());
    const res = await t().api('POST', '/clients', {
      name: 'Twins',
      contacts: [
        { name: 'A', email: 'same@twins.test' },
        { name: 'B', email: 'SAME@twins.test' },
      ],
    });
    expectError(res, 409, 'conflict');
    expect(await databaseDigest(t())).toEqual(before);
  });
});

describe('listing clients', () => {
  it('pages through 7 clients with limit=3, without duplicates or gaps', async () => {
    const created: string[] = [];
    for (let i = 0; i < 7; i++) {
      created.push((await makeClient(t(), { name: `Paged ${i}` })).id);
      // Some share a creation instant (then ordered by id), some do not: the cursor must handle both.
      if (i % 3 === 2) t().clock.advance(1);
    }
    const first = expectOk(await t().api('GET', '/clients?limit=3'), 200, pageOf(clientDoc));
    expect(first.data).toHaveLength(3);
    expect(first.nextCursor).not.toBeNull();
    const { items, pages } = await collectPages<{ id: string; createdAt: string }>(t(), '/clients', 3);
    expect(pages).toBe(3);
    expect(items.map((c) => c.id).sort()).toEqual([...created].sort());
    const keys = items.map((c) => `${c.createdAt}|${c.id}`);
    expect(keys).toEqual([...keys].sort());
  });

  it('filters by name case-insensitively, including non-ASCII letters', async () => {
    await makeClient(t(), { name: 'ACME Widgets' });
    await makeClient(t(), { name: 'Öko Bau GmbH' });
    await makeClient(t(), { name: 'Other' });
    const byQ = async (q: string) =>
      expectOk(await t().api('GET', `/clients?q=${encodeURIComponent(q)}`), 200, pageOf(clientDoc)).data.map(
        (c) => c.name,
      );
    expect(await byQ('acme')).toEqual(['ACME Widgets']);
    expect(await byQ('wIDGET')).toEqual(['ACME Widgets']);
    expect(await byQ('öko')).toEqual(['Öko Bau GmbH']);
    expect(await byQ('ÖKO BAU')).toEqual(['Öko Bau GmbH']);
    // LIKE wildcards in the search text are not wildcards.
    expect(await byQ('A_ME')).toEqual([]);
    expect(await byQ('%')).toHaveLength(3);
    expect(await byQ('nothing')).toEqual([]);
  });

  it('filters by archived state', async () => {
    const live = await makeClient(t(), { name: 'Live' });
    t().clock.advance(1);
    const gone = await makeClient(t(), { name: 'Gone' });
    await t().api('POST', `/clients/${gone.id}/archive`);
    const ids = async (query: string) =>
      expectOk(await t().api('GET', `/clients${query}`), 200, pageOf(clientDoc)).data.map((c) => c.id);
    expect(await ids('')).toEqual([live.id]);
    expect(await ids('?archived=false')).toEqual([live.id]);
    expect(await ids('?archived=true')).toEqual([gone.id]);
    expect(await ids('?archived=all')).toEqual([live.id, gone.id]);
  });

  it('refuses an invalid cursor, limit or filter with 422', async () => {
    expectInvalid(await t().api('GET', '/clients?cursor=not-a-cursor'), ['cursor']);
    expectError(await t().api('GET', `/clients?cursor=${Buffer.from('[1]').toString('base64url')}`), 422, 'invalid');
    expectInvalid(await t().api('GET', '/clients?limit=0'), ['limit']);
    expectInvalid(await t().api('GET', '/clients?limit=abc'), ['limit']);
    expectInvalid(await t().api('GET', '/clients?limit=201'), ['limit']);
    expectInvalid(await t().api('GET', '/clients?archived=maybe'), ['archived']);
  });
});
