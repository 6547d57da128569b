import type { Logger } from 'pino';
import type { Clock } from '../clock.ts';
import type { Config } from '../config.ts';
import { enqueueMissedAlerts } from '../domain/alerts/catch-up.ts';
import { type DeliveryOptions, deliverDueAlerts } from '../domain/alerts/deliver-alerts.ts';
import { enqueueDueReminders } from '../domain/alerts/reminders.ts';
import type { AlertSenders } from '../domain/alerts/senders.ts';
import type { Ctx } from '../domain/context.ts';
import { systemTimer, type Timer, type TimerHandle } from '../engine/timer.ts';
import { createAlertSenders } from './alert-senders.ts';

export const ALERT_POLL_MS = 2_000;
/** The catch-up sweep for alerts lost between an incident commit and its enqueue (a crash). */
export const CATCH_UP_EVERY_MS = 60_000;
/** Batches per pass at most, so one pass cannot run forever behind a flood of alerts. */
const MAX_BATCHES_PER_PASS = 20;
const BATCH_SIZE = 50;

export type AlertWorker = {
  /** One pass now: queue reminders (and missed alerts), deliver due alerts. Passes never overlap. */
  tick(): Promise<void>;
  /** A pass soon (e.g. right after alerts were queued) instead of at the next poll. */
  wake(): void;
  /** Stops polling; resolves once the pass in flight (bounded by the send timeout) has finished. */
  stop(): Promise<void>;
};

export type StartAlertWorkerOptions = {
  ctx: Ctx;
  config: Pick<Config, 'smtpUrl' | 'mailFrom' | 'publicUrl'>;
  logger: Pick<Logger, 'info' | 'warn' | 'error'>;
  /** "Now" for claims, retries and reminders; defaults to ctx.clock. */
  clock?: Clock;
  /** Wake-ups between passes; defaults to real time. */
  timer?: Pick<Timer, 'setTimeout'>;
  pollMs?: number;
  /** Defaults to the real senders built from config (SMTP or stored mail, webhooks, Slack). */
  senders?: AlertSenders;
} & Pick<DeliveryOptions, 'lockMs' | 'maxAttempts' | 'random' | 'concurrency'>;

/**
 * The alert outbox worker: every pollMs it queues due reminders and delivers due alerts. All
 * state is in alert_outbox, so any number may run (in one process or several) and a killed one
 * loses nothing: its claims expire and another worker delivers them.
 */
export function startAlertWorker(o: StartAlertWorkerOptions): AlertWorker {
  const ctx: Ctx = o.clock ? { ...o.ctx, clock: o.clock } : o.ctx;
  const timer = o.timer ?? systemTimer;
  const pollMs = o.pollMs ?? ALERT_POLL_MS;
  const delivery: DeliveryOptions = {
    senders: o.senders ?? createAlertSenders(o.config),
    consoleUrl: o.config.publicUrl,
    logger: o.logger,
    batchSize: BATCH_SIZE,
    lockMs: o.lockMs,
    maxAttempts: o.maxAttempts,
    random: o.random,
    concurrency: o.concurrency,
  };
  let stopped = false;
  let handle: TimerHandle | null = null;
  let running: Promise<void> | null = null;
  let lastCatchUpMs = Number.NEGATIVE_INFINITY;

  const pass = async () => {
    try {
      if (ctx.clock.now() - lastCatchUpMs >= CATCH_UP_EVERY_MS) {
        lastCatchUpMs = ctx.clock.now();
        await enqueueMissedAlerts(ctx);
      }
      await enqueueDueReminders(ctx);
      for (let i = 0; i < MAX_BATCHES_PER_PASS && !stopped; i++) {
        const outcomes = await deliverDueAlerts(ctx, delivery);
        if (outcomes.length < BATCH_SIZE) break;
      }
    } catch (err) {
      o.logger.error({ err }, 'alert worker pass failed; retrying at the next poll');
    }
  };

  const tick = (): Promise<void> => {
    if (!running) running = pass().finally(() => (running = null));
    return running;
  };

  const schedule = (delayMs: number) => {
    if (stopped) return;
    handle?.cancel();
    handle = timer.setTimeout(() => {
      handle = null;
      void tick().finally(() => {
        if (handle === null) schedule(pollMs);
      });
    }, delayMs);
  };

  schedule(0);
  return {
    tick,
    wake: () => schedule(0),
    async stop() {
      stopped = true;
      handle?.cancel();
      handle = null;
      await running;
    },
  };
}
