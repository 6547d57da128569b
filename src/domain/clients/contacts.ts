import type { z } from 'zod';
import { conflict, notFound } from '../../errors.ts';
import { newId } from '../../ids.ts';
import { isUniqueViolation } from '../../storage/database.ts';
import type { ClientContactsTable } from '../../storage/schema.ts';
import type { Actor, Ctx } from '../context.ts';
import { parseInput } from '../shared/validation.ts';
import { findClientRow } from './find-client.ts';
import { type Contact, contactInputSchema, toContact, updateContactSchema } from './schemas.ts';

export function contactRow(
  clientId: string,
  clientLocale: string,
  c: z.output<typeof contactInputSchema>,
  nowMs: number,
): ClientContactsTable {
  return {
    id: newId('con'),
    client_id: clientId,
    name: c.name,
    email: c.email,
    language: c.language ?? clientLocale,
    phone: c.phone ?? null,
    is_report_recipient: c.isReportRecipient === false ? 0 : 1,
    created_at: nowMs,
    archived_at: null,
    portal_password_hash: null,
    portal_invited_at: null,
    portal_last_sign_in_at: null,
  };
}

const duplicateEmail = (email: string) => conflict(`This client already has a contact with the e-mail ${email}`);

export async function listContacts(ctx: Ctx, clientId: string): Promise<Contact[]> {
  await findClientRow(ctx.db, clientId);
  const rows = await ctx.db
    .selectFrom('client_contacts')
    .selectAll()
    .where('client_id', '=', clientId)
    .where('archived_at', 'is', null)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map(toContact);
}

export async function addContact(ctx: Ctx, _actor: Actor, clientId: string, input: unknown): Promise<Contact> {
  const data = parseInput(contactInputSchema, input);
  const client = await findClientRow(ctx.db, clientId);
  const row = contactRow(client.id, client.locale, data, ctx.clock.now());
  try {
    await ctx.db.insertInto('client_contacts').values(row).execute();
  } catch (err) {
    if (isUniqueViolation(err)) throw duplicateEmail(data.email);
    throw err;
  }
  return toContact(row);
}

async function findContact(ctx: Ctx, clientId: string, contactId: string): Promise<ClientContactsTable> {
  const row = await ctx.db
    .selectFrom('client_contacts')
    .selectAll()
    .where('id', '=', contactId)
    .where('client_id', '=', clientId)
    .where('archived_at', 'is', null)
    .executeTakeFirst();
  if (!row) throw notFound('Contact');
  return row;
}

export async function updateContact(
  ctx: Ctx,
  _actor: Actor,
  clientId: string,
  contactId: string,
  input: unknown,
): Promise<Contact> {
  const patch = parseInput(updateContactSchema, input);
  const current = await findContact(ctx, clientId, contactId);
  const changes = {
    ...(patch.name !== undefined && { name: patch.name }),
    ...(patch.email !== undefined && { email: patch.email }),
    ...(patch.language !== undefined && { language: patch.language }),
    ...(patch.phone !== undefined && { phone: patch.phone }),
    ...(patch.isReportRecipient !== undefined && { is_report_recipient: patch.isReportRecipient ? 1 : 0 }),
  };
  // An empty patch changes nothing; an UPDATE with an empty SET list is not valid SQL.
  if (Object.keys(changes).length === 0) return toContact(current);
  try {
    await ctx.db.updateTable('client_contacts').set(changes).where('id', '=', contactId).execute();
  } catch (err) {
    if (isUniqueViolation(err)) throw duplicateEmail(patch.email ?? '');
    throw err;
  }
  return toContact(await findContact(ctx, clientId, contactId));
}

export async function removeContact(ctx: Ctx, _actor: Actor, clientId: string, contactId: string): Promise<void> {
  await findContact(ctx, clientId, contactId);
  await ctx.db
    .updateTable('client_contacts')
    .set({ archived_at: ctx.clock.now() })
    .where('id', '=', contactId)
    .where('archived_at', 'is', null)
    .execute();
}
