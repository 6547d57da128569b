import { sql } from 'kysely';
import { z } from 'zod';
import { notFound } from '../../errors.ts';
import type { Executor } from '../../storage/schema.ts';
import type { Ctx } from '../context.ts';
import { parseInput } from '../shared/validation.ts';
import { overlapMs, type Segments, segmentWindow } from './monitor-stats-segments.ts';
import { changesReflectedBefore, rolledPeriods } from './rollups-ledger.ts';
import { monitorsWithRecentChanges } from './rollups-refresh.ts';
import { countResults } from './rollups-results.ts';
import {
  chunk,
  loadMonitorRefs,
  loadTimeSources,
  type MonitorRef,
  type TimeSources,
  timeParts,
} from './rollups-sources.ts';
import { DAY_MS, HOUR_MS, intersect, type Span } from './rollups-time.ts';

export type CheckCounts = { total: number; up: number; degraded: number; down: number };

/** Uptime per domain.md over the part of a window the monitor existed in (its monitored span). */
export type UptimeReport = {
  fromMs: number;
  /** The window's end, or now when it ends in the future: the future is not measured. */
  toMs: number;
  /** Measured time: the window within the hours the monitor has (from its creation hour to its archive hour). */
  windowMs: number;
  downtimeMs: number;
  excludedMs: number;
  /** Null when nothing was measured (all maintenance, or the monitor did not exist yet). */
  uptimeRatio: number | null;
  checks: CheckCounts;
};

export type UptimeWindow = { fromMs: number; toMs: number };

const windowSchema = z
  .object({ fromMs: z.number().int().min(0), toMs: z.number().int().min(0) })
  .refine((w) => w.toMs > w.fromMs, { message: 'must end after it starts', path: ['toMs'] });

/**
 * Uptime and check counts of one monitor over [fromMs, toMs): rollups for the hours and days
 * already rolled up, raw results and incidents for the rest. Equal to the figures computed from
 * raw data alone (the rollups hold exactly the same sums).
 */
export async function monitorUptime(ctx: Ctx, monitorId: string, fromMs: number, toMs: number): Promise<UptimeReport> {
  const window = parseInput(windowSchema, { fromMs, toMs });
  const reports = await monitorsUptime(ctx, [monitorId], [window]);
  const report = reports.get(monitorId)?.[0];
  if (!report) throw notFound('Monitor');
  return report;
}

/** Uptime of the last 24 hours, 7 days and 30 days for many monitors (a monitors list) in a few queries. */
export async function recentUptime(ctx: Ctx, monitorIds: string[]) {
  const nowMs = ctx.clock.now();
  const windows = [24 * HOUR_MS, 7 * DAY_MS, 30 * DAY_MS].map((ms) => ({ fromMs: nowMs - ms, toMs: nowMs }));
  const reports = await monitorsUptime(ctx, monitorIds, windows);
  const out = new Map<string, { uptime24h: number | null; uptime7d: number | null; uptime30d: number | null }>();
  for (const [id, [d1, d7, d30]] of reports) {
    out.set(id, {
      uptime24h: d1?.uptimeRatio ?? null,
      uptime7d: d7?.uptimeRatio ?? null,
      uptime30d: d30?.uptimeRatio ?? null,
    });
  }
  return out;
}

/** Uptime reports for each monitor and each window (in the order given); unknown monitors are absent. */
export async function monitorsUptime(
  ctx: Ctx,
  monitorIds: string[],
  windows: UptimeWindow[],
): Promise<Map<string, UptimeReport[]>> {
  const nowMs = ctx.clock.now();
  const clamped = windows.map((w) => ({ fromMs: w.fromMs, toMs: Math.max(w.fromMs, Math.min(w.toMs, nowMs)) }));
  const refs = await loadMonitorRefs(ctx.db, { ids: [...new Set(monitorIds)] });
  const out = new Map<string, UptimeReport[]>(refs.map((r) => [r.id, []]));
  if (refs.length === 0 || clamped.length === 0) return out;
  const overall = {
    startMs: Math.min(...clamped.map((w) => w.fromMs)),
    endMs: Math.max(...clamped.map((w) => w.toMs)),
  };
  const rolled = await rolledPeriods(ctx.db, overall);
  const sources = await loadTimeSources(ctx.db, refs, overall.startMs, overall.endMs);
  // A monitor whose incidents changed after its hours were rolled up (a late confirmation or
  // resolution) gets its downtime from the incidents until the rollup jobs have caught up.
  const reflectedBefore = await changesReflectedBefore(ctx.db);
  const lagging =
    reflectedBefore === null ? new Set<string>() : await monitorsWithRecentChanges(ctx.db, refs, reflectedBefore);
  for (const w of clamped) {
    const seg = segmentWindow(w.fromMs, w.toMs, rolled.hours, rolled.days);
    const fromRollups = await sumRollups(ctx.db, refs, seg);
    const ids = refs.map((r) => r.id);
    const rawCounts = await Promise.all(seg.raw.map((s) => countResults(ctx.db, ids, s.startMs, s.endMs)));
    for (const ref of refs) {
      const r = fromRollups.get(ref.id);
      const report: UptimeReport = {
        fromMs: w.fromMs,
        toMs: w.toMs,
        windowMs: overlapMs([...seg.days, ...seg.hours], ref.span),
        downtimeMs: r?.downtimeMs ?? 0,
        excludedMs: r?.maintenanceMs ?? 0,
        uptimeRatio: null,
        checks: { total: r?.total ?? 0, up: r?.up ?? 0, degraded: r?.degraded ?? 0, down: r?.down ?? 0 },
      };
      if (lagging.has(ref.id)) timePartsFromSources(report, sources, ref, w);
      else addRaw(report, sources, ref, seg.raw);
      for (const counts of rawCounts) {
        const c = counts.get(ref.id);
        if (!c) continue;
        report.checks.total += c.total;
        report.checks.up += c.up;
        report.checks.degraded += c.degraded;
        report.checks.down += c.down;
      }
      const measuredMs = report.windowMs - report.excludedMs;
      report.uptimeRatio = measuredMs > 0 ? (measuredMs - report.downtimeMs) / measuredMs : null;
      out.get(ref.id)?.push(report);
    }
  }
  return out;
}

function timePartsFromSources(report: UptimeReport, sources: TimeSources, ref: MonitorRef, w: UptimeWindow) {
  const part = intersect({ startMs: w.fromMs, endMs: w.toMs }, ref.span);
  Object.assign(report, { windowMs: 0, downtimeMs: 0, excludedMs: 0 });
  if (!part) return;
  const { downtimeMs, maintenanceMs } = timeParts(sources, ref, part.startMs, part.endMs);
  Object.assign(report, { windowMs: part.endMs - part.startMs, downtimeMs, excludedMs: maintenanceMs });
}

function addRaw(report: UptimeReport, sources: TimeSources, ref: MonitorRef, raw: Span[]) {
  for (const s of raw) {
    const part = intersect(s, ref.span);
    if (!part) continue;
    const { downtimeMs, maintenanceMs } = timeParts(sources, ref, part.startMs, part.endMs);
    report.windowMs += part.endMs - part.startMs;
    report.downtimeMs += downtimeMs;
    report.excludedMs += maintenanceMs;
  }
}

type RollupSums = CheckCounts & { downtimeMs: number; maintenanceMs: number };

/**
 * Sums of the rollups in the segments' day and hour spans per monitor. One statement per span,
 * so each is a primary-key range (monitor, period, start) instead of a scan of every row.
 */
async function sumRollups(db: Executor, refs: MonitorRef[], seg: Segments): Promise<Map<string, RollupSums>> {
  const out = new Map<string, RollupSums>();
  const spans = [
    ...seg.days.map((span) => ({ period: 'day' as const, span })),
    ...seg.hours.map((span) => ({ period: 'hour' as const, span })),
  ];
  for (const { period, span } of spans) {
    for (const ids of chunk(refs.map((r) => r.id))) {
      const rows = await db
        .selectFrom('check_rollups')
        .select([
          'monitor_id',
          sql<number>`sum(checks_total)`.as('total'),
          sql<number>`sum(checks_up)`.as('up'),
          sql<number>`sum(checks_degraded)`.as('degraded'),
          sql<number>`sum(checks_down)`.as('down'),
          sql<number>`sum(downtime_ms)`.as('downtime_ms'),
          sql<number>`sum(maintenance_ms)`.as('maintenance_ms'),
        ])
        .where('monitor_id', 'in', ids)
        .where('period', '=', period)
        .where('period_start', '>=', span.startMs)
        .where('period_start', '<', span.endMs)
        .groupBy('monitor_id')
        .execute();
      for (const r of rows) {
        const sums = out.get(r.monitor_id) ?? {
          total: 0,
          up: 0,
          degraded: 0,
          down: 0,
          downtimeMs: 0,
          maintenanceMs: 0,
        };
        sums.total += Number(r.total);
        sums.up += Number(r.up);
        sums.degraded += Number(r.degraded);
        sums.down += Number(r.down);
        sums.downtimeMs += Number(r.downtime_ms);
        sums.maintenanceMs += Number(r.maintenance_ms);
        out.set(r.monitor_id, sums);
      }
    }
  }
  return out;
}
