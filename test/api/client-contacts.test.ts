import { describe, expect, it } from 'vitest';
import { contactDoc, listOf } from '../../src/http/api/doc-schemas.ts';
import { expectError, expectOk, makeClient, useTestApp } from './helpers.ts';

const t = useTestApp();

describe('client contacts', () => {
  it('adds, lists, updates and removes contacts', async () => {
    const client = await makeClient(t(), { locale: 'es' });
    const added = expectOk(
      await t().api('POST', `/clients/${client.id}/contacts`, {
        name: 'Lucía',
        email: 'lucia@cliente.es',
        phone: '+34 600',
      }),
      201,
      contactDoc,
    );
    expect(added).toMatchObject({ clientId: client.id, language: 'es', phone: '+34 600', isReportRecipient: true });
    const patched = expectOk(
      await t().api('PATCH', `/clients/${client.id}/contacts/${added.id}`, {
        isReportRecipient: false,
        language: 'en',
      }),
      200,
      contactDoc,
    );
    expect(patched).toMatchObject({ isReportRecipient: false, language: 'en', email: 'lucia@cliente.es' });
    const removed = await t().api('DELETE', `/clients/${client.id}/contacts/${added.id}`);
    expect(removed.status).toBe(204);
    const list = expectOk(await t().api('GET', `/clients/${client.id}/contacts`), 200, listOf(contactDoc));
    expect(list.data).toEqual([]);
    // The e-mail is free again once the contact is removed.
    expectOk(
      await t().api('POST', `/clients/${client.id}/contacts`, { name: 'L', email: 'lucia@cliente.es' }),
      201,
      contactDoc,
    );
  });

  it('refuses a duplicate contact e-mail for the same client, whatever its case (409)', async () => {
    const client = await makeClient(t());
    const other = await makeClient(t());
    const a = expectOk(
      await t().api('POST', `/clients/${client.id}/contacts`, { name: 'A', email: 'a@x.test' }),
      201,
      contactDoc,
    );
    const b = expectOk(
      await t().api('POST', `/clients/${client.id}/contacts`, { name: 'B', email: 'b@x.test' }),
      201,
      contactDoc,
    );
    expectError(
      await t().api('POST', `/clients/${client.id}/contacts`, { name: 'A2', email: ' A@X.test ' }),
      409,
      'conflict',
    );
    expectError(
      await t().api('PATCH', `/clients/${client.id}/contacts/${b.id}`, { email: 'a@x.test' }),
      409,
      'conflict',
    );
    // Another client may use the same address.
    expectOk(await t().api('POST', `/clients/${other.id}/contacts`, { name: 'A', email: 'a@x.test' }), 201, contactDoc);
    expect(a.email).toBe('a@x.test');
  });

  it('answers 404 for an unknown contact, or a contact of another client', async () => {
    const client = await makeClient(t());
    const other = await makeClient(t());
    const c = expectOk(
      await t().api('POST', `/clients/${client.id}/contacts`, { name: 'A', email: 'a@x.test' }),
      201,
      contactDoc,
    );
    expectError(await t().api('PATCH', `/clients/${client.id}/contacts/con_nope`, { name: 'B' }), 404, 'not_found');
    expectError(await t().api('PATCH', `/clients/${other.id}/contacts/${c.id}`, { name: 'B' }), 404, 'not_found');
    expectError(await t().api('DELETE', `/clients/${other.id}/contacts/${c.id}`), 404, 'not_found');
    expectError(await t().api('DELETE', `/clients/${client.id}/contacts/con_nope`), 404, 'not_found');
    expect((await t().api('DELETE', `/clients/${client.id}/contacts/${c.id}`)).status).toBe(204);
    expectError(await t().api('DELETE', `/clients/${client.id}/contacts/${c.id}`), 404, 'not_found');
  });
});
