import { z } from 'zod';
import { conflict } from '../../errors.ts';
import { isUniqueViolation } from '../../storage/database.ts';
import type { Actor, Ctx } from '../context.ts';
import { requireRole } from '../shared/permissions.ts';
import { parseInput } from '../shared/validation.ts';
import { hostnameSchema } from './hostname.ts';
import { findPageRow, touchPage } from './page-rows.ts';

export const attachDomainSchema = z.object({ host: hostnameSchema }).strict();

export type StatusPageDomain = { host: string; pageId: string; createdAt: string };

/**
 * Serves the page on a custom domain (the client points a CNAME at Steward). A host serves one
 * page: attaching one that is already attached, here or elsewhere, is refused.
 */
export async function attachStatusPageDomain(
  ctx: Ctx,
  actor: Actor,
  pageId: string,
  input: unknown,
): Promise<StatusPageDomain> {
  requireRole(actor, 'admin', 'change status pages');
  const { host } = parseInput(attachDomainSchema, input);
  await findPageRow(ctx.db, pageId);
  const nowMs = ctx.clock.now();
  try {
    await ctx.db.transaction().execute(async (trx) => {
      await trx.insertInto('status_page_domains').values({ host, page_id: pageId, created_at: nowMs }).execute();
      await touchPage(trx, pageId, nowMs);
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict(`${host} is already attached to a status page; detach it there first`);
    throw err;
  }
  return { host, pageId, createdAt: new Date(nowMs).toISOString() };
}
