import type { Logger } from 'pino';
import { checkHeartbeatDeadline, heartbeatTiming } from '../domain/monitoring/heartbeats.ts';
import type { Db, MonitorsTable } from '../storage/schema.ts';
import { toEngineResult } from './engine-result.ts';
import type { EngineEvents } from './events.ts';
import type { MonitorEntry } from './monitor-entry.ts';
import type { Timer } from './timer.ts';

const RETRY_MS = 30_000;

/**
 * When an engine starts after a heartbeat's deadline passed unobserved (nobody recorded a check
 * for it), Steward may simply have been down when the job called: its deadline counts from the
 * start instead, giving the job one full period before it is judged.
 */
export function heartbeatNotBefore(row: MonitorsTable, startMs: number): number | null {
  const { periodMs, graceMs } = heartbeatTiming(row);
  const deadlineMs = (row.last_ping_at ?? row.created_at) + periodMs + graceMs;
  const unobserved = (row.last_check_at ?? 0) < deadlineMs;
  return deadlineMs < startMs && unobserved ? startMs : null;
}

/** Looks at one heartbeat when it is due and says when to look again (null: stop watching it). */
export async function watchHeartbeat(
  deps: { db: Db; timer: Timer; events: EngineEvents; logger?: Logger },
  entry: MonitorEntry,
): Promise<number | null> {
  const nowMs = deps.timer.now();
  try {
    const outcome = await checkHeartbeatDeadline(deps.db, entry.id, nowMs, entry.heartbeatNotBeforeMs);
    if (outcome.change) {
      const { kind, incidentId, atMs } = outcome.change;
      deps.events.emit({ kind, monitorId: entry.id, incidentId, atMs });
    }
    if (outcome.result && deps.events.hasListeners) {
      deps.events.emit({
        kind: 'check_result',
        monitorId: entry.id,
        atMs: nowMs,
        result: toEngineResult(outcome.result),
      });
    }
    return outcome.nextCheckAtMs;
  } catch (err) {
    deps.logger?.error({ err, monitorId: entry.id }, 'heartbeat deadline check failed; retrying');
    return nowMs + RETRY_MS;
  }
}
