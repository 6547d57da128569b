import { conflict } from '../../errors.ts';
import { newId } from '../../ids.ts';
import { isUniqueViolation } from '../../storage/database.ts';
import type { ClientsTable } from '../../storage/schema.ts';
import { getAgencySettings } from '../agency/settings.ts';
import type { Actor, Ctx } from '../context.ts';
import { decodeCursor, type Page, pageQuerySchema, toPage } from '../shared/pagination.ts';
import { parseInput } from '../shared/validation.ts';
import { contactRow } from './contacts.ts';
import { findClientRow } from './find-client.ts';
import { type Client, createClientSchema, listClientsQuerySchema, toClient, updateClientSchema } from './schemas.ts';

export async function getClient(ctx: Ctx, id: string): Promise<Client> {
  return toClient(await findClientRow(ctx.db, id));
}

/** New clients inherit the agency's locale, time zone and currency unless given. */
export async function createClient(ctx: Ctx, _actor: Actor, input: unknown): Promise<Client> {
  const data = parseInput(createClientSchema, input);
  const agency = await getAgencySettings(ctx);
  const nowMs = ctx.clock.now();
  const row: ClientsTable = {
    id: newId('cli'),
    name: data.name,
    locale: data.locale ?? agency.locale,
    time_zone: data.timeZone ?? agency.timeZone,
    currency: data.currency ?? agency.defaultCurrency,
    notes: data.notes ?? '',
    created_at: nowMs,
    updated_at: nowMs,
    archived_at: null,
  };
  try {
    await ctx.db.transaction().execute(async (trx) => {
      await trx.insertInto('clients').values(row).execute();
      for (const c of data.contacts ?? []) {
        await trx
          .insertInto('client_contacts')
          .values(contactRow(row.id, row.locale, c, nowMs))
          .execute();
      }
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict('Two contacts of this client have the same e-mail address');
    throw err;
  }
  return toClient(row);
}

export async function listClients(ctx: Ctx, query: unknown = {}): Promise<Page<Client>> {
  const { limit, cursor } = parseInput(pageQuerySchema, query);
  const { q, archived } = parseInput(listClientsQuerySchema, query);
  const after = decodeCursor(cursor);
  let sel = ctx.db.selectFrom('clients').selectAll();
  if (archived === 'false') sel = sel.where('archived_at', 'is', null);
  if (archived === 'true') sel = sel.where('archived_at', 'is not', null);
  if (q) sel = sel.where((eb) => eb(eb.fn('lower', ['name']), 'like', `%${escapeLike(q.toLowerCase())}%`));
  if (after) {
    sel = sel.where((eb) =>
      eb.or([
        eb('created_at', '>', after.createdAt),
        eb.and([eb('created_at', '=', after.createdAt), eb('id', '>', after.id)]),
      ]),
    );
  }
  const rows = await sel
    .orderBy('created_at')
    .orderBy('id')
    .limit(limit + 1)
    .execute();
  return toPage(rows, limit, toClient);
}

/** LIKE wildcards are dropped from a user's search text, so a search is always a plain substring match. */
export function escapeLike(text: string): string {
  return text.replace(/[%_\\]/g, '');
}

export async function updateClient(ctx: Ctx, _actor: Actor, id: string, input: unknown): Promise<Client> {
  const patch = parseInput(updateClientSchema, input);
  await findClientRow(ctx.db, id);
  await ctx.db
    .updateTable('clients')
    .set({
      ...(patch.name !== undefined && { name: patch.name }),
      ...(patch.locale !== undefined && { locale: patch.locale }),
      ...(patch.timeZone !== undefined && { time_zone: patch.timeZone }),
      ...(patch.currency !== undefined && { currency: patch.currency }),
      ...(patch.notes !== undefined && { notes: patch.notes }),
      updated_at: ctx.clock.now(),
    })
    .where('id', '=', id)
    .execute();
  return getClient(ctx, id);
}

/** Archiving hides a client from lists; it keeps its history. A client with a live contract cannot be archived. */
export async function setClientArchived(ctx: Ctx, _actor: Actor, id: string, archived: boolean): Promise<Client> {
  await findClientRow(ctx.db, id);
  if (archived) {
    const live = await ctx.db
      .selectFrom('contracts')
      .select('id')
      .where('client_id', '=', id)
      .where('status', '<>', 'ended')
      .executeTakeFirst();
    if (live) throw conflict('The client has a live contract; end it before archiving the client');
  }
  const nowMs = ctx.clock.now();
  await ctx.db
    .updateTable('clients')
    .set({ archived_at: archived ? nowMs : null, updated_at: nowMs })
    .where('id', '=', id)
    .execute();
  return getClient(ctx, id);
}
