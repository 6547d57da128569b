import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../../test/support/test-db.ts';
import { systemActor } from '../context.ts';
import { createClient } from './clients.ts';
import { addContact, listContacts, removeContact, updateContact } from './contacts.ts';
import type { Client } from './schemas.ts';

let t: TestDb;
let acme: Client;
beforeEach(async () => {
  t = await createTestDb();
  acme = await createClient(t.ctx, systemActor, { name: 'Acme', locale: 'es' });
});
afterEach(async () => {
  await t.close();
});

const add = (email: string, clientId = acme.id) => addContact(t.ctx, systemActor, clientId, { name: 'Someone', email });

describe('contacts', () => {
  it('are added with a lowercase e-mail and the client’s language by default', async () => {
    const contact = await addContact(t.ctx, systemActor, acme.id, { name: 'Lucía', email: ' Lucia@Acme.ES ' });
    expect(contact).toMatchObject({
      clientId: acme.id,
      email: 'lucia@acme.es',
      language: 'es',
      phone: null,
      isReportRecipient: true,
    });
  });

  it.each([
    ['the same e-mail', 'ops@acme.test'],
    ['the same e-mail in other case', 'OPS@Acme.Test'],
  ])('refuse %s twice for one client', async (_what, second) => {
    await add('ops@acme.test');
    await expect(add(second)).rejects.toMatchObject({ code: 'conflict', message: expect.stringMatching(/e-mail/) });
    expect(await listContacts(t.ctx, acme.id)).toHaveLength(1);
  });

  it('may share an e-mail across clients', async () => {
    const other = await createClient(t.ctx, systemActor, { name: 'Other' });
    await add('freelancer@example.com');
    expect((await add('freelancer@example.com', other.id)).clientId).toBe(other.id);
  });

  it('free their e-mail when removed', async () => {
    const first = await add('ops@acme.test');
    await removeContact(t.ctx, systemActor, acme.id, first.id);
    expect(await listContacts(t.ctx, acme.id)).toEqual([]);
    expect((await add('OPS@acme.test')).email).toBe('ops@acme.test');
    await expect(removeContact(t.ctx, systemActor, acme.id, first.id)).rejects.toMatchObject({ code: 'not_found' });
  });

  it('cannot take another contact’s e-mail on update', async () => {
    await add('ops@acme.test');
    const billing = await add('billing@acme.test');
    await expect(
      updateContact(t.ctx, systemActor, acme.id, billing.id, { email: 'Ops@acme.test' }),
    ).rejects.toMatchObject({ code: 'conflict' });
    const updated = await updateContact(t.ctx, systemActor, acme.id, billing.id, { phone: '+34 600 000 000' });
    expect(updated).toMatchObject({ email: 'billing@acme.test', phone: '+34 600 000 000' });
  });

  it('belong to their client: another client’s id does not reach them', async () => {
    const other = await createClient(t.ctx, systemActor, { name: 'Other' });
    const contact = await add('ops@acme.test');
    await expect(updateContact(t.ctx, systemActor, other.id, contact.id, { name: 'X' })).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(removeContact(t.ctx, systemActor, other.id, contact.id)).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(add('x@acme.test', 'cli_missing')).rejects.toMatchObject({ code: 'not_found' });
  });

  it.each([
    ['a bad e-mail', { name: 'A', email: 'not-an-email' }],
    ['an unknown language', { name: 'A', email: 'a@acme.test', language: 'pt' }],
    ['an empty name', { name: ' ', email: 'a@acme.test' }],
  ])('refuse %s', async (_what, input) => {
    await expect(addContact(t.ctx, systemActor, acme.id, input)).rejects.toMatchObject({ code: 'invalid' });
    expect(await listContacts(t.ctx, acme.id)).toEqual([]);
  });
});
