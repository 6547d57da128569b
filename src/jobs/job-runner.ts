import { hostname } from 'node:os';
import type { Config } from '../config.ts';
import type { Ctx } from '../domain/context.ts';
import { systemTimer, type Timer } from '../engine/timer.ts';
import { newId } from '../ids.ts';
import type { JobContext, JobLogger } from './job-context.ts';
import { runPruneJobs } from './prune-jobs.ts';
import { runRollupJobs } from './rollup-jobs.ts';

export type JobRunnerOptions = {
  ctx: Ctx;
  config: Pick<Config, 'rawRetentionDays' | 'rollupRetentionDays'>;
  logger: JobLogger;
  /** Wake-ups (ticks, pauses between batches); "now" always comes from ctx.clock. */
  timer?: Pick<Timer, 'setTimeout'>;
  /** How often to look for due jobs. */
  tickMs?: number;
  settleMs?: number;
  leaseMs?: number;
  batchSize?: number;
  /** Pause between DELETE batches and between chunks of a rollup; 0 only yields to the event loop. */
  batchPauseMs?: number;
  runnerId?: string;
};

export type JobRunner = {
  /** One pass over every due job; what it ran, by slot key. */
  runOnce(): Promise<string[]>;
  /** Stops ticking and waits for a pass in progress to stop at its next batch or hour. */
  stop(): Promise<void>;
};

const DEFAULTS = { tickMs: 60_000, settleMs: 5 * 60_000, leaseMs: 15 * 60_000, batchSize: 2000, batchPauseMs: 20 };

/** The periodic maintenance jobs (hour/day rollups, retention) without a loop: for tests and the CLI. */
export function createJobRunner(options: JobRunnerOptions): JobRunner & { jobContext: JobContext } {
  const timer = options.timer ?? systemTimer;
  const pauseMs = options.batchPauseMs ?? DEFAULTS.batchPauseMs;
  let stopping = false;
  const jc: JobContext = {
    db: options.ctx.db,
    clock: options.ctx.clock,
    retention: options.config,
    runnerId: options.runnerId ?? `${hostname()}:${process.pid}:${newId('run')}`,
    logger: options.logger,
    settleMs: options.settleMs ?? DEFAULTS.settleMs,
    leaseMs: options.leaseMs ?? DEFAULTS.leaseMs,
    batchSize: options.batchSize ?? DEFAULTS.batchSize,
    pause: () =>
      new Promise<void>((resolve) => {
        if (pauseMs > 0) timer.setTimeout(resolve, pauseMs);
        else setImmediate(resolve);
      }),
    isStopping: () => stopping,
  };
  return {
    jobContext: jc,
    async runOnce() {
      const rollups = await runRollupJobs(jc);
      if (stopping) return rollups.ran;
      return [...rollups.ran, ...(await runPruneJobs(jc, rollups.pendingFromMs))];
    },
    async stop() {
      stopping = true;
    },
  };
}

/**
 * Starts the maintenance jobs in this process (the worker role): a pass right away (catching up
 * whatever was missed while no process ran), then one every tickMs. Several processes may run it
 * at once: each slot is claimed by one of them.
 */
export function startJobRunner(options: JobRunnerOptions): { stop(): Promise<void> } {
  const runner = createJobRunner(options);
  const timer = options.timer ?? systemTimer;
  const tickMs = options.tickMs ?? DEFAULTS.tickMs;
  let stopped = false;
  let pending: { cancel(): void } | null = null;
  let inFlight: Promise<void> | null = null;

  const tick = () => {
    pending = null;
    inFlight = runner
      .runOnce()
      .then(
        (ran) => {
          if (ran.length > 0) options.logger.info({ jobs: ran }, 'maintenance jobs ran');
        },
        (err) => options.logger.error({ err }, 'maintenance jobs failed; retrying at the next tick'),
      )
      .finally(() => {
        inFlight = null;
        if (!stopped) pending = timer.setTimeout(tick, tickMs);
      });
  };
  pending = timer.setTimeout(tick, 0);

  return {
    async stop() {
      stopped = true;
      pending?.cancel();
      await runner.stop();
      await inFlight;
    },
  };
}
