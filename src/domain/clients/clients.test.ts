import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../../test/support/test-db.ts';
import { updateAgencySettings } from '../agency/settings.ts';
import { systemActor } from '../context.ts';
import { createContract, endContract } from '../contracts/change-contracts.ts';
import { createClient, getClient, listClients, setClientArchived, updateClient } from './clients.ts';
import { listContacts } from './contacts.ts';

let t: TestDb;
beforeEach(async () => {
  t = await createTestDb();
});
afterEach(async () => {
  await t.close();
});

const count = async (table: 'clients' | 'client_contacts') =>
  Number(
    (
      await t.ctx.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('createClient', () => {
  it('inherits the agency’s locale, time zone and currency unless given', async () => {
    await updateAgencySettings(t.ctx, systemActor, { locale: 'es', timeZone: 'Europe/Madrid', defaultCurrency: 'EUR' });
    const inherited = await createClient(t.ctx, systemActor, { name: 'Panadería Sol' });
    expect(inherited).toMatchObject({ locale: 'es', timeZone: 'Europe/Madrid', currency: 'EUR', notes: '' });
    const own = await createClient(t.ctx, systemActor, {
      name: 'Acme Inc',
      locale: 'en',
      timeZone: 'America/New_York',
      currency: 'USD',
    });
    expect(own).toMatchObject({ locale: 'en', timeZone: 'America/New_York', currency: 'USD' });
    expect(await getClient(t.ctx, own.id)).toEqual(own);
  });

  it('stores its contacts, e-mails lowercased, language defaulting to the client’s locale', async () => {
    const client = await createClient(t.ctx, systemActor, {
      name: 'Acme',
      locale: 'fr',
      contacts: [
        { name: 'Zoé', email: 'Zoe@Acme.FR' },
        { name: 'Max', email: 'max@acme.fr', language: 'de', isReportRecipient: false },
      ],
    });
    // Contacts created together share a creation time, so compare them in a fixed order.
    const contacts = (await listContacts(t.ctx, client.id)).sort((a, b) => a.email.localeCompare(b.email));
    expect(contacts.map((c) => [c.email, c.language, c.isReportRecipient])).toEqual([
      ['max@acme.fr', 'de', false],
      ['zoe@acme.fr', 'fr', true],
    ]);
  });

  it.each([
    [
      'a contact with a bad e-mail',
      {
        contacts: [
          { name: 'A', email: 'a@acme.test' },
          { name: 'B', email: 'nope' },
        ],
      },
    ],
    ['a contact without a name', { contacts: [{ email: 'a@acme.test' }] }],
    ['an unknown language', { contacts: [{ name: 'A', email: 'a@acme.test', language: 'xx' }] }],
    ['an unknown time zone', { timeZone: 'Mars/Base' }],
    ['a lowercase currency', { currency: 'eur' }],
    ['an unknown field', { vip: true }],
  ])('writes nothing when given %s', async (_what, extra) => {
    await expect(createClient(t.ctx, systemActor, { name: 'Acme', ...extra })).rejects.toMatchObject({
      code: 'invalid',
    });
    expect(await count('clients')).toBe(0);
    expect(await count('client_contacts')).toBe(0);
  });

  it('writes nothing when two of its contacts share an e-mail, whatever the case', async () => {
    const input = {
      name: 'Acme',
      contacts: [
        { name: 'Ann', email: 'ann@acme.test' },
        { name: 'Ann again', email: 'ANN@acme.test' },
      ],
    };
    await expect(createClient(t.ctx, systemActor, input)).rejects.toMatchObject({ code: 'conflict' });
    expect(await count('clients')).toBe(0);
    expect(await count('client_contacts')).toBe(0);
  });
});

describe('updateClient and archiving', () => {
  it('changes only the fields given', async () => {
    const client = await createClient(t.ctx, systemActor, { name: 'Acme', notes: 'pays late' });
    t.clock.advance(1_000);
    const updated = await updateClient(t.ctx, systemActor, client.id, { timeZone: 'Pacific/Kiritimati' });
    expect(updated).toMatchObject({ name: 'Acme', notes: 'pays late', timeZone: 'Pacific/Kiritimati' });
    expect(updated.updatedAt).toBe(new Date(t.clock.now()).toISOString());
    await expect(updateClient(t.ctx, systemActor, client.id, { timeZone: 'Nowhere' })).rejects.toMatchObject({
      code: 'invalid',
    });
    await expect(updateClient(t.ctx, systemActor, 'cli_missing', { name: 'X' })).rejects.toMatchObject({
      code: 'not_found',
    });
  });

  it('refuses to archive a client with a live contract', async () => {
    const client = await createClient(t.ctx, systemActor, { name: 'Acme' });
    const contract = await createContract(t.ctx, systemActor, { clientId: client.id, planId: 'basic' });
    await expect(setClientArchived(t.ctx, systemActor, client.id, true)).rejects.toMatchObject({ code: 'conflict' });
    await endContract(t.ctx, systemActor, contract.id);
    expect((await setClientArchived(t.ctx, systemActor, client.id, true)).archivedAt).not.toBeNull();
    expect((await listClients(t.ctx)).data).toEqual([]);
    expect((await listClients(t.ctx, { archived: 'true' })).data.map((c) => c.id)).toEqual([client.id]);
  });
});

describe('listClients', () => {
  it('pages through every client exactly once, even when they share a creation time', async () => {
    const created = [];
    for (let i = 0; i < 7; i++) created.push(await createClient(t.ctx, systemActor, { name: `Client ${i}` }));
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await listClients(t.ctx, { limit: '3', ...(cursor ? { cursor } : {}) });
      seen.push(...page.data.map((c) => c.id));
      cursor = page.nextCursor ?? undefined;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen.sort()).toEqual(created.map((c) => c.id).sort());
  });

  it('searches names case-insensitively, treating % and _ as plain text', async () => {
    await createClient(t.ctx, systemActor, { name: 'Öko Bäckerei' });
    await createClient(t.ctx, systemActor, { name: 'Acme 100% Digital' });
    await createClient(t.ctx, systemActor, { name: 'Other' });
    expect((await listClients(t.ctx, { q: 'bäck' })).data.map((c) => c.name)).toEqual(['Öko Bäckerei']);
    expect((await listClients(t.ctx, { q: 'ÖKO' })).data.map((c) => c.name)).toEqual(['Öko Bäckerei']);
    expect((await listClients(t.ctx, { q: 'acme' })).data.map((c) => c.name)).toEqual(['Acme 100% Digital']);
  });

  it('refuses a forged cursor', async () => {
    await expect(listClients(t.ctx, { cursor: 'forged' })).rejects.toMatchObject({ code: 'invalid' });
  });
});
