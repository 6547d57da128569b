import { openStorageFor, prepareStorage } from '../bootstrap.ts';
import { systemClock } from '../clock.ts';
import { type Config, loadConfig } from '../config.ts';
import type { Ctx } from '../domain/context.ts';
import type { Storage } from '../storage/database.ts';

export type CliSession = { ctx: Ctx; storage: Storage; config: Config };

/**
 * Opens the configured database, brings it up to date (migrations, settings, default plans), runs
 * `work`, and always closes the database so a short command exits as soon as it is done.
 */
export async function withSession<T>(work: (session: CliSession) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const storage = openStorageFor(config);
  try {
    const ctx = await prepareStorage(storage, systemClock);
    return await work({ ctx, storage, config });
  } finally {
    await storage.close();
  }
}

/** Where the data lives, for messages; never includes a password. */
export function describeDatabase(config: Pick<Config, 'databaseUrl' | 'sqlitePath'>): string {
  if (!config.databaseUrl) return `SQLite database ${config.sqlitePath}`;
  try {
    const url = new URL(config.databaseUrl);
    return `PostgreSQL database ${url.pathname.slice(1) || '(default)'} on ${url.host || 'localhost'}`;
  } catch {
    return 'PostgreSQL database';
  }
}
