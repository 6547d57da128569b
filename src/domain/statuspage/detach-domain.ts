import { notFound } from '../../errors.ts';
import type { Actor, Ctx } from '../context.ts';
import { requireRole } from '../shared/permissions.ts';
import { normalizeHostname } from './hostname.ts';
import { findPageRow, touchPage } from './page-rows.ts';

export async function detachStatusPageDomain(ctx: Ctx, actor: Actor, pageId: string, host: string): Promise<void> {
  requireRole(actor, 'admin', 'change status pages');
  await findPageRow(ctx.db, pageId);
  const normalized = normalizeHostname(host);
  if (normalized === null) throw notFound('Domain');
  const nowMs = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const res = await trx
      .deleteFrom('status_page_domains')
      .where('host', '=', normalized)
      .where('page_id', '=', pageId)
      .executeTakeFirst();
    if (Number(res.numDeletedRows) !== 1) throw notFound('Domain');
    await touchPage(trx, pageId, nowMs);
  });
}
