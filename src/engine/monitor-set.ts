import type { Logger } from 'pino';
import { loadIncidentLinks, stateFromRow } from '../domain/monitoring/record-results.ts';
import type { Db } from '../storage/schema.ts';
import { heartbeatNotBefore } from './heartbeat-watch.ts';
import { createEntry, type MonitorEntry, updateEntry } from './monitor-entry.ts';
import { type LoadScope, loadActiveMonitors } from './monitor-loader.ts';
import type { Scheduler } from './scheduler.ts';
import type { Timer } from './timer.ts';

/**
 * The monitors this engine runs, kept in line with the database: loads are serialised, each one
 * adds what is new, updates what changed (rescheduling when the interval moved) and drops what
 * is no longer enabled, live or existing.
 */
export class MonitorSet {
  private readonly entries = new Map<string, MonitorEntry>();
  private loads: Promise<void> = Promise.resolve();

  constructor(private readonly deps: { db: Db; timer: Timer; scheduler: Scheduler<MonitorEntry>; logger?: Logger }) {}

  get size(): number {
    return this.entries.size;
  }

  get(id: string): MonitorEntry | undefined {
    return this.entries.get(id);
  }

  values(): IterableIterator<MonitorEntry> {
    return this.entries.values();
  }

  /** Resolves when every load asked for so far has been applied. */
  settled(): Promise<void> {
    return this.loads;
  }

  /** `startMs` is given on the engine's first load only (heartbeats that passed a deadline unseen). */
  load(scope: LoadScope, startMs: number | null = null): Promise<void> {
    const run = this.loads.then(() => this.apply(scope, startMs));
    this.loads = run.catch(() => {});
    return run;
  }

  remove(entry: MonitorEntry): void {
    entry.active = false;
    this.deps.scheduler.remove(entry);
    this.entries.delete(entry.id);
  }

  private async apply(scope: LoadScope, startMs: number | null): Promise<void> {
    const { db, timer, logger } = this.deps;
    const loaded = await loadActiveMonitors(db, scope);
    const loadedIds = new Set(loaded.map((l) => l.row.id));
    const inScope = scopeTest(scope);
    for (const entry of [...this.entries.values()]) {
      if (inScope(entry) && !loadedIds.has(entry.id)) this.remove(entry);
    }
    const fresh = loaded.filter((l) => !this.entries.has(l.row.id)).map((l) => l.row.id);
    const links =
      fresh.length === 0 ? new Map() : await loadIncidentLinks(db, 'all' in scope ? null : fresh, timer.now());
    for (const [i, l] of loaded.entries()) {
      // Parsing thousands of configs takes a while: let due checks start in between, and place
      // each monitor from the time it is ready, so none starts out already late.
      if (i > 0 && i % 500 === 0) await new Promise((resolve) => setImmediate(resolve));
      const existing = this.entries.get(l.row.id);
      try {
        if (!existing) {
          const entry = createEntry(l, stateFromRow(l.row, links.get(l.row.id)));
          if (entry.kind === 'heartbeat' && startMs !== null) {
            entry.heartbeatNotBeforeMs = heartbeatNotBefore(l.row, startMs);
          }
          this.entries.set(entry.id, entry);
          this.place(entry);
        } else {
          const edited = existing.updatedAt !== l.row.updated_at;
          const moved = updateEntry(existing, l);
          // A heartbeat's deadline depends on its config: look again now, it says when to come back.
          if (moved || (edited && existing.kind === 'heartbeat')) this.place(existing);
        }
      } catch (err) {
        logger?.error({ err, monitorId: l.row.id }, 'monitor cannot be scheduled (invalid config?)');
      }
    }
  }

  private place(entry: MonitorEntry): void {
    const nowMs = this.deps.timer.now();
    if (entry.kind === 'heartbeat') this.deps.scheduler.setDue(entry, nowMs);
    else this.deps.scheduler.scheduleNext(entry, nowMs - 1);
  }
}

function scopeTest(scope: LoadScope): (entry: MonitorEntry) => boolean {
  if ('all' in scope) return () => true;
  if ('monitorIds' in scope) {
    const ids = new Set(scope.monitorIds);
    return (e) => ids.has(e.id);
  }
  const clients = new Set(scope.clientIds);
  return (e) => clients.has(e.clientId);
}
