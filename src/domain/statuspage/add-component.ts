import { conflict } from '../../errors.ts';
import { newId } from '../../ids.ts';
import { isUniqueViolation } from '../../storage/database.ts';
import type { Executor, StatusPageComponentsTable } from '../../storage/schema.ts';
import type { Actor, Ctx } from '../context.ts';
import { requireRole } from '../shared/permissions.ts';
import { invalidField, parseInput } from '../shared/validation.ts';
import { addComponentSchema, groupOrNull, type StatusPageComponent, toComponent } from './component-schemas.ts';
import { findPageRow, touchPage } from './page-rows.ts';

/** The target must be a live site or monitor of the page's own client. */
async function checkTarget(db: Executor, clientId: string, target: { siteId?: string; monitorId?: string }) {
  if (target.siteId !== undefined) {
    const site = await db
      .selectFrom('sites')
      .select(['client_id', 'archived_at'])
      .where('id', '=', target.siteId)
      .executeTakeFirst();
    if (!site || site.client_id !== clientId || site.archived_at !== null) {
      throw invalidField('siteId', "is not a live site of the page's client");
    }
    return;
  }
  const monitor = await db
    .selectFrom('monitors')
    .innerJoin('sites', 'sites.id', 'monitors.site_id')
    .select(['sites.client_id as client_id', 'monitors.archived_at as archived_at'])
    .where('monitors.id', '=', target.monitorId ?? '')
    .executeTakeFirst();
  if (!monitor || monitor.client_id !== clientId || monitor.archived_at !== null) {
    throw invalidField('monitorId', "is not a live monitor of the page's client");
  }
}

export async function addStatusPageComponent(
  ctx: Ctx,
  actor: Actor,
  pageId: string,
  input: unknown,
): Promise<StatusPageComponent> {
  requireRole(actor, 'admin', 'change status pages');
  const data = parseInput(addComponentSchema, input);
  const page = await findPageRow(ctx.db, pageId);
  await checkTarget(ctx.db, page.client_id, data);
  const nowMs = ctx.clock.now();
  const row: StatusPageComponentsTable = {
    id: newId('spc'),
    page_id: page.id,
    site_id: data.siteId ?? null,
    monitor_id: data.monitorId ?? null,
    display_name: data.displayName,
    group_name: groupOrNull(data.groupName),
    position: 0,
    published: data.published === false ? 0 : 1,
    created_at: nowMs,
    updated_at: nowMs,
  };
  try {
    await ctx.db.transaction().execute(async (trx) => {
      const last = await trx
        .selectFrom('status_page_components')
        .select((eb) => eb.fn.max('position').as('max'))
        .where('page_id', '=', page.id)
        .executeTakeFirst();
      row.position = last?.max === null || last?.max === undefined ? 0 : Number(last.max) + 1;
      await trx.insertInto('status_page_components').values(row).execute();
      await touchPage(trx, page.id, nowMs);
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict(`That ${data.siteId ? 'site' : 'monitor'} is already on this page`);
    throw err;
  }
  return toComponent(row);
}
