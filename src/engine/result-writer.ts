import type { Logger } from 'pino';
import {
  insertCheckResults,
  type MonitorStateColumns,
  writeMonitorStates,
} from '../domain/monitoring/record-results.ts';
import type { CheckResultsTable, Db } from '../storage/schema.ts';
import type { Timer, TimerHandle } from './timer.ts';

export type WriterOptions = {
  db: Db;
  timer: Timer;
  logger?: Logger;
  /** Rows wait at most this long (one transaction per flush). */
  flushIntervalMs?: number;
  /** ...or until this many are buffered. */
  maxBatchRows?: number;
  /** While the database is unreachable rows are kept, up to this many; then the oldest go. */
  maxBufferedRows?: number;
};

/**
 * Check results and monitor state columns, written in batches: one transaction every ~200 ms
 * instead of one per check, which is what lets one SQLite file keep up with hundreds of checks
 * a second. State columns are coalesced per monitor (only the latest matters).
 */
export class ResultWriter {
  private rows: CheckResultsTable[] = [];
  private states = new Map<string, MonitorStateColumns>();
  private flushing: Promise<void> = Promise.resolve();
  private tick: TimerHandle | null = null;
  private stopped = true;
  private flushRequested = false;
  rowsWritten = 0;
  rowsDropped = 0;
  flushes = 0;
  failedFlushes = 0;

  private readonly flushIntervalMs: number;
  private readonly maxBatchRows: number;
  private readonly maxBufferedRows: number;

  constructor(private readonly options: WriterOptions) {
    this.flushIntervalMs = options.flushIntervalMs ?? 200;
    this.maxBatchRows = options.maxBatchRows ?? 1000;
    this.maxBufferedRows = options.maxBufferedRows ?? 200_000;
  }

  get pendingRows(): number {
    return this.rows.length;
  }

  start(): void {
    this.stopped = false;
    this.schedule();
  }

  /** Final flush; afterwards add() still buffers but nothing writes on its own. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.tick?.cancel();
    this.tick = null;
    await this.flush();
  }

  add(row: CheckResultsTable, state: MonitorStateColumns): void {
    this.rows.push(row);
    this.states.set(row.monitor_id, state);
    if (this.rows.length >= this.maxBatchRows && !this.flushRequested && !this.stopped) {
      this.flushRequested = true;
      setImmediate(() => {
        this.flushRequested = false;
        void this.flush();
      });
    }
  }

  /** Writes everything buffered so far; resolves when it is in the database (or the attempt failed). */
  flush(): Promise<void> {
    this.flushing = this.flushing.then(() => this.writeBuffered());
    return this.flushing;
  }

  private schedule(): void {
    if (this.stopped) return;
    this.tick = this.options.timer.setTimeout(() => {
      this.flush().finally(() => this.schedule());
    }, this.flushIntervalMs);
  }

  private async writeBuffered(): Promise<void> {
    if (this.rows.length === 0 && this.states.size === 0) return;
    const rows = this.rows;
    const states = this.states;
    this.rows = [];
    this.states = new Map();
    try {
      await this.options.db.transaction().execute(async (trx) => {
        await insertCheckResults(trx, rows);
        await writeMonitorStates(trx, states);
      });
      this.rowsWritten += rows.length;
      this.flushes += 1;
    } catch (err) {
      this.failedFlushes += 1;
      this.options.logger?.error({ err, rows: rows.length }, 'writing check results failed; will retry');
      this.requeue(rows, states);
    }
  }

  /** Puts a failed batch back in front; newer state for a monitor wins over the failed one. */
  private requeue(rows: CheckResultsTable[], states: Map<string, MonitorStateColumns>): void {
    this.rows = rows.concat(this.rows);
    for (const [id, columns] of states) if (!this.states.has(id)) this.states.set(id, columns);
    const excess = this.rows.length - this.maxBufferedRows;
    if (excess > 0) {
      this.rows.splice(0, excess);
      this.rowsDropped += excess;
      this.options.logger?.error({ dropped: excess }, 'check result buffer full; oldest results dropped');
    }
  }
}
