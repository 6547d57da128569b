import type { TargetMonitor } from './public-sources.ts';
import type { ComponentStatus, OverallStatus } from './public-types.ts';

/**
 * A component's status now: maintenance while a window covers it (outages then are expected),
 * otherwise the worst of its live, enabled monitors (an open incident counts as down).
 */
export function componentStatus(
  monitors: TargetMonitor[],
  openIncidentMonitorIds: Set<string>,
  inMaintenance: boolean,
): ComponentStatus {
  const live = monitors.filter((m) => m.archivedAt === null && m.enabled);
  if (inMaintenance) return 'maintenance';
  if (live.length === 0) return 'unknown';
  if (live.some((m) => m.status === 'down' || openIncidentMonitorIds.has(m.id))) return 'outage';
  if (live.some((m) => m.status === 'degraded')) return 'degraded';
  if (live.every((m) => m.status === 'unknown')) return 'unknown';
  return 'operational';
}

/** The banner: a major outage when every measured component is down, a partial one when some are. */
export function overallStatus(statuses: ComponentStatus[]): OverallStatus {
  const outages = statuses.filter((s) => s === 'outage').length;
  if (outages > 0) {
    const measured = statuses.filter((s) => s !== 'unknown' && s !== 'maintenance').length;
    return outages === measured ? 'major_outage' : 'partial_outage';
  }
  if (statuses.includes('degraded')) return 'degraded';
  if (statuses.includes('maintenance')) return 'maintenance';
  return 'operational';
}
