import { conflict } from '../../errors.ts';
import { isUniqueViolation } from '../../storage/database.ts';
import type { StatusPagesTable } from '../../storage/schema.ts';
import { findClientRow } from '../clients/find-client.ts';
import type { Actor, Ctx } from '../context.ts';
import { requireRole } from '../shared/permissions.ts';
import { parseInput } from '../shared/validation.ts';
import { slugTaken } from './create-page.ts';
import { findPageRow } from './page-rows.ts';
import { requirePlanFeature } from './plan-gate.ts';
import { type StatusPage, toStatusPage, updateStatusPageSchema } from './schemas.ts';

/** Title, address (slug), language, time zone, and publishing (which the client's plan must allow). */
export async function updateStatusPage(ctx: Ctx, actor: Actor, id: string, input: unknown): Promise<StatusPage> {
  requireRole(actor, 'admin', 'change status pages');
  const data = parseInput(updateStatusPageSchema, input);
  const row = await findPageRow(ctx.db, id);
  if (data.published === true && row.published === 0) {
    const client = await findClientRow(ctx.db, row.client_id);
    if (client.archived_at !== null) throw conflict('The client is archived; restore it before publishing its page');
    await requirePlanFeature(ctx.db, client, 'statusPage');
  }
  const changes: Partial<StatusPagesTable> = {
    ...(data.title !== undefined && { title: data.title }),
    ...(data.slug !== undefined && { slug: data.slug }),
    ...(data.language !== undefined && { language: data.language }),
    ...(data.timeZone !== undefined && { time_zone: data.timeZone }),
    ...(data.published !== undefined && { published: data.published ? 1 : 0 }),
  };
  if (Object.keys(changes).length === 0) return toStatusPage(row);
  const nowMs = ctx.clock.now();
  try {
    await ctx.db
      .updateTable('status_pages')
      .set({ ...changes, updated_at: nowMs })
      .where('id', '=', id)
      .where('archived_at', 'is', null)
      .execute();
  } catch (err) {
    if (isUniqueViolation(err) && data.slug) throw slugTaken(data.slug);
    throw err;
  }
  return toStatusPage(await findPageRow(ctx.db, id));
}
