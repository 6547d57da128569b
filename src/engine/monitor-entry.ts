import type { IncidentPolicy, MonitorState } from '../domain/monitoring/evaluate-check.ts';
import { heartbeatPolicy } from '../domain/monitoring/heartbeats.ts';
import { phaseMs } from '../domain/monitoring/schedule.ts';
import { type ProbeSpec, probeSpecSchema } from '../probes/index.ts';
import type { MonitorsTable } from '../storage/schema.ts';
import type { HeapItem } from './due-heap.ts';
import type { LoadedMonitor } from './monitor-loader.ts';

/** Everything the engine keeps in memory per monitor; the database stays the truth. */
export type MonitorEntry = HeapItem & {
  id: string;
  kind: MonitorsTable['kind'];
  clientId: string;
  /** The row's updated_at: every edit moves it, so the same value means nothing to re-read. */
  updatedAt: number;
  intervalMs: number;
  phaseMs: number;
  /** Null for heartbeats, which are passive. Parsed once: probes cache per config object. */
  spec: ProbeSpec | null;
  /** Politeness key: at most N checks in flight per target host. */
  hostKey: string;
  policy: IncidentPolicy;
  state: MonitorState;
  /** started_at is part of the result's key, so two checks of one monitor never share a millisecond. */
  lastStartedAt: number;
  /** A scheduled check is waiting for a slot: the next due time is skipped rather than queued twice. */
  waiting: boolean;
  /** Incident work or a reload in progress; later results for this monitor wait for it. */
  applying: Promise<void> | null;
  active: boolean;
  /** Heartbeats only: deadlines count from here when Steward was not running to receive pings. */
  heartbeatNotBeforeMs: number | null;
};

export function hostKeyOf(spec: ProbeSpec): string {
  switch (spec.kind) {
    case 'http':
      return new URL(spec.config.url).hostname.toLowerCase();
    case 'tcp':
    case 'tls':
      return spec.config.host.toLowerCase();
    case 'dns':
      return `dns:${spec.config.resolver ?? 'system'}`;
  }
}

/** Heartbeats are not on the interval grid: their next look is set from their deadline. */
function scheduleIntervalMs(loaded: LoadedMonitor): number {
  return loaded.row.kind === 'heartbeat' ? 0 : loaded.intervalS * 1000;
}

// Memory per monitor is what sets the engine's heap size (V8 lets the heap grow to a multiple of
// what stays live), so the few distinct policies and client ids are shared, not copied per monitor.
const policies = new Map<string, IncidentPolicy>();
const strings = new Map<string, string>();

function intern(value: string): string {
  const known = strings.get(value);
  if (known !== undefined) return known;
  strings.set(value, value);
  return value;
}

function policyOf(row: MonitorsTable): IncidentPolicy {
  const policy =
    row.kind === 'heartbeat'
      ? heartbeatPolicy(row)
      : {
          failureThreshold: row.failure_threshold,
          recoveryThreshold: row.recovery_threshold,
          flapGraceMs: row.flap_grace_s * 1000,
        };
  const key = `${policy.failureThreshold}/${policy.recoveryThreshold}/${policy.flapGraceMs}`;
  const shared = policies.get(key);
  if (shared) return shared;
  policies.set(key, Object.freeze(policy));
  return policy;
}

function specOf(row: MonitorsTable): ProbeSpec | null {
  if (row.kind === 'heartbeat') return null;
  return probeSpecSchema.parse({ kind: row.kind, config: JSON.parse(row.config) });
}

export function createEntry(loaded: LoadedMonitor, state: MonitorState): MonitorEntry {
  const { row } = loaded;
  const spec = specOf(row);
  const intervalMs = scheduleIntervalMs(loaded);
  return {
    dueMs: 0,
    heapIndex: -1,
    id: row.id,
    kind: row.kind,
    clientId: intern(loaded.clientId),
    updatedAt: row.updated_at,
    intervalMs,
    phaseMs: intervalMs > 0 ? phaseMs(row.id, intervalMs) : 0,
    spec,
    hostKey: spec ? hostKeyOf(spec) : 'heartbeat',
    policy: policyOf(row),
    state,
    lastStartedAt: row.last_check_at ?? 0,
    waiting: false,
    applying: null,
    active: true,
    heartbeatNotBeforeMs: null,
  };
}

/** Applies a reloaded row; true when the schedule (interval) changed. Counters are not touched. */
export function updateEntry(entry: MonitorEntry, loaded: LoadedMonitor): boolean {
  const { row } = loaded;
  if (row.updated_at !== entry.updatedAt) {
    entry.spec = specOf(row);
    entry.hostKey = entry.spec ? hostKeyOf(entry.spec) : 'heartbeat';
    entry.policy = policyOf(row);
    entry.updatedAt = row.updated_at;
  }
  entry.clientId = intern(loaded.clientId);
  const intervalMs = scheduleIntervalMs(loaded);
  if (intervalMs === entry.intervalMs) return false;
  entry.intervalMs = intervalMs;
  entry.phaseMs = intervalMs > 0 ? phaseMs(row.id, intervalMs) : 0;
  return true;
}
