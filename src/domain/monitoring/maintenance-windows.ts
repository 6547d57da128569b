import { z } from 'zod';
import { notFound } from '../../errors.ts';
import { newId } from '../../ids.ts';
import type { Executor, MaintenanceWindowsTable } from '../../storage/schema.ts';
import { findClientRow } from '../clients/find-client.ts';
import { isoOrNull } from '../clients/schemas.ts';
import type { Actor, Ctx } from '../context.ts';
import { invalidField, parseInput } from '../shared/validation.ts';
import { type Interval, maintenanceIntervals, type WindowRule } from './maintenance-intervals.ts';

// Kept as text in the parsed input (converted in the use case): the API validates a body with this
// schema and the use case validates the result again, so parsing must give back what it accepts.
const isoInstant = z.iso.datetime({ offset: true });

export const createMaintenanceWindowSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('once'),
      clientId: z.string().min(1).max(64),
      siteId: z.string().min(1).max(64).nullable().optional(),
      title: z.string().trim().min(1).max(200),
      startsAt: isoInstant,
      endsAt: isoInstant,
    })
    .strict(),
  z
    .object({
      kind: z.literal('weekly'),
      clientId: z.string().min(1).max(64),
      siteId: z.string().min(1).max(64).nullable().optional(),
      title: z.string().trim().min(1).max(200),
      weekdays: z.array(z.number().int().min(1).max(7)).min(1).max(7),
      startLocal: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time as HH:MM'),
      durationMin: z
        .number()
        .int()
        .min(1)
        .max(7 * 24 * 60),
    })
    .strict(),
]);

export type MaintenanceWindow = {
  id: string;
  clientId: string;
  siteId: string | null;
  title: string;
  kind: 'once' | 'weekly';
  startsAt: string | null;
  endsAt: string | null;
  weekdays: number[] | null;
  startLocal: string | null;
  durationMin: number | null;
  timeZone: string;
  createdAt: string;
  archivedAt: string | null;
};

const toWindow = (r: MaintenanceWindowsTable): MaintenanceWindow => ({
  id: r.id,
  clientId: r.client_id,
  siteId: r.site_id,
  title: r.title,
  kind: r.kind,
  startsAt: isoOrNull(r.starts_at),
  endsAt: isoOrNull(r.ends_at),
  weekdays: r.weekdays ? JSON.parse(r.weekdays) : null,
  startLocal: r.start_local,
  durationMin: r.duration_min,
  timeZone: r.time_zone,
  createdAt: new Date(r.created_at).toISOString(),
  archivedAt: isoOrNull(r.archived_at),
});

export function toRule(r: MaintenanceWindowsTable): WindowRule {
  if (r.kind === 'once') return { id: r.id, kind: 'once', startsAt: r.starts_at ?? 0, endsAt: r.ends_at ?? 0 };
  return {
    id: r.id,
    kind: 'weekly',
    weekdays: JSON.parse(r.weekdays ?? '[]'),
    startLocal: r.start_local ?? '00:00',
    durationMin: r.duration_min ?? 0,
    timeZone: r.time_zone,
  };
}

/** Weekly windows are kept in the client's time zone, so "Sundays 02:00" stays 02:00 across DST. */
export async function createMaintenanceWindow(ctx: Ctx, actor: Actor, input: unknown): Promise<MaintenanceWindow> {
  const data = parseInput(createMaintenanceWindowSchema, input);
  const client = await findClientRow(ctx.db, data.clientId);
  if (data.siteId) {
    const site = await ctx.db.selectFrom('sites').select('client_id').where('id', '=', data.siteId).executeTakeFirst();
    if (!site || site.client_id !== client.id) throw invalidField('siteId', 'is not a site of this client');
  }
  const startsMs = data.kind === 'once' ? Date.parse(data.startsAt) : null;
  const endsMs = data.kind === 'once' ? Date.parse(data.endsAt) : null;
  if (startsMs !== null && endsMs !== null && endsMs <= startsMs)
    throw invalidField('endsAt', 'must be after startsAt');
  const row: MaintenanceWindowsTable = {
    id: newId('mw'),
    client_id: client.id,
    site_id: data.siteId ?? null,
    title: data.title,
    kind: data.kind,
    starts_at: startsMs,
    ends_at: endsMs,
    weekdays: data.kind === 'weekly' ? JSON.stringify([...new Set(data.weekdays)].sort()) : null,
    start_local: data.kind === 'weekly' ? data.startLocal : null,
    duration_min: data.kind === 'weekly' ? data.durationMin : null,
    time_zone: client.time_zone,
    created_by: actor.kind === 'user' ? actor.userId : null,
    created_at: ctx.clock.now(),
    archived_at: null,
  };
  await ctx.db.insertInto('maintenance_windows').values(row).execute();
  return toWindow(row);
}

export async function listMaintenanceWindows(
  ctx: Ctx,
  query: { clientId?: string } = {},
): Promise<MaintenanceWindow[]> {
  let q = ctx.db.selectFrom('maintenance_windows').selectAll().where('archived_at', 'is', null);
  if (query.clientId) q = q.where('client_id', '=', query.clientId);
  return (await q.orderBy('created_at').orderBy('id').execute()).map(toWindow);
}

export async function archiveMaintenanceWindow(ctx: Ctx, _actor: Actor, id: string): Promise<void> {
  const res = await ctx.db
    .updateTable('maintenance_windows')
    // Ends future occurrences; past ones keep counting as maintenance.
    .set({ archived_at: ctx.clock.now() })
    .where('id', '=', id)
    .where('archived_at', 'is', null)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) throw notFound('Maintenance window');
}

/**
 * Maintenance intervals that apply to a site in [fromMs, toMs): its own windows and its client's.
 * An archived window still counts before it was archived, and a weekly window only from when it
 * was created, so past uptime never changes. (A one-off window may be entered after the fact.)
 */
export async function siteMaintenanceIntervals(
  db: Executor,
  site: { id: string; clientId: string },
  fromMs: number,
  toMs: number,
): Promise<Interval[]> {
  const rows = await db
    .selectFrom('maintenance_windows')
    .selectAll()
    .where('client_id', '=', site.clientId)
    .where((eb) => eb.or([eb('site_id', 'is', null), eb('site_id', '=', site.id)]))
    .where((eb) => eb.or([eb('archived_at', 'is', null), eb('archived_at', '>', fromMs)]))
    .execute();
  return windowRowsIntervals(rows, site, fromMs, toMs);
}

/** The pure part of siteMaintenanceIntervals, for callers that load the window rows of many sites at once. */
export function windowRowsIntervals(
  rows: MaintenanceWindowsTable[],
  site: { id: string; clientId: string },
  fromMs: number,
  toMs: number,
): Interval[] {
  return rows
    .filter((r) => r.client_id === site.clientId && (r.site_id === null || r.site_id === site.id))
    .flatMap((r) =>
      maintenanceIntervals(
        [toRule(r)],
        r.kind === 'weekly' ? Math.max(fromMs, r.created_at) : fromMs,
        Math.min(toMs, r.archived_at ?? toMs),
      ),
    )
    .sort((a, b) => a.startMs - b.startMs);
}
