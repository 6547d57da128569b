import type { Ctx } from '../context.ts';
import type { Monitor } from './monitor-schemas.ts';
import { type CheckCounts, monitorsUptime, type UptimeReport } from './monitor-stats.ts';
import { getMonitor } from './monitors.ts';

const DAY_MS = 86_400_000;
export const UPTIME_WINDOWS = { '24h': DAY_MS, '7d': 7 * DAY_MS, '30d': 30 * DAY_MS } as const;
export type UptimeWindowKey = keyof typeof UPTIME_WINDOWS;
const WINDOW_KEYS = Object.keys(UPTIME_WINDOWS) as UptimeWindowKey[];

/** An uptime report as the API and the console show it: instants as ISO text. */
export type UptimeFigures = {
  from: string;
  to: string;
  /** The part of the window the monitor existed in (measured time, maintenance included). */
  windowMs: number;
  downtimeMs: number;
  excludedMs: number;
  uptimeRatio: number | null;
  checks: CheckCounts;
};

export type MonitorStats = {
  monitorId: string;
  status: Monitor['status'];
  paused: boolean;
  lastCheckAt: string | null;
  lastTotalMs: number | null;
  lastErrorClass: string | null;
  uptime: Record<UptimeWindowKey, UptimeFigures>;
};

const toFigures = (r: UptimeReport): UptimeFigures => ({
  from: new Date(r.fromMs).toISOString(),
  to: new Date(r.toMs).toISOString(),
  windowMs: r.windowMs,
  downtimeMs: r.downtimeMs,
  excludedMs: r.excludedMs,
  uptimeRatio: r.uptimeRatio,
  checks: r.checks,
});

/** Uptime over the last 24 h, 7 d and 30 d for many monitors (rollups plus raw edges, see monitor-stats.ts). */
export async function readRecentUptime(
  ctx: Ctx,
  monitorIds: string[],
): Promise<Map<string, Record<UptimeWindowKey, UptimeFigures>>> {
  const nowMs = ctx.clock.now();
  const windows = WINDOW_KEYS.map((k) => ({ fromMs: nowMs - UPTIME_WINDOWS[k], toMs: nowMs }));
  const reports = await monitorsUptime(ctx, monitorIds, windows);
  const out = new Map<string, Record<UptimeWindowKey, UptimeFigures>>();
  for (const [id, list] of reports) {
    out.set(id, Object.fromEntries(WINDOW_KEYS.map((k, i) => [k, toFigures(list[i] as UptimeReport)])) as never);
  }
  return out;
}

export async function readMonitorStats(ctx: Ctx, monitorId: string): Promise<MonitorStats> {
  const monitor = await getMonitor(ctx, monitorId);
  const uptime = (await readRecentUptime(ctx, [monitor.id])).get(monitor.id);
  if (!uptime) throw new Error(`no uptime report for monitor ${monitor.id}`);
  return {
    monitorId: monitor.id,
    status: monitor.status,
    paused: !monitor.enabled,
    lastCheckAt: monitor.lastCheckAt,
    lastTotalMs: monitor.lastTotalMs,
    lastErrorClass: monitor.lastErrorClass,
    uptime,
  };
}

/** The ratio to show a person: none while nothing was checked in the window (nothing was measured). */
export const measuredUptimeRatio = (f: UptimeFigures | undefined): number | null =>
  f && f.checks.total > 0 ? f.uptimeRatio : null;
