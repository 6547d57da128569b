import { z } from 'zod';
import type { StatusPagesTable } from '../../storage/schema.ts';
import { localeSchema, nameSchema, timeZoneSchema } from '../shared/validation.ts';

export const slugSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9](?:[a-z0-9-]{0,58}[a-z0-9])?$/, 'must be lowercase letters, digits and dashes (e.g. "acme-status")');

export const colorSchema = z
  .string()
  .trim()
  .regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour as #rrggbb')
  .transform((v) => v.toLowerCase());

/** Only web addresses: a logo or favicon is loaded by visitors' browsers. */
export const webUrlSchema = z
  .string()
  .trim()
  .max(2000)
  .refine((v) => /^https?:\/\/[^\s/]+/i.test(v) && URL.canParse(v), 'must be an http:// or https:// address');

const linkUrlSchema = z
  .string()
  .trim()
  .max(2000)
  .refine(
    (v) => (/^https?:\/\/[^\s/]+/i.test(v) || /^mailto:[^\s@]+@[^\s@]+$/i.test(v)) && URL.canParse(v),
    'must be an http://, https:// or mailto: address',
  );

export const footerLinkSchema = z
  .object({ label: z.string().trim().min(1, 'must not be empty').max(80), url: linkUrlSchema })
  .strict();

export const DEFAULT_BRAND_COLOR = '#14213d';
export const DEFAULT_ACCENT_COLOR = '#0f766e';

export const createStatusPageSchema = z
  .object({
    clientId: z.string().min(1).max(64),
    title: nameSchema,
    /** Default: made from the title. */
    slug: slugSchema.optional(),
    /** Default: the client's language. */
    language: localeSchema.optional(),
    /** Default: the client's time zone. */
    timeZone: timeZoneSchema.optional(),
  })
  .strict();

export const updateStatusPageSchema = z
  .object({
    title: nameSchema,
    slug: slugSchema,
    language: localeSchema,
    timeZone: timeZoneSchema,
    published: z.boolean(),
  })
  .partial()
  .strict();

export const updateBrandingSchema = z
  .object({
    logoUrl: webUrlSchema.nullable(),
    faviconUrl: webUrlSchema.nullable(),
    brandColor: colorSchema,
    accentColor: colorSchema,
    footerLinks: z.array(footerLinkSchema).max(10),
    hidePoweredBy: z.boolean(),
  })
  .partial()
  .strict();

export type FooterLink = z.output<typeof footerLinkSchema>;

export type StatusPage = {
  id: string;
  clientId: string;
  slug: string;
  title: string;
  language: StatusPagesTable['language'];
  timeZone: string;
  logoUrl: string | null;
  faviconUrl: string | null;
  brandColor: string;
  accentColor: string;
  footerLinks: FooterLink[];
  hidePoweredBy: boolean;
  published: boolean;
  createdAt: string;
  updatedAt: string;
  archivedAt: string | null;
};

export function parseFooterLinks(text: string): FooterLink[] {
  try {
    const parsed = z.array(footerLinkSchema).safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

export const toStatusPage = (r: StatusPagesTable): StatusPage => ({
  id: r.id,
  clientId: r.client_id,
  slug: r.slug,
  title: r.title,
  language: r.language,
  timeZone: r.time_zone,
  logoUrl: r.logo_url,
  faviconUrl: r.favicon_url,
  brandColor: r.brand_color,
  accentColor: r.accent_color,
  footerLinks: parseFooterLinks(r.footer_links),
  hidePoweredBy: r.hide_powered_by === 1,
  published: r.published === 1,
  createdAt: new Date(r.created_at).toISOString(),
  updatedAt: new Date(r.updated_at).toISOString(),
  archivedAt: r.archived_at === null ? null : new Date(r.archived_at).toISOString(),
});

/** "Acme Bakery — Status!" → "acme-bakery-status"; accents dropped. Empty when nothing usable is left. */
export function slugFromTitle(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}
