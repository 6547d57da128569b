import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { openStorageFor, prepareStorage } from './bootstrap.ts';
import { systemClock } from './clock.ts';
import type { Config } from './config.ts';
import { countUsers } from './domain/users/users.ts';
import { createEngine, type Engine } from './engine/engine.ts';
import { createEngineEvents, type EngineEvents } from './engine/events.ts';
import { createApp } from './http/app.ts';
import { startAlertWorker } from './integrations/alert-worker.ts';
import { subscribeAlertsToEngine } from './integrations/engine-alerts.ts';
import { createMailSender } from './integrations/mail/mail-sender.ts';
import { startJobRunner } from './jobs/job-runner.ts';
import { withSlaWatch } from './jobs/sla-watch-job.ts';
import { withSubscriberSweep } from './jobs/subscriber-sweep-job.ts';
import { createLogger } from './logger.ts';
import type { Storage } from './storage/database.ts';

/** web: console, API, heartbeat pings. worker: scheduler and check workers. all: both, one process. */
export type Role = 'web' | 'worker' | 'all';

type StartOptions<R extends Role> = { role?: R; installSignalHandlers?: boolean };

type Running = {
  stop(): Promise<void>;
  firstRun: boolean;
  storage: Storage;
  /** Incident and check events of this process (the heartbeat route and the engine emit here). */
  events: EngineEvents;
  engine: Engine | null;
};
export type RunningServer = Running & { url: string };
export type RunningWorker = Running & { url: null };

/**
 * Starts Steward: storage (migrated and seeded), then the parts the role asks for. SIGTERM/SIGINT
 * stop it cleanly: no new requests or checks, work in flight finishes (bounded), results are
 * flushed, then storage closes.
 */
// The web form is last: ReturnType<typeof startServer> (used by callers) is the last overload.
export async function startServer(
  config: Config,
  options: StartOptions<'worker'> & { role: 'worker' },
): Promise<RunningWorker>;
export async function startServer(config: Config, options?: StartOptions<'web' | 'all'>): Promise<RunningServer>;
export async function startServer(
  config: Config,
  options: StartOptions<Role> = {},
): Promise<RunningServer | RunningWorker> {
  const role = options.role ?? 'all';
  const logger = createLogger(config.logLevel);
  const storage = openStorageFor(config);
  const ctx = await prepareStorage(storage, systemClock);
  let shuttingDown = false;
  const events = createEngineEvents((err) => logger.error({ err }, 'engine event listener failed'));

  const engine =
    role === 'web'
      ? null
      : createEngine({
          db: storage.db,
          checkConcurrency: config.checkConcurrency,
          checksPerHost: config.checksPerHost,
          location: config.location,
          events,
          logger: logger.child({ component: 'engine' }),
        });
  const web = role === 'worker' ? null : await startWeb();
  // Alert delivery and the rollup/retention jobs run beside the engine; every process may run them,
  // since outbox rows and job slots are claimed with conditional writes.
  const alerts = engine ? startAlertWorker({ ctx, config, logger: logger.child({ component: 'alerts' }) }) : null;
  const alertFeed = alerts ? subscribeAlertsToEngine(events, ctx, { logger, onQueued: () => alerts.wake() }) : null;
  const jobs = engine
    ? withSubscriberSweep(
        withSlaWatch(startJobRunner({ ctx, config, logger: logger.child({ component: 'jobs' }) }), {
          ctx,
          logger: logger.child({ component: 'sla-watch' }),
        }),
        {
          ctx,
          logger: logger.child({ component: 'subscriber-sweep' }),
          send: createMailSender({ smtpUrl: config.smtpUrl, from: config.mailFrom, timeoutMs: 10_000 }).sendMail,
          publicUrl: config.publicUrl,
        },
      )
    : null;
  try {
    await engine?.start();
  } catch (err) {
    if (web) await closeWeb(web.server);
    alertFeed?.unsubscribe();
    await Promise.all([alerts?.stop(), jobs?.stop()]);
    await storage.close();
    throw err;
  }
  logger.info(
    { url: web?.url, database: storage.dialect, role },
    web ? 'Steward is listening' : 'Steward worker started',
  );

  async function startWeb() {
    const app = createApp({
      ctx,
      logger,
      trustProxy: config.trustProxy,
      trustedProxies: config.trustedProxies,
      publicUrl: config.publicUrl,
      sendMail: createMailSender({ smtpUrl: config.smtpUrl, from: config.mailFrom, timeoutMs: 10_000 }).sendMail,
      engineEvents: events,
      isReady: () => !shuttingDown,
    });
    const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
      const s = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () => resolve(s));
      s.once('error', reject);
    });
    const { port } = server.address() as AddressInfo;
    const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
    return { server, url };
  }

  async function closeWeb(server: ReturnType<typeof serve>) {
    const timer = setTimeout(() => {
      logger.warn('in-flight requests did not finish in time; closing connections');
      (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
    }, config.shutdownTimeoutMs);
    timer.unref();
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    // Idle keep-alive sockets would hold close() open; busy ones finish their request first.
    (server as unknown as { closeIdleConnections?: () => void }).closeIdleConnections?.();
    await closed;
    clearTimeout(timer);
  }

  const stop = async () => {
    if (shuttingDown) return;
    shuttingDown = true;
    logger.info('shutting down: no new connections or checks, finishing work in flight');
    await Promise.all([web && closeWeb(web.server), engine?.stop(config.shutdownTimeoutMs)]);
    alertFeed?.unsubscribe();
    await alertFeed?.idle();
    await Promise.all([alerts?.stop(), jobs?.stop()]);
    await storage.close();
    logger.info('stopped');
    logger.flush();
  };

  if (options.installSignalHandlers !== false) {
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      process.once(signal, () => {
        stop().then(
          () => process.exit(0),
          (err) => {
            logger.error({ err }, 'shutdown failed');
            process.exit(1);
          },
        );
      });
    }
  }

  const firstRun = (await countUsers(ctx)) === 0;
  const running: Running = { stop, firstRun, storage, events, engine };
  return web ? { ...running, url: web.url } : { ...running, url: null };
}
