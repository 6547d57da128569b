import { z } from 'zod';
import type { AgencySettingsTable } from '../../storage/schema.ts';
import type { Actor, Ctx } from '../context.ts';
import { requireRole } from '../shared/permissions.ts';
import { currencySchema, localeSchema, nameSchema, parseInput, timeZoneSchema } from '../shared/validation.ts';

export const logoUrlSchema = z
  .string()
  .trim()
  .max(2048)
  .refine((v) => /^https?:\/\//i.test(v) && URL.canParse(v), 'must be an http(s) URL');

export const agencySettingsSchema = z.object({
  name: nameSchema,
  logoUrl: logoUrlSchema.nullable(),
  defaultCurrency: currencySchema,
  locale: localeSchema,
  timeZone: timeZoneSchema,
});
export type AgencySettings = z.output<typeof agencySettingsSchema> & { updatedAt: string };

export const updateAgencySettingsSchema = agencySettingsSchema.partial().strict();

const DEFAULTS = {
  name: 'My agency',
  logo_url: null,
  default_currency: 'EUR',
  locale: 'en',
  time_zone: 'UTC',
  owner_created_at: null,
};

function toSettings(row: AgencySettingsTable): AgencySettings {
  return {
    name: row.name,
    logoUrl: row.logo_url,
    defaultCurrency: row.default_currency,
    locale: row.locale as AgencySettings['locale'],
    timeZone: row.time_zone,
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

/** Creates the single settings row if it is missing; safe to call from several processes. */
export async function ensureAgencySettings(ctx: Ctx): Promise<void> {
  await ctx.db
    .insertInto('agency_settings')
    .values({ id: 1, ...DEFAULTS, updated_at: ctx.clock.now() })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
}

export async function getAgencySettings(ctx: Ctx): Promise<AgencySettings> {
  await ensureAgencySettings(ctx);
  const row = await ctx.db.selectFrom('agency_settings').selectAll().where('id', '=', 1).executeTakeFirstOrThrow();
  return toSettings(row);
}

export async function updateAgencySettings(ctx: Ctx, actor: Actor, input: unknown): Promise<AgencySettings> {
  requireRole(actor, 'admin', 'change agency settings');
  const patch = parseInput(updateAgencySettingsSchema, input);
  await ensureAgencySettings(ctx);
  await ctx.db
    .updateTable('agency_settings')
    .set({
      ...(patch.name !== undefined && { name: patch.name }),
      ...(patch.logoUrl !== undefined && { logo_url: patch.logoUrl }),
      ...(patch.defaultCurrency !== undefined && { default_currency: patch.defaultCurrency }),
      ...(patch.locale !== undefined && { locale: patch.locale }),
      ...(patch.timeZone !== undefined && { time_zone: patch.timeZone }),
      updated_at: ctx.clock.now(),
    })
    .where('id', '=', 1)
    .execute();
  return getAgencySettings(ctx);
}
