import { notFound } from '../../errors.ts';
import type { Actor, Ctx } from '../context.ts';
import { requireRole } from '../shared/permissions.ts';
import { findPageRow, touchPage } from './page-rows.ts';

export async function removeStatusPageComponent(
  ctx: Ctx,
  actor: Actor,
  pageId: string,
  componentId: string,
): Promise<void> {
  requireRole(actor, 'admin', 'change status pages');
  await findPageRow(ctx.db, pageId);
  const nowMs = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const res = await trx
      .deleteFrom('status_page_components')
      .where('id', '=', componentId)
      .where('page_id', '=', pageId)
      .executeTakeFirst();
    if (Number(res.numDeletedRows) !== 1) throw notFound('Component');
    await touchPage(trx, pageId, nowMs);
  });
}
