import type { Executor } from '../../storage/schema.ts';
import type { Ctx } from '../context.ts';
import type { Monitor } from './monitor-schemas.ts';
import { type SparkPoint, sparklines } from './monitor-stats-log.ts';
import { readRecentUptime, type UptimeFigures, type UptimeWindowKey } from './monitor-stats-view.ts';
import { listMonitors } from './monitors.ts';

export type MonitorPlace = { siteName: string; siteUrl: string; clientId: string; clientName: string };

export type MonitorRow = Monitor &
  MonitorPlace & {
    uptime: Record<UptimeWindowKey, UptimeFigures> | null;
    /** The last results, oldest first. */
    recent: SparkPoint[];
  };

/** What needs a look first: down, degraded, not checked yet, up; paused ones last. */
const SEVERITY: Record<string, number> = { down: 0, degraded: 1, unknown: 2, up: 3 };
const rank = (m: Monitor) => (m.enabled ? (SEVERITY[m.status] ?? 4) : 5);

export async function placesOf(db: Executor, siteIds: string[]): Promise<Map<string, MonitorPlace>> {
  if (siteIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('sites')
    .innerJoin('clients', 'clients.id', 'sites.client_id')
    .select([
      'sites.id as id',
      'sites.name as siteName',
      'sites.url as siteUrl',
      'clients.id as clientId',
      'clients.name as clientName',
    ])
    .where('sites.id', 'in', [...new Set(siteIds)])
    .execute();
  return new Map(rows.map(({ id, ...place }) => [id, place]));
}

export type MonitorListPage = {
  rows: MonitorRow[];
  /** Every monitor the filter matched, by displayed status (paused counted apart). */
  counts: Record<'up' | 'degraded' | 'down' | 'unknown' | 'paused', number>;
  total: number;
  page: number;
  pageCount: number;
};

/**
 * The console's monitors list: problems first, one page at a time, with uptime and the last
 * results (for a sparkline) loaded only for the monitors on the page.
 */
export async function readMonitorList(
  ctx: Ctx,
  filter: { clientId?: string; archived?: 'true' | 'false' },
  page: number,
  pageSize: number,
): Promise<MonitorListPage> {
  const all = await listMonitors(ctx, { ...filter });
  const counts = { up: 0, degraded: 0, down: 0, unknown: 0, paused: 0 };
  for (const m of all) counts[m.enabled ? m.status : 'paused']++;
  const sorted = [...all].sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  const pageCount = Math.max(1, Math.ceil(sorted.length / pageSize));
  const current = Math.min(Math.max(1, page), pageCount);
  const onPage = sorted.slice((current - 1) * pageSize, current * pageSize);
  const ids = onPage.map((m) => m.id);
  const [places, uptime, recent] = await Promise.all([
    placesOf(
      ctx.db,
      onPage.map((m) => m.siteId),
    ),
    readRecentUptime(ctx, ids),
    sparklines(ctx, ids, 30),
  ]);
  const rows = onPage.map((m) => ({
    ...m,
    ...(places.get(m.siteId) ?? { siteName: '?', siteUrl: '', clientId: '', clientName: '?' }),
    uptime: uptime.get(m.id) ?? null,
    recent: recent.get(m.id) ?? [],
  }));
  return { rows, counts, total: all.length, page: current, pageCount };
}
