import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { prepareStorage } from '../../src/bootstrap.ts';
import { fixedClock } from '../../src/clock.ts';
import type { Ctx } from '../../src/domain/context.ts';
import { openStorage, type Storage } from '../../src/storage/database.ts';

/** Set STEWARD_TEST_DATABASE_URL=postgres://… to run every storage test on PostgreSQL instead of SQLite. */
export const testDatabaseUrl = process.env.STEWARD_TEST_DATABASE_URL || undefined;
export const testDialect = testDatabaseUrl ? 'postgres' : 'sqlite';

export type TestDb = {
  storage: Storage;
  ctx: Ctx;
  clock: ReturnType<typeof fixedClock>;
  close(): Promise<void>;
};

const SCHEMA_LOCK_KEY = 7_140_321; // any fixed number shared by every test process

/** 2026-03-02T09:00:00Z, a Monday: a fixed "now" for tests unless they move the clock. */
export const TEST_START_MS = Date.UTC(2026, 2, 2, 9, 0, 0);

/**
 * A fresh, migrated and seeded database: in-memory SQLite, or a new PostgreSQL schema that is
 * dropped again on close().
 */
export async function createTestDb(startMs = TEST_START_MS): Promise<TestDb> {
  const clock = fixedClock(startMs);
  if (!testDatabaseUrl) {
    const storage = openStorage({ kind: 'sqlite', file: ':memory:' });
    const ctx = await prepareStorage(storage, clock);
    return { storage, ctx, clock, close: () => storage.close() };
  }
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: testDatabaseUrl });
  await admin.connect();
  // Kysely's migrator scans every schema, and fails when a parallel test file drops one mid-scan:
  // migrations share an advisory lock (they may overlap each other), a drop takes it exclusively.
  await admin.query('SELECT pg_advisory_lock_shared($1)', [SCHEMA_LOCK_KEY]);
  const storage = openStorage({ kind: 'postgres', url: testDatabaseUrl, schema, poolSize: 4 });
  let ctx: Ctx;
  try {
    await admin.query(`CREATE SCHEMA ${schema}`);
    ctx = await prepareStorage(storage, clock);
  } finally {
    await admin.end(); // ending the session releases the lock
  }
  return {
    storage,
    ctx,
    clock,
    close: async () => {
      await storage.close();
      const cleanup = new pg.Client({ connectionString: testDatabaseUrl });
      await cleanup.connect();
      await cleanup.query('SELECT pg_advisory_lock($1)', [SCHEMA_LOCK_KEY]);
      await cleanup.query(`DROP SCHEMA ${schema} CASCADE`);
      await cleanup.end();
    },
  };
}
