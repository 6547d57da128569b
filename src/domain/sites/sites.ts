import { z } from 'zod';
import { conflict, notFound } from '../../errors.ts';
import { newId } from '../../ids.ts';
import { isUniqueViolation } from '../../storage/database.ts';
import type { Executor, SitesTable } from '../../storage/schema.ts';
import { escapeLike } from '../clients/clients.ts';
import { findClientRow } from '../clients/find-client.ts';
import { isoOrNull } from '../clients/schemas.ts';
import type { Actor, Ctx } from '../context.ts';
import { livePlansByClient, type SitePlan } from '../contracts/live-plan.ts';
import { decodeCursor, type Page, pageQuerySchema, toPage } from '../shared/pagination.ts';
import { nameSchema, parseInput } from '../shared/validation.ts';
import { normalizeSiteUrl } from './normalize-url.ts';

export const CMS_KINDS = ['wordpress', 'joomla', 'drupal', 'other'] as const;

const siteUrlSchema = z.string().transform((value, zctx) => {
  const result = normalizeSiteUrl(value);
  if (!result.ok) {
    zctx.addIssue({ code: 'custom', message: result.reason });
    return z.NEVER;
  }
  return result.url;
});

export const createSiteSchema = z
  .object({
    clientId: z.string().min(1).max(64),
    url: siteUrlSchema,
    name: nameSchema.optional(),
    cms: z.enum(CMS_KINDS).default('other'),
  })
  .strict();

export const updateSiteSchema = z
  .object({ url: siteUrlSchema, name: nameSchema, cms: z.enum(CMS_KINDS) })
  .partial()
  .strict();

export const listSitesQuerySchema = z.object({
  clientId: z.string().max(64).optional(),
  cms: z.enum(CMS_KINDS).optional(),
  q: z.string().max(200).optional(),
  archived: z.enum(['true', 'false', 'all']).default('false'),
});

export type Site = {
  id: string;
  clientId: string;
  name: string;
  url: string;
  cms: SitesTable['cms'];
  /** Derived from the client's live contract; null when the client has none. */
  plan: SitePlan | null;
  createdAt: string;
  updatedAt: string;
  archivedAt: string | null;
};

function toSite(r: SitesTable, plan: SitePlan | null): Site {
  return {
    id: r.id,
    clientId: r.client_id,
    name: r.name,
    url: r.url,
    cms: r.cms,
    plan,
    createdAt: new Date(r.created_at).toISOString(),
    updatedAt: new Date(r.updated_at).toISOString(),
    archivedAt: isoOrNull(r.archived_at),
  };
}

async function withPlans(db: Executor, rows: SitesTable[]): Promise<Site[]> {
  const plans = await livePlansByClient(db, [...new Set(rows.map((r) => r.client_id))]);
  return rows.map((r) => toSite(r, plans.get(r.client_id) ?? null));
}

const duplicateUrl = (url: string) => conflict(`This client already has a site at ${url}`);

export async function getSite(ctx: Ctx, id: string): Promise<Site> {
  const row = await ctx.db.selectFrom('sites').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Site');
  const [site] = await withPlans(ctx.db, [row]);
  return site as Site;
}

export async function createSite(ctx: Ctx, _actor: Actor, input: unknown): Promise<Site> {
  const data = parseInput(createSiteSchema, input);
  const client = await findClientRow(ctx.db, data.clientId).catch(() => {
    throw notFound('Client');
  });
  if (client.archived_at !== null) throw conflict('The client is archived; restore it before adding sites');
  const nowMs = ctx.clock.now();
  const row: SitesTable = {
    id: newId('site'),
    client_id: client.id,
    name: data.name ?? new URL(data.url).hostname,
    url: data.url,
    cms: data.cms,
    created_at: nowMs,
    updated_at: nowMs,
    archived_at: null,
  };
  try {
    await ctx.db.insertInto('sites').values(row).execute();
  } catch (err) {
    if (isUniqueViolation(err)) throw duplicateUrl(data.url);
    throw err;
  }
  return getSite(ctx, row.id);
}

export async function listSites(ctx: Ctx, query: unknown = {}): Promise<Page<Site>> {
  const { limit, cursor } = parseInput(pageQuerySchema, query);
  const f = parseInput(listSitesQuerySchema, query);
  const after = decodeCursor(cursor);
  let sel = ctx.db.selectFrom('sites').selectAll();
  if (f.clientId) sel = sel.where('client_id', '=', f.clientId);
  if (f.cms) sel = sel.where('cms', '=', f.cms);
  if (f.archived === 'false') sel = sel.where('archived_at', 'is', null);
  if (f.archived === 'true') sel = sel.where('archived_at', 'is not', null);
  if (f.q) {
    const pattern = `%${escapeLike(f.q.toLowerCase())}%`;
    sel = sel.where((eb) =>
      eb.or([eb(eb.fn('lower', ['name']), 'like', pattern), eb(eb.fn('lower', ['url']), 'like', pattern)]),
    );
  }
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
  const page = toPage(rows, limit, (r) => r);
  return { data: await withPlans(ctx.db, page.data), nextCursor: page.nextCursor };
}

export async function updateSite(ctx: Ctx, _actor: Actor, id: string, input: unknown): Promise<Site> {
  const patch = parseInput(updateSiteSchema, input);
  await getSite(ctx, id);
  try {
    await ctx.db
      .updateTable('sites')
      .set({
        ...(patch.url !== undefined && { url: patch.url }),
        ...(patch.name !== undefined && { name: patch.name }),
        ...(patch.cms !== undefined && { cms: patch.cms }),
        updated_at: ctx.clock.now(),
      })
      .where('id', '=', id)
      .execute();
  } catch (err) {
    if (isUniqueViolation(err)) throw duplicateUrl(patch.url ?? '');
    throw err;
  }
  return getSite(ctx, id);
}

export async function setSiteArchived(ctx: Ctx, _actor: Actor, id: string, archived: boolean): Promise<Site> {
  const site = await getSite(ctx, id);
  try {
    await ctx.db
      .updateTable('sites')
      .set({ archived_at: archived ? ctx.clock.now() : null, updated_at: ctx.clock.now() })
      .where('id', '=', id)
      .execute();
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict(`Another live site of this client already uses ${site.url}`);
    throw err;
  }
  return getSite(ctx, id);
}
