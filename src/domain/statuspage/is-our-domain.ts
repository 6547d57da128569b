import type { Ctx } from '../context.ts';
import { normalizeHostname } from './hostname.ts';

/**
 * "Is this domain ours?" for a TLS front end that issues certificates on demand (Caddy's
 * on_demand_tls ask): true only for a host attached to a live page. Unpublished pages count, so a
 * certificate can be in place before the page goes public.
 */
export async function isOurDomain(ctx: Ctx, host: string): Promise<boolean> {
  const normalized = normalizeHostname(host);
  if (normalized === null) return false;
  const row = await ctx.db
    .selectFrom('status_page_domains')
    .innerJoin('status_pages', 'status_pages.id', 'status_page_domains.page_id')
    .select('status_pages.id')
    .where('status_page_domains.host', '=', normalized)
    .where('status_pages.archived_at', 'is', null)
    .executeTakeFirst();
  return row !== undefined;
}
