import { openStorageFor, prepareStorage } from '../bootstrap.ts';
import { loadConfig } from '../config.ts';
import { startServer } from '../main.ts';
import { migrateToLatest } from '../storage/migrate.ts';
import type { StartRole } from './choices.ts';
import { CliError } from './errors.ts';
import { tell } from './output.ts';
import { describeDatabase } from './session.ts';

export async function start(opts: { role: StartRole }): Promise<void> {
  const config = loadConfig();
  if (opts.role === 'worker') {
    await startServer(config, { role: 'worker' });
    tell(`Steward worker is running: scheduler and checks, no web server (${describeDatabase(config)})`);
    return;
  }
  let running: Awaited<ReturnType<typeof startServer>>;
  try {
    running = await startServer(config, { role: opts.role });
  } catch (err) {
    if ((err as { code?: unknown })?.code === 'EADDRINUSE') {
      throw new CliError(
        `${config.host}:${config.port} is already in use; stop the other process or choose another STEWARD_PORT`,
      );
    }
    throw err;
  }
  const lines = [`Steward is running at ${running.url} (${describeDatabase(config)})`];
  if (running.firstRun) {
    const base = config.publicUrl?.replace(/\/+$/, '') ?? running.url;
    lines.push(
      'No users yet. Create the first owner, either in the browser:',
      `  ${base}/setup`,
      'or from another shell:',
      "  npx steward admin create --email you@agency.example --password 'a long passphrase'",
    );
  }
  // One write, so whoever watches stderr for the URL gets the first-run hint with it.
  tell(lines.join('\n'));
}

export async function migrate(): Promise<void> {
  const config = loadConfig();
  const storage = openStorageFor(config);
  try {
    const applied = await migrateToLatest(storage.db);
    // The settings row and the default plans are part of a usable database, as on first start.
    await prepareStorage(storage);
    tell(describeDatabase(config));
    if (applied.length === 0) console.log('Database is up to date; no migrations to apply.');
    for (const name of applied) console.log(`Applied migration ${name}`);
  } finally {
    await storage.close();
  }
}
