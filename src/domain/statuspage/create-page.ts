import { conflict } from '../../errors.ts';
import { newId } from '../../ids.ts';
import { isUniqueViolation } from '../../storage/database.ts';
import type { StatusPagesTable } from '../../storage/schema.ts';
import { findClientRow } from '../clients/find-client.ts';
import type { Actor, Ctx } from '../context.ts';
import { requireRole } from '../shared/permissions.ts';
import { invalidField, LOCALES, type Locale, parseInput } from '../shared/validation.ts';
import { requirePlanFeature } from './plan-gate.ts';
import {
  createStatusPageSchema,
  DEFAULT_ACCENT_COLOR,
  DEFAULT_BRAND_COLOR,
  type StatusPage,
  slugFromTitle,
  toStatusPage,
} from './schemas.ts';

/** A new, unpublished page for a client whose plan includes a status page. */
export async function createStatusPage(ctx: Ctx, actor: Actor, input: unknown): Promise<StatusPage> {
  requireRole(actor, 'admin', 'create status pages');
  const data = parseInput(createStatusPageSchema, input);
  const client = await findClientRow(ctx.db, data.clientId);
  if (client.archived_at !== null) throw conflict('The client is archived; restore it before adding a status page');
  await requirePlanFeature(ctx.db, client, 'statusPage');
  const slug = data.slug ?? slugFromTitle(data.title);
  if (!slug)
    throw invalidField('slug', 'cannot be made from the title; choose one (lowercase letters, digits, dashes)');
  const language = data.language ?? ((LOCALES as readonly string[]).includes(client.locale) ? client.locale : 'en');
  const nowMs = ctx.clock.now();
  const row: StatusPagesTable = {
    id: newId('stp'),
    client_id: client.id,
    slug,
    title: data.title,
    language: language as Locale,
    time_zone: data.timeZone ?? client.time_zone,
    logo_url: null,
    favicon_url: null,
    brand_color: DEFAULT_BRAND_COLOR,
    accent_color: DEFAULT_ACCENT_COLOR,
    footer_links: '[]',
    hide_powered_by: 0,
    published: 0,
    created_at: nowMs,
    updated_at: nowMs,
    archived_at: null,
  };
  try {
    await ctx.db.insertInto('status_pages').values(row).execute();
  } catch (err) {
    if (isUniqueViolation(err)) throw slugTaken(slug);
    throw err;
  }
  return toStatusPage(row);
}

export const slugTaken = (slug: string) =>
  conflict(`The address /status/${slug} is taken by another status page; choose another slug`);
