import { notFound } from '../../errors.ts';
import type { Executor, StatusPageComponentsTable } from '../../storage/schema.ts';
import type { Actor, Ctx } from '../context.ts';
import { requireRole } from '../shared/permissions.ts';
import { parseInput } from '../shared/validation.ts';
import { groupOrNull, type StatusPageComponent, toComponent, updateComponentSchema } from './component-schemas.ts';
import { findPageRow, touchPage } from './page-rows.ts';

export async function findComponentRow(db: Executor, pageId: string, componentId: string) {
  const row = await db
    .selectFrom('status_page_components')
    .selectAll()
    .where('id', '=', componentId)
    .where('page_id', '=', pageId)
    .executeTakeFirst();
  if (!row) throw notFound('Component');
  return row;
}

/** Public name, group, and whether the public sees it. */
export async function updateStatusPageComponent(
  ctx: Ctx,
  actor: Actor,
  pageId: string,
  componentId: string,
  input: unknown,
): Promise<StatusPageComponent> {
  requireRole(actor, 'admin', 'change status pages');
  const data = parseInput(updateComponentSchema, input);
  await findPageRow(ctx.db, pageId);
  const row = await findComponentRow(ctx.db, pageId, componentId);
  const changes: Partial<StatusPageComponentsTable> = {
    ...(data.displayName !== undefined && { display_name: data.displayName }),
    ...(data.groupName !== undefined && { group_name: groupOrNull(data.groupName) }),
    ...(data.published !== undefined && { published: data.published ? 1 : 0 }),
  };
  if (Object.keys(changes).length === 0) return toComponent(row);
  const nowMs = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('status_page_components')
      .set({ ...changes, updated_at: nowMs })
      .where('id', '=', componentId)
      .execute();
    await touchPage(trx, pageId, nowMs);
  });
  return toComponent(await findComponentRow(ctx.db, pageId, componentId));
}
