import type { StatusPagesTable } from '../../storage/schema.ts';
import { findClientRow } from '../clients/find-client.ts';
import type { Actor, Ctx } from '../context.ts';
import { requireRole } from '../shared/permissions.ts';
import { parseInput } from '../shared/validation.ts';
import { findPageRow } from './page-rows.ts';
import { requirePlanFeature } from './plan-gate.ts';
import { type StatusPage, toStatusPage, updateBrandingSchema } from './schemas.ts';

/** Logo, favicon, colours, footer links; hiding "Powered by Steward" needs a plan that allows it. */
export async function updateStatusPageBranding(
  ctx: Ctx,
  actor: Actor,
  id: string,
  input: unknown,
): Promise<StatusPage> {
  requireRole(actor, 'admin', 'change status pages');
  const data = parseInput(updateBrandingSchema, input);
  const row = await findPageRow(ctx.db, id);
  if (data.hidePoweredBy === true && row.hide_powered_by === 0) {
    await requirePlanFeature(ctx.db, await findClientRow(ctx.db, row.client_id), 'hidePoweredBy');
  }
  const changes: Partial<StatusPagesTable> = {
    ...(data.logoUrl !== undefined && { logo_url: data.logoUrl }),
    ...(data.faviconUrl !== undefined && { favicon_url: data.faviconUrl }),
    ...(data.brandColor !== undefined && { brand_color: data.brandColor }),
    ...(data.accentColor !== undefined && { accent_color: data.accentColor }),
    ...(data.footerLinks !== undefined && { footer_links: JSON.stringify(data.footerLinks) }),
    ...(data.hidePoweredBy !== undefined && { hide_powered_by: data.hidePoweredBy ? 1 : 0 }),
  };
  if (Object.keys(changes).length === 0) return toStatusPage(row);
  await ctx.db
    .updateTable('status_pages')
    .set({ ...changes, updated_at: ctx.clock.now() })
    .where('id', '=', id)
    .where('archived_at', 'is', null)
    .execute();
  return toStatusPage(await findPageRow(ctx.db, id));
}
