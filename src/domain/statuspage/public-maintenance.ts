import type { MaintenanceWindowsTable } from '../../storage/schema.ts';
import { maintenanceIntervals } from '../monitoring/maintenance-intervals.ts';
import { toRule } from '../monitoring/maintenance-windows.ts';
import type { VisibleComponent } from './public-sources.ts';
import type { PublicMaintenance } from './public-types.ts';

const DAY_MS = 86_400_000;
const AHEAD_MS = 14 * DAY_MS;
/** The longest a weekly window can run (a week): an occurrence that began this long ago may still be on. */
const LONGEST_MS = 7 * DAY_MS;
const MAX_SHOWN = 10;

/**
 * Maintenance on now or starting in the next 14 days that touches the page: windows of the whole
 * client (every component) or of a site one of the components shows. Archived windows have no
 * future occurrences.
 */
export function buildPublicMaintenance(
  windows: MaintenanceWindowsTable[],
  components: VisibleComponent[],
  nowMs: number,
): PublicMaintenance[] {
  const out: PublicMaintenance[] = [];
  for (const w of windows) {
    if (w.archived_at !== null && w.archived_at <= nowMs) continue;
    const names = w.site_id === null ? [] : components.filter((c) => c.siteId === w.site_id).map((c) => c.name);
    if (w.site_id !== null && names.length === 0) continue;
    const shown = (startsAt: number, endsAt: number) =>
      out.push({ title: w.title, startsAt, endsAt, active: startsAt <= nowMs, componentNames: names });
    if (w.kind === 'once') {
      // Shown whole, even when it began long ago or ends far ahead.
      const startsAt = w.starts_at ?? 0;
      const endsAt = Math.min(w.ends_at ?? 0, w.archived_at ?? Number.POSITIVE_INFINITY);
      if (endsAt > nowMs && startsAt < nowMs + AHEAD_MS) shown(startsAt, endsAt);
      continue;
    }
    const fromMs = Math.max(nowMs - LONGEST_MS, w.created_at);
    const toMs = Math.min(nowMs + AHEAD_MS + LONGEST_MS, w.archived_at ?? Number.POSITIVE_INFINITY);
    for (const i of maintenanceIntervals([toRule(w)], fromMs, toMs)) {
      if (i.endMs > nowMs && i.startMs < nowMs + AHEAD_MS) shown(i.startMs, i.endMs);
    }
  }
  return out.sort((a, b) => a.startsAt - b.startsAt).slice(0, MAX_SHOWN);
}
