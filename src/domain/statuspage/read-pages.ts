import { z } from 'zod';
import type { Ctx } from '../context.ts';
import { parseInput } from '../shared/validation.ts';
import type { StatusPageDomain } from './attach-domain.ts';
import { type StatusPageComponent, toComponent } from './component-schemas.ts';
import { findPageRow } from './page-rows.ts';
import { type StatusPage, toStatusPage } from './schemas.ts';

export type ComponentTarget = {
  kind: 'site' | 'monitor';
  /** The internal name (staff only), e.g. the site's or monitor's own name. */
  name: string;
  archived: boolean;
};

export type StatusPageDetail = StatusPage & {
  components: Array<StatusPageComponent & { target: ComponentTarget }>;
  domains: StatusPageDomain[];
};

export const listStatusPagesQuerySchema = z.object({ clientId: z.string().max(64).optional() });

/** Live pages, by client then title. */
export async function listStatusPages(ctx: Ctx, query: unknown = {}): Promise<StatusPage[]> {
  const { clientId } = parseInput(listStatusPagesQuerySchema, query);
  let q = ctx.db.selectFrom('status_pages').selectAll().where('archived_at', 'is', null);
  if (clientId) q = q.where('client_id', '=', clientId);
  const rows = await q.orderBy('client_id').orderBy('title').orderBy('id').execute();
  return rows.map(toStatusPage);
}

/** A page with its components (in display order, with what each shows) and its domains. */
export async function getStatusPage(ctx: Ctx, id: string): Promise<StatusPageDetail> {
  const page = await findPageRow(ctx.db, id);
  const components = await ctx.db
    .selectFrom('status_page_components as c')
    .leftJoin('sites', 'sites.id', 'c.site_id')
    .leftJoin('monitors', 'monitors.id', 'c.monitor_id')
    .selectAll('c')
    .select([
      'sites.name as site_name',
      'sites.archived_at as site_archived_at',
      'monitors.name as monitor_name',
      'monitors.archived_at as monitor_archived_at',
    ])
    .where('c.page_id', '=', id)
    .orderBy('c.position')
    .orderBy('c.id')
    .execute();
  const domains = await ctx.db
    .selectFrom('status_page_domains')
    .selectAll()
    .where('page_id', '=', id)
    .orderBy('host')
    .execute();
  return {
    ...toStatusPage(page),
    components: components.map((c) => ({
      ...toComponent(c),
      target: c.site_id
        ? { kind: 'site', name: c.site_name ?? '', archived: c.site_archived_at !== null }
        : { kind: 'monitor', name: c.monitor_name ?? '', archived: c.monitor_archived_at !== null },
    })),
    domains: domains.map((d) => ({ host: d.host, pageId: d.page_id, createdAt: new Date(d.created_at).toISOString() })),
  };
}
