import { notFound } from '../../errors.ts';
import type { Actor, Ctx } from '../context.ts';
import { requireRole } from '../shared/permissions.ts';

/**
 * Takes a page down for good: it stops being served, its slug is free again, and its custom domains
 * are detached (so they can serve another page). Components stay, as a record of what it showed.
 */
export async function archiveStatusPage(ctx: Ctx, actor: Actor, id: string): Promise<void> {
  requireRole(actor, 'admin', 'archive status pages');
  const nowMs = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const res = await trx
      .updateTable('status_pages')
      .set({ archived_at: nowMs, updated_at: nowMs, published: 0 })
      .where('id', '=', id)
      .where('archived_at', 'is', null)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw notFound('Status page');
    await trx.deleteFrom('status_page_domains').where('page_id', '=', id).execute();
  });
}
