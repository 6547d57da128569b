import { z } from 'zod';
import { notFound } from '../../errors.ts';
import { newId } from '../../ids.ts';
import type { AddonsTable } from '../../storage/schema.ts';
import { isoOrNull } from '../clients/schemas.ts';
import type { Actor, Ctx } from '../context.ts';
import { requireRole } from '../shared/permissions.ts';
import { currencySchema, moneyMinorSchema, nameSchema, parseInput } from '../shared/validation.ts';

const addonFields = {
  name: nameSchema,
  description: z.string().trim().max(2000),
  monthlyPriceMinor: moneyMinorSchema,
  annualPriceMinor: moneyMinorSchema,
  currency: currencySchema,
};
export const addonInputSchema = z.object({ ...addonFields, description: addonFields.description.default('') }).strict();
// Built from the fields, not from addonInputSchema: zod's partial() keeps defaults, so a PATCH
// without a description would have reset it to ''.
export const updateAddonSchema = z.object(addonFields).partial().strict();

export type Addon = z.output<typeof addonInputSchema> & { id: string; createdAt: string; archivedAt: string | null };

const toAddon = (r: AddonsTable): Addon => ({
  id: r.id,
  name: r.name,
  description: r.description,
  monthlyPriceMinor: r.monthly_price_minor,
  annualPriceMinor: r.annual_price_minor,
  currency: r.currency,
  createdAt: new Date(r.created_at).toISOString(),
  archivedAt: isoOrNull(r.archived_at),
});

export async function listAddons(ctx: Ctx): Promise<Addon[]> {
  const rows = await ctx.db.selectFrom('addons').selectAll().orderBy('created_at').orderBy('id').execute();
  return rows.map(toAddon);
}

export async function getAddon(ctx: Ctx, id: string): Promise<Addon> {
  const row = await ctx.db.selectFrom('addons').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Add-on');
  return toAddon(row);
}

export async function createAddon(ctx: Ctx, actor: Actor, input: unknown): Promise<Addon> {
  requireRole(actor, 'admin', 'change plans and add-ons');
  const data = parseInput(addonInputSchema, input);
  const row: AddonsTable = {
    id: newId('add'),
    name: data.name,
    description: data.description,
    monthly_price_minor: data.monthlyPriceMinor,
    annual_price_minor: data.annualPriceMinor,
    currency: data.currency,
    created_at: ctx.clock.now(),
    archived_at: null,
  };
  await ctx.db.insertInto('addons').values(row).execute();
  return toAddon(row);
}

/** Add-on prices can change freely: contracts reference the add-on, and billing snapshots prices on invoices. */
export async function updateAddon(ctx: Ctx, actor: Actor, id: string, input: unknown): Promise<Addon> {
  requireRole(actor, 'admin', 'change plans and add-ons');
  const patch = parseInput(updateAddonSchema, input);
  const current = await getAddon(ctx, id);
  const changes = {
    ...(patch.name !== undefined && { name: patch.name }),
    ...(patch.description !== undefined && { description: patch.description }),
    ...(patch.monthlyPriceMinor !== undefined && { monthly_price_minor: patch.monthlyPriceMinor }),
    ...(patch.annualPriceMinor !== undefined && { annual_price_minor: patch.annualPriceMinor }),
    ...(patch.currency !== undefined && { currency: patch.currency }),
  };
  // An empty patch changes nothing; an UPDATE with an empty SET list is not valid SQL.
  if (Object.keys(changes).length === 0) return current;
  await ctx.db.updateTable('addons').set(changes).where('id', '=', id).execute();
  return getAddon(ctx, id);
}

export async function setAddonArchived(ctx: Ctx, actor: Actor, id: string, archived: boolean): Promise<Addon> {
  requireRole(actor, 'admin', 'change plans and add-ons');
  await getAddon(ctx, id);
  await ctx.db
    .updateTable('addons')
    .set({ archived_at: archived ? ctx.clock.now() : null })
    .where('id', '=', id)
    .execute();
  return getAddon(ctx, id);
}
