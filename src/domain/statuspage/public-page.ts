import type { Executor, StatusPagesTable } from '../../storage/schema.ts';
import { normalizeHostname } from './hostname.ts';
import { livePlanFeatures } from './plan-gate.ts';
import type { PublicPage, PublicPageKey } from './public-types.ts';
import { parseFooterLinks } from './schemas.ts';

export type ServablePage = { row: StatusPagesTable; showPoweredBy: boolean };

/** A published, live page by slug or custom domain; undefined when there is none. */
export async function findPublishedPageRow(db: Executor, key: PublicPageKey): Promise<StatusPagesTable | undefined> {
  if ('slug' in key) {
    if (!/^[a-z0-9-]{1,60}$/.test(key.slug)) return undefined;
    return db
      .selectFrom('status_pages')
      .selectAll()
      .where('slug', '=', key.slug)
      .where('archived_at', 'is', null)
      .where('published', '=', 1)
      .executeTakeFirst();
  }
  const host = normalizeHostname(key.host);
  if (host === null) return undefined;
  return db
    .selectFrom('status_page_domains')
    .innerJoin('status_pages', 'status_pages.id', 'status_page_domains.page_id')
    .selectAll('status_pages')
    .where('status_page_domains.host', '=', host)
    .where('status_pages.archived_at', 'is', null)
    .where('status_pages.published', '=', 1)
    .executeTakeFirst();
}

/**
 * The page, if the public may see it: published, and its client's live plan still includes a
 * status page (a downgrade takes it offline). "Powered by Steward" can be hidden only while the
 * plan allows it.
 */
export async function findServablePage(db: Executor, key: PublicPageKey): Promise<ServablePage | undefined> {
  const row = await findPublishedPageRow(db, key);
  if (!row) return undefined;
  const plan = await livePlanFeatures(db, row.client_id);
  if (plan?.features.statusPage !== true) return undefined;
  return { row, showPoweredBy: !(row.hide_powered_by === 1 && plan.features.hidePoweredBy === true) };
}

/** What a visitor may see of a page's settings (its branding and language, nothing internal). */
export function toPublicPage({ row, showPoweredBy }: ServablePage): PublicPage {
  return {
    slug: row.slug,
    title: row.title,
    language: row.language,
    timeZone: row.time_zone,
    logoUrl: row.logo_url,
    faviconUrl: row.favicon_url,
    brandColor: row.brand_color,
    accentColor: row.accent_color,
    footerLinks: parseFooterLinks(row.footer_links),
    showPoweredBy,
  };
}
