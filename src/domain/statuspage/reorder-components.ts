import type { Actor, Ctx } from '../context.ts';
import { requireRole } from '../shared/permissions.ts';
import { invalidField, parseInput } from '../shared/validation.ts';
import { reorderComponentsSchema, type StatusPageComponent, toComponent } from './component-schemas.ts';
import { findPageRow, touchPage } from './page-rows.ts';

/** Sets the display order: componentIds must name every component of the page exactly once. */
export async function reorderStatusPageComponents(
  ctx: Ctx,
  actor: Actor,
  pageId: string,
  input: unknown,
): Promise<StatusPageComponent[]> {
  requireRole(actor, 'admin', 'change status pages');
  const { componentIds } = parseInput(reorderComponentsSchema, input);
  await findPageRow(ctx.db, pageId);
  const nowMs = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const rows = await trx.selectFrom('status_page_components').selectAll().where('page_id', '=', pageId).execute();
    const current = new Set(rows.map((r) => r.id));
    const unique = new Set(componentIds);
    if (
      unique.size !== componentIds.length ||
      unique.size !== current.size ||
      ![...unique].every((id) => current.has(id))
    ) {
      throw invalidField('componentIds', 'must list every component of the page exactly once');
    }
    for (const [position, id] of componentIds.entries()) {
      await trx
        .updateTable('status_page_components')
        .set({ position, updated_at: nowMs })
        .where('id', '=', id)
        .execute();
    }
    await touchPage(trx, pageId, nowMs);
    const byId = new Map(rows.map((r) => [r.id, r]));
    return componentIds.map((id, position) => toComponent({ ...byId.get(id)!, position, updated_at: nowMs }));
  });
}
