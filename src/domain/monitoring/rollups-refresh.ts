import type { CheckRollupsTable, Executor } from '../../storage/schema.ts';
import { emptyHistogram, serializeHistogram } from './latency-histogram.ts';
import { rollupDay } from './rollups.ts';
import { chunk, loadMonitorRefs, loadTimeSources, type MonitorRef, timeParts } from './rollups-sources.ts';
import { DAY_MS, floorDay, floorHour, HOUR_MS } from './rollups-time.ts';

export type RefreshWindow = {
  /** Changes recorded (incidents.updated_at, maintenance_windows.created_at) in [changedFromMs, changedToMs). */
  changedFromMs: number;
  changedToMs: number;
  /** Hours from here on are rolled up in full later; only earlier ones are refreshed. */
  beforeHourMs: number;
  /** Nothing older is touched (rollup retention). */
  notBeforeMs: number;
};

/**
 * Hours already rolled up can be changed after the fact: an incident's started_at is its first
 * failed check (maybe in an hour rolled up before the incident was confirmed), a resolution can
 * arrive late, and a one-off maintenance window can be entered for the past. This re-rolls the
 * downtime and maintenance time of the hours such changes touch, and the day rollups of those
 * hours' complete days. Check counts are left as they are: raw results may be pruned already.
 * Returns the number of monitors refreshed.
 */
export async function refreshRollupsForChanges(db: Executor, w: RefreshWindow): Promise<number> {
  const fromHourByMonitor = new Map<string, number>();
  const note = (monitorId: string, fromMs: number) => {
    const fromHour = Math.max(floorHour(fromMs), w.notBeforeMs);
    if (fromHour >= w.beforeHourMs) return;
    fromHourByMonitor.set(monitorId, Math.min(fromHour, fromHourByMonitor.get(monitorId) ?? fromHour));
  };

  const incidents = await db
    .selectFrom('incidents')
    .select(['monitor_id', 'started_at'])
    .where('updated_at', '>=', w.changedFromMs)
    .where('updated_at', '<', w.changedToMs)
    .execute();
  // Everything from the start to now is re-rolled: a late resolution shortens the downtime of every
  // hour rolled up while the incident was still open.
  for (const i of incidents) note(i.monitor_id, i.started_at);

  const windows = await db
    .selectFrom('maintenance_windows')
    .select(['client_id', 'site_id', 'starts_at', 'created_at'])
    .where('kind', '=', 'once')
    .where('created_at', '>=', w.changedFromMs)
    .where('created_at', '<', w.changedToMs)
    .execute();
  for (const mw of windows) {
    if (mw.starts_at === null || mw.starts_at >= mw.created_at) continue; // only the future: nothing rolled up
    let q = db.selectFrom('monitors').innerJoin('sites', 'sites.id', 'monitors.site_id').select('monitors.id as id');
    q = q.where('sites.client_id', '=', mw.client_id);
    if (mw.site_id) q = q.where('monitors.site_id', '=', mw.site_id);
    for (const m of await q.execute()) note(m.id, mw.starts_at);
  }

  const byFromHour = new Map<number, string[]>();
  for (const [id, fromHour] of fromHourByMonitor) {
    const ids = byFromHour.get(fromHour);
    if (ids) ids.push(id);
    else byFromHour.set(fromHour, [id]);
  }
  for (const [fromHour, ids] of byFromHour) {
    await refreshTimeParts(db, ids, fromHour, w.beforeHourMs);
    // Whole days only: a day still in progress is rolled up when its last hour is.
    for (let day = floorDay(fromHour); day + DAY_MS <= w.beforeHourMs; day += DAY_MS) {
      await rollupDay(db, day, { monitorIds: ids });
    }
  }
  return fromHourByMonitor.size;
}

async function refreshTimeParts(db: Executor, monitorIds: string[], fromMs: number, toMs: number) {
  const refs = await loadMonitorRefs(db, { ids: monitorIds });
  for (const part of chunk(refs, 100)) {
    const sources = await loadTimeSources(db, part, fromMs, toMs);
    const rows: CheckRollupsTable[] = [];
    for (const ref of part) {
      const startMs = Math.max(fromMs, ref.span.startMs);
      const endMs = Math.min(toMs, ref.span.endMs);
      for (let h = startMs; h < endMs; h += HOUR_MS) {
        const { downtimeMs, maintenanceMs } = timeParts(sources, ref, h, h + HOUR_MS);
        rows.push(timeOnlyRow(ref.id, h, downtimeMs, maintenanceMs));
      }
    }
    for (const rowsPart of chunk(rows, 200)) {
      await db
        .insertInto('check_rollups')
        .values(rowsPart)
        .onConflict((oc) =>
          oc.columns(['monitor_id', 'period', 'period_start']).doUpdateSet((eb) => ({
            downtime_ms: eb.ref('excluded.downtime_ms'),
            maintenance_ms: eb.ref('excluded.maintenance_ms'),
          })),
        )
        .execute();
    }
  }
}

const timeOnlyRow = (monitorId: string, hourStartMs: number, downtimeMs: number, maintenanceMs: number) =>
  ({
    monitor_id: monitorId,
    period: 'hour',
    period_start: hourStartMs,
    checks_total: 0,
    checks_up: 0,
    checks_degraded: 0,
    checks_down: 0,
    downtime_ms: downtimeMs,
    maintenance_ms: maintenanceMs,
    latency_count: 0,
    latency_sum_ms: 0,
    latency_min_ms: null,
    latency_max_ms: null,
    latency_histogram: serializeHistogram(emptyHistogram()),
  }) satisfies CheckRollupsTable;

/**
 * Of these monitors, those with a change recorded since sinceMs that can touch hours already
 * rolled up (the same changes refreshRollupsForChanges handles): their rollups may lag behind.
 */
export async function monitorsWithRecentChanges(
  db: Executor,
  refs: MonitorRef[],
  sinceMs: number,
): Promise<Set<string>> {
  const out = new Set<string>();
  for (const ids of chunk(refs.map((r) => r.id))) {
    const rows = await db
      .selectFrom('incidents')
      .select('monitor_id')
      .where('monitor_id', 'in', ids)
      .where('updated_at', '>=', sinceMs)
      .execute();
    for (const r of rows) out.add(r.monitor_id);
  }
  const windows = await db
    .selectFrom('maintenance_windows')
    .select(['client_id', 'site_id', 'starts_at', 'created_at'])
    .where('kind', '=', 'once')
    .where('created_at', '>=', sinceMs)
    .execute();
  for (const w of windows) {
    if (w.starts_at === null || w.starts_at >= w.created_at) continue;
    for (const r of refs)
      if (r.clientId === w.client_id && (w.site_id === null || w.site_id === r.siteId)) out.add(r.id);
  }
  return out;
}
