import { notFound } from '../../errors.ts';
import type { MaintenanceWindowsTable } from '../../storage/schema.ts';
import type { Ctx } from '../context.ts';
import { maintenanceIntervals } from '../monitoring/maintenance-intervals.ts';
import { toRule } from '../monitoring/maintenance-windows.ts';
import type { PortalScope } from './portal-scope.ts';

const DAY_MS = 86_400_000;
/** How far ahead and back the portal lists occurrences. */
const AHEAD_MS = 30 * DAY_MS;
const BACK_MS = 30 * DAY_MS;
const MAX_EACH = 20;

export type PortalMaintenance = {
  windowId: string;
  title: string;
  /** Null: every site of the client. */
  siteName: string | null;
  kind: 'once' | 'weekly';
  startsAt: number;
  endsAt: number;
  state: 'past' | 'active' | 'upcoming';
};

function occurrences(w: MaintenanceWindowsTable, siteName: string | null, nowMs: number): PortalMaintenance[] {
  const fromMs = Math.max(nowMs - BACK_MS, w.created_at - 7 * DAY_MS);
  const toMs = Math.min(nowMs + AHEAD_MS, w.archived_at ?? Number.POSITIVE_INFINITY);
  if (toMs <= fromMs) return [];
  const spans =
    w.kind === 'once'
      ? [{ startMs: w.starts_at ?? 0, endMs: Math.min(w.ends_at ?? 0, w.archived_at ?? Number.POSITIVE_INFINITY) }]
      : maintenanceIntervals([toRule(w)], fromMs, toMs);
  return spans
    .filter((s) => s.endMs > nowMs - BACK_MS && s.startMs < nowMs + AHEAD_MS && s.endMs > s.startMs)
    .map((s) => ({
      windowId: w.id,
      title: w.title,
      siteName,
      kind: w.kind,
      startsAt: s.startMs,
      endsAt: s.endMs,
      state: s.endMs <= nowMs ? 'past' : s.startMs <= nowMs ? 'active' : 'upcoming',
    }));
}

async function siteNames(ctx: Ctx, scope: PortalScope) {
  const rows = await ctx.db
    .selectFrom('sites')
    .select(['id', 'name'])
    .where('client_id', '=', scope.clientId)
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Maintenance of the client (optionally of one window) over the last and next 30 days. */
async function listOccurrences(ctx: Ctx, scope: PortalScope, windowId?: string) {
  const nowMs = ctx.clock.now();
  let q = ctx.db
    .selectFrom('maintenance_windows')
    .selectAll()
    .where('client_id', '=', scope.clientId)
    .where((eb) => eb.or([eb('archived_at', 'is', null), eb('archived_at', '>', nowMs - BACK_MS)]));
  if (windowId) q = q.where('id', '=', windowId);
  const windows = await q.execute();
  const names = await siteNames(ctx, scope);
  const all = windows.flatMap((w) => occurrences(w, w.site_id ? (names.get(w.site_id) ?? null) : null, nowMs));
  return { windows, all };
}

export async function listPortalMaintenance(ctx: Ctx, scope: PortalScope) {
  const { all } = await listOccurrences(ctx, scope);
  return split(all);
}

/** One window of the client (another client's id: not found) and its occurrences around now. */
export async function getPortalMaintenance(ctx: Ctx, scope: PortalScope, windowId: string) {
  const { windows, all } = await listOccurrences(ctx, scope, windowId);
  const w = windows[0];
  if (!w) throw notFound('Maintenance window');
  const names = await siteNames(ctx, scope);
  return {
    window: { id: w.id, title: w.title, kind: w.kind, siteName: w.site_id ? (names.get(w.site_id) ?? null) : null },
    ...split(all),
  };
}

function split(all: PortalMaintenance[]) {
  const upcoming = all
    .filter((o) => o.state !== 'past')
    .sort((a, b) => a.startsAt - b.startsAt)
    .slice(0, MAX_EACH);
  const recent = all
    .filter((o) => o.state === 'past')
    .sort((a, b) => b.startsAt - a.startsAt)
    .slice(0, MAX_EACH);
  return { upcoming, recent };
}
