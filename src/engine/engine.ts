import type { Logger } from 'pino';
import { type ProbeResult, runProbe } from '../probes/index.ts';
import type { Db } from '../storage/schema.ts';
import { ChangeFeed } from './change-feed.ts';
import { CheckRecorder } from './check-recorder.ts';
import { type CheckJob, CheckRunner } from './check-runner.ts';
import { createEngineEvents, type EngineEvents } from './events.ts';
import { watchHeartbeat } from './heartbeat-watch.ts';
import type { MonitorEntry } from './monitor-entry.ts';
import { MonitorSet } from './monitor-set.ts';
import { ResultWriter } from './result-writer.ts';
import { Scheduler } from './scheduler.ts';
import { systemTimer, type Timer, type TimerHandle } from './timer.ts';

export type EngineOptions = {
  db: Db;
  checkConcurrency: number;
  checksPerHost: number;
  /** Recorded on every result (config.location). */
  location: string;
  timer?: Timer;
  events?: EngineEvents;
  logger?: Logger;
  /** How often to look for created/changed monitors, contracts, sites and incidents. */
  pollIntervalMs?: number;
  /** A full reload now and then catches anything the change polls could have missed. */
  reconcileIntervalMs?: number;
  flushIntervalMs?: number;
};

export type EngineStats = ReturnType<Engine['stats']>;

/**
 * The monitoring engine: scheduler + check runner + result writer in one process. Memory holds
 * the schedule and each monitor's state for speed; the database holds the truth, read at start
 * and again whenever a conditional write says memory is behind.
 */
export class Engine {
  readonly events: EngineEvents;
  private readonly timer: Timer;
  private readonly scheduler: Scheduler<MonitorEntry>;
  private readonly monitors: MonitorSet;
  private readonly runner: CheckRunner<MonitorEntry>;
  private readonly writer: ResultWriter;
  private readonly recorder: CheckRecorder;
  private readonly heartbeats = new Set<Promise<void>>();
  private feed: ChangeFeed | null = null;
  private pollTimer: TimerHandle | null = null;
  private polling: Promise<void> = Promise.resolve();
  private lastReconcileMs = 0;
  private stopping = false;
  private skippedBusy = 0;

  constructor(private readonly o: EngineOptions) {
    this.timer = o.timer ?? systemTimer;
    this.events = o.events ?? createEngineEvents();
    this.scheduler = new Scheduler(this.timer, (entry, dueMs) => this.onDue(entry, dueMs));
    this.monitors = new MonitorSet({ db: o.db, timer: this.timer, scheduler: this.scheduler, logger: o.logger });
    this.runner = new CheckRunner<MonitorEntry>({
      timer: this.timer,
      concurrency: o.checkConcurrency,
      perHost: o.checksPerHost,
      execute: (job, startedAtMs, signal) => this.execute(job, startedAtMs, signal),
      onStart: (job) => {
        if (!job.isConfirmation) job.entry.waiting = false;
      },
    });
    this.writer = new ResultWriter({
      db: o.db,
      timer: this.timer,
      logger: o.logger,
      flushIntervalMs: o.flushIntervalMs,
    });
    this.recorder = new CheckRecorder({
      db: o.db,
      timer: this.timer,
      writer: this.writer,
      events: this.events,
      location: o.location,
      logger: o.logger,
      confirm: (entry) => {
        // While stopping, no new checks: the next run's first check confirms instead.
        if (this.stopping) return;
        this.runner.submit({ entry, hostKey: entry.hostKey, dueMs: this.timer.now(), isConfirmation: true });
      },
    });
  }

  async start(): Promise<void> {
    const startMs = this.timer.now();
    this.feed = new ChangeFeed(this.o.db, startMs);
    this.lastReconcileMs = startMs;
    this.writer.start();
    this.scheduler.start();
    await this.monitors.load({ all: true }, startMs);
    this.schedulePoll();
    this.o.logger?.info({ monitors: this.monitors.size }, 'monitoring engine started');
  }

  /**
   * Stops scheduling, lets checks in flight finish (up to `graceMs`, then aborts them: a check cut
   * short says nothing about the site and is not recorded), settles incident work, flushes results.
   */
  async stop(graceMs = 10_000): Promise<void> {
    if (this.stopping) return;
    this.stopping = true;
    this.scheduler.stop();
    this.pollTimer?.cancel();
    await this.polling;
    await this.monitors.settled();
    if (!(await this.runner.drain(graceMs))) {
      this.o.logger?.warn({ inFlight: this.runner.inFlight }, 'checks still running at shutdown; aborting them');
      this.runner.abortAll();
      await this.runner.drain(2_000);
    }
    await this.settle();
    await this.writer.stop();
  }

  /** For tests and benchmarks: resolves once no poll or check runs or waits and every result is written. */
  async whenIdle(): Promise<void> {
    await this.polling;
    await this.monitors.settled();
    for (let round = 0; round < 100; round++) {
      await this.runner.drain(60_000);
      await this.settle();
      if (this.runner.inFlight === 0 && this.runner.queued === 0) break;
    }
    await this.writer.flush();
  }

  /** Looks for changes now instead of waiting for the next poll. */
  async pollNow(): Promise<void> {
    await this.poll();
  }

  stats() {
    const lag = this.runner.lagUs;
    const lagMs = (p: number) => (lag.count === 0 ? 0 : lag.percentile(p) / 1000);
    return {
      monitors: this.monitors.size,
      ...this.scheduler.stats(),
      skippedBusy: this.skippedBusy,
      checksStarted: this.runner.started,
      checksCompleted: this.runner.completed,
      inFlight: this.runner.inFlight,
      queued: this.runner.queued,
      lagP50Ms: lagMs(50),
      lagP99Ms: lagMs(99),
      lagMaxMs: lag.count === 0 ? 0 : lag.max / 1000,
      rowsWritten: this.writer.rowsWritten,
      rowsPending: this.writer.pendingRows,
      failedFlushes: this.writer.failedFlushes,
    };
  }

  /** Forgets lag samples (a benchmark measures after its warm-up). */
  resetLag(): void {
    this.runner.lagUs.reset();
  }

  private async settle(): Promise<void> {
    for (let round = 0; round < 100; round++) {
      const pending = [
        ...this.heartbeats,
        ...[...this.monitors.values()].flatMap((e) => (e.applying ? [e.applying] : [])),
      ];
      if (pending.length === 0) return;
      await Promise.allSettled(pending);
    }
  }

  private onDue(entry: MonitorEntry, dueMs: number): void {
    if (!entry.active || this.stopping) return;
    if (entry.kind === 'heartbeat') {
      this.lookAtHeartbeat(entry);
      return;
    }
    if (entry.waiting) {
      // The previous slot's check has not even started: queueing a second one would only pile up.
      this.skippedBusy += 1;
      return;
    }
    entry.waiting = true;
    this.runner.submit({ entry, hostKey: entry.hostKey, dueMs, isConfirmation: false });
  }

  private async execute(job: CheckJob<MonitorEntry>, startedAtMs: number, signal: AbortSignal): Promise<void> {
    const { entry } = job;
    if (!entry.spec || !entry.active) return;
    const startedAt = Math.max(startedAtMs, entry.lastStartedAt + 1);
    entry.lastStartedAt = startedAt;
    let result: ProbeResult;
    try {
      result = await runProbe(entry.spec, { nowMs: this.timer.now, signal });
    } catch (err) {
      // Probes return target failures as results; a throw is our bug, recorded so it is seen.
      this.o.logger?.error({ err, monitorId: entry.id }, 'probe threw');
      const message = `probe error: ${(err as Error)?.message ?? String(err)}`.slice(0, 500);
      result = { outcome: 'down', errorClass: 'other', message, httpStatus: null, timings: emptyTimings() };
    }
    if (signal.aborted || !entry.active) return;
    this.recorder.record(entry, startedAt, job.isConfirmation, result);
  }

  private lookAtHeartbeat(entry: MonitorEntry): void {
    if (entry.waiting) return;
    entry.waiting = true;
    const deps = { db: this.o.db, timer: this.timer, events: this.events, logger: this.o.logger };
    const work: Promise<void> = watchHeartbeat(deps, entry).then((nextMs) => {
      entry.waiting = false;
      this.heartbeats.delete(work);
      if (!entry.active || this.stopping) return;
      if (nextMs === null) this.monitors.remove(entry);
      else this.scheduler.setDue(entry, nextMs);
    });
    this.heartbeats.add(work);
  }

  private schedulePoll(): void {
    if (this.stopping) return;
    this.pollTimer = this.timer.setTimeout(() => {
      this.polling = this.poll().finally(() => this.schedulePoll());
    }, this.o.pollIntervalMs ?? 3_000);
  }

  private async poll(): Promise<void> {
    if (!this.feed || this.stopping) return;
    const nowMs = this.timer.now();
    try {
      const changes = await this.feed.poll(nowMs);
      // A monitor this engine already holds at that updated_at (e.g. loaded at start) needs no reload.
      const monitorIds = changes.monitors
        .filter((m) => this.monitors.get(m.id)?.updatedAt !== m.updatedAt)
        .map((m) => m.id);
      if (monitorIds.length > 0) await this.monitors.load({ monitorIds });
      if (changes.clientIds.length > 0) await this.monitors.load({ clientIds: changes.clientIds });
      for (const id of changes.incidentMonitorIds) {
        const entry = this.monitors.get(id);
        if (entry && entry.kind !== 'heartbeat') this.recorder.reloadLinks(entry);
      }
      if (nowMs - this.lastReconcileMs >= (this.o.reconcileIntervalMs ?? 600_000)) {
        this.lastReconcileMs = nowMs;
        await this.monitors.load({ all: true });
      }
    } catch (err) {
      this.o.logger?.error({ err }, 'polling for monitor changes failed');
    }
  }
}

function emptyTimings(): ProbeResult['timings'] {
  return { dnsMs: null, connectMs: null, tlsMs: null, firstByteMs: null, totalMs: 0 };
}

export function createEngine(options: EngineOptions): Engine {
  return new Engine(options);
}
