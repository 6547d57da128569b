import type { Logger } from 'pino';
import { type CheckObservation, evaluateCheck, type IncidentAction } from '../domain/monitoring/evaluate-check.ts';
import {
  applyIncidentAction,
  type IncidentChange,
  loadIncidentLinks,
  stateColumns,
} from '../domain/monitoring/record-results.ts';
import type { ProbeResult } from '../probes/index.ts';
import type { CheckResultsTable, Db } from '../storage/schema.ts';
import { toEngineResult } from './engine-result.ts';
import type { EngineEvents } from './events.ts';
import type { MonitorEntry } from './monitor-entry.ts';
import type { ResultWriter } from './result-writer.ts';
import type { Timer } from './timer.ts';

export type RecorderDeps = {
  db: Db;
  timer: Timer;
  writer: ResultWriter;
  events: EngineEvents;
  location: string;
  logger?: Logger;
  /** Starts the immediate re-check that confirms a first failure. */
  confirm: (entry: MonitorEntry) => void;
};

/**
 * Turns a finished probe into a stored result, the monitor's next state and, when the rules say
 * so, an incident transition. Results of one monitor are evaluated strictly in order: while an
 * incident transition is being written, later results for that monitor wait behind it.
 */
export class CheckRecorder {
  constructor(private readonly deps: RecorderDeps) {}

  record(entry: MonitorEntry, startedAt: number, isConfirmation: boolean, probe: ProbeResult): void {
    const row = toRow(entry.id, this.deps.location, startedAt, isConfirmation, probe);
    if (entry.applying) {
      this.chain(entry, () => this.evaluate(entry, row, probe));
      return;
    }
    const pending = this.evaluate(entry, row, probe);
    if (pending) this.track(entry, pending);
  }

  /** Runs `work` after whatever this monitor is already doing. */
  chain(entry: MonitorEntry, work: () => Promise<void> | undefined): void {
    const previous = entry.applying ?? Promise.resolve();
    this.track(
      entry,
      previous.then(() => work()),
    );
  }

  /**
   * Reloads the monitor's incident linkage from the database (another engine or a person changed
   * it). An incident closed by someone else also ends the failure streak it belonged to, so the
   * next failure starts a new outage instead of inheriting the old start time.
   */
  reloadLinks(entry: MonitorEntry): void {
    this.chain(entry, async () => {
      const link = (await loadIncidentLinks(this.deps.db, [entry.id], this.deps.timer.now())).get(entry.id);
      const openIncidentId = link?.openIncidentId ?? null;
      const closedElsewhere = entry.state.openIncidentId !== null && entry.state.openIncidentId !== openIncidentId;
      entry.state = {
        ...entry.state,
        openIncidentId,
        lastResolved: link?.lastResolved ?? null,
        ...(closedElsewhere && !openIncidentId && { consecutiveFailures: 0, streakSince: null }),
      };
    });
  }

  private track(entry: MonitorEntry, work: Promise<void>): void {
    const guarded: Promise<void> = work
      .catch((err) => this.deps.logger?.error({ err, monitorId: entry.id }, 'recording a check failed'))
      .then(() => {
        if (entry.applying === guarded) entry.applying = null;
      });
    entry.applying = guarded;
  }

  private evaluate(entry: MonitorEntry, row: CheckResultsTable, probe: ProbeResult): Promise<void> | undefined {
    const nowMs = this.deps.timer.now();
    const observation: CheckObservation = {
      outcome: row.outcome,
      startedAt: row.started_at,
      isConfirmation: row.is_confirmation === 1,
      errorClass: row.error_class,
      message: row.message,
    };
    const { state, action } = evaluateCheck(entry.state, observation, entry.policy, nowMs);
    entry.state = state;
    this.deps.writer.add(row, stateColumns(state, row));
    this.emitResult(entry, row, probe, nowMs);
    if (action.kind === 'confirm') this.deps.confirm(entry);
    if (action.kind === 'open' || action.kind === 'reopen' || action.kind === 'resolve') {
      return this.transition(entry, action, nowMs);
    }
    return undefined;
  }

  private async transition(entry: MonitorEntry, action: IncidentAction, nowMs: number): Promise<void> {
    // The results that justify the transition go in first: an incident never lacks its evidence.
    await this.deps.writer.flush();
    try {
      const applied = await applyIncidentAction(this.deps.db, entry.id, entry.state, action, nowMs);
      entry.state = applied.state;
      if (applied.change) this.emitChange(entry, applied.change);
    } catch (err) {
      this.deps.logger?.error({ err, monitorId: entry.id, action: action.kind }, 'incident transition failed');
      this.reloadLinks(entry);
    }
  }

  private emitChange(entry: MonitorEntry, change: IncidentChange): void {
    this.deps.events.emit({ kind: change.kind, monitorId: entry.id, incidentId: change.incidentId, atMs: change.atMs });
  }

  private emitResult(entry: MonitorEntry, row: CheckResultsTable, probe: ProbeResult, nowMs: number): void {
    const events = this.deps.events;
    const tlsWarning = row.error_class === 'cert_expiring';
    if (!events.hasListeners) return;
    const result = toEngineResult(row, probe);
    events.emit({ kind: 'check_result', monitorId: entry.id, atMs: nowMs, result });
    if (tlsWarning) events.emit({ kind: 'tls_warning', monitorId: entry.id, atMs: nowMs, result });
  }
}

function toRow(
  monitorId: string,
  location: string,
  startedAt: number,
  isConfirmation: boolean,
  probe: ProbeResult,
): CheckResultsTable {
  const t = probe.timings;
  return {
    monitor_id: monitorId,
    started_at: startedAt,
    location,
    outcome: probe.outcome,
    error_class: probe.errorClass,
    http_status: probe.httpStatus,
    dns_ms: t.dnsMs,
    connect_ms: t.connectMs,
    tls_ms: t.tlsMs,
    first_byte_ms: t.firstByteMs,
    total_ms: t.totalMs,
    message: probe.message,
    is_confirmation: isConfirmation ? 1 : 0,
  };
}
