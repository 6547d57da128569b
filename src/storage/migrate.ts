import { type Migration, type MigrationProvider, Migrator, PostgresAdapter, SqliteAdapter, sql } from 'kysely';
import * as m0001 from './migrations/0001_init.ts';
import * as m0002 from './migrations/0002_monitoring.ts';
import * as m0003 from './migrations/0003_engine.ts';
import * as m0004 from './migrations/0004_rollups.ts';
import * as m0005 from './migrations/0005_alerts.ts';
import * as m0006 from './migrations/0006_sla.ts';
import * as m0007 from './migrations/0007_status_pages.ts';
import * as m0008 from './migrations/0008_portal.ts';
import * as m0009 from './migrations/0009_worklog_reports.ts';
import type { Db } from './schema.ts';

// Migrations are imported statically so they work the same from sources, tests and the CLI.
const migrations: Record<string, Migration> = {
  '0001_init': m0001,
  '0002_monitoring': m0002,
  '0003_engine': m0003,
  '0004_rollups': m0004,
  '0005_alerts': m0005,
  '0006_sla': m0006,
  '0007_status_pages': m0007,
  '0008_portal': m0008,
  '0009_worklog_reports': m0009,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

/** Applies every pending migration; returns the names applied. Throws on failure. */
export async function migrateToLatest(db: Db): Promise<string[]> {
  // Kysely looks for its bookkeeping tables in every schema it can see unless told which one is ours;
  // another schema in the same PostgreSQL database (a second app, a parallel test) would fool it.
  const migrator = new Migrator({ db, provider, migrationTableSchema: await currentSchema(db) });
  return withSqliteWriteLock(db, async () => {
    const { error, results } = await migrator.migrateToLatest();
    if (error) throw error instanceof Error ? error : new Error(String(error));
    return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
  });
}

/** Applies migrations up to and including `name` (tests of a migration start from the schema before it). */
export async function migrateUpTo(db: Db, name: string): Promise<void> {
  const migrator = new Migrator({ db, provider, migrationTableSchema: await currentSchema(db) });
  await withSqliteWriteLock(db, async () => {
    const { error } = await migrator.migrateTo(name);
    if (error) throw error instanceof Error ? error : new Error(String(error));
  });
}

/** How long a process waits for another one's migrations to finish. */
const MIGRATION_LOCK_WAIT_MS = 120_000;

/**
 * Kysely takes no lock on SQLite and runs each migration outside a transaction, so two processes
 * starting on a fresh file (a server and a CLI command) would both apply them and one would fail
 * half-way. On SQLite the whole run is one IMMEDIATE transaction on our single connection: the
 * second process waits for the first, then finds nothing left to do, and a failed migration
 * leaves nothing behind. (PostgreSQL: Kysely's advisory lock and transactional DDL do this.)
 */
async function withSqliteWriteLock<T>(db: Db, work: () => Promise<T>): Promise<T> {
  if (!(db.getExecutor().adapter instanceof SqliteAdapter)) return work();
  const deadline = Date.now() + MIGRATION_LOCK_WAIT_MS;
  for (;;) {
    try {
      await sql`begin immediate`.execute(db);
      break;
    } catch (err) {
      // busy_timeout already waited a few seconds; a long migration elsewhere needs longer.
      if (
        !/SQLITE_BUSY|database is locked/i.test(String((err as { code?: string }).code ?? err)) ||
        Date.now() > deadline
      ) {
        throw err;
      }
    }
  }
  try {
    const result = await work();
    await sql`commit`.execute(db);
    return result;
  } catch (err) {
    await sql`rollback`.execute(db).catch(() => undefined);
    throw err;
  }
}

async function currentSchema(db: Db): Promise<string | undefined> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return undefined;
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
  return rows[0]?.schema;
}
