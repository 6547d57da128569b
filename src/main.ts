import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { openStorageFor, prepareStorage } from './bootstrap.ts';
import { systemClock } from './clock.ts';
import type { Config } from './config.ts';
import { countUsers } from './domain/users/users.ts';
import { createApp } from './http/app.ts';
import { createLogger } from './logger.ts';

export type Role = 'web' | 'all';

export type RunningServer = { url: string; stop(): Promise<void> };

/** Starts Steward: storage (migrated and seeded), then the web server; stops cleanly on SIGTERM/SIGINT. */
export async function startServer(config: Config, options: { role?: Role; installSignalHandlers?: boolean } = {}) {
  const logger = createLogger(config.logLevel);
  const storage = openStorageFor(config);
  const ctx = await prepareStorage(storage, systemClock);
  let shuttingDown = false;
  const app = createApp({ ctx, logger, trustProxy: config.trustProxy, isReady: () => !shuttingDown });

  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () => resolve(s));
    s.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
  logger.info({ url, database: storage.dialect, role: options.role ?? 'all' }, 'Steward is listening');

  const stop = async () => {
    if (shuttingDown) return;
    shuttingDown = true;
    logger.info('shutting down: no new connections, finishing requests in flight');
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

  const users = await countUsers(ctx);
  return { url, stop, firstRun: users === 0, storage } satisfies RunningServer & Record<string, unknown>;
}
