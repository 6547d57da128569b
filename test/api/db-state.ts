import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { TestApp } from '../support/test-app.ts';

// A new database per test costs over a second on PostgreSQL (migrations, password hashes). Instead a
// test file keeps one app and, before each test, puts every table back as it was right after setup:
// the same rows, so the same users and API tokens, and the clock back at its start.

export type Snapshot = { tables: string[]; rows: Map<string, Record<string, unknown>[]>; clockMs: number };

/**
 * Every table of the app's own schema, found at run time so tables added later are covered too.
 * (Read from the catalogue of our schema only: Kysely's introspection scans every schema, which
 * races with parallel test files dropping theirs.)
 */
export async function listTables(t: TestApp): Promise<string[]> {
  const query =
    t.storage.dialect === 'postgres'
      ? sql<{ name: string }>`select c.relname as name from pg_class c
          join pg_namespace n on n.oid = c.relnamespace
          where n.nspname = current_schema() and c.relkind in ('r', 'p')`
      : sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`;
  const { rows } = await query.execute(t.ctx.db);
  return rows
    .map((r) => r.name)
    .filter((name) => !name.startsWith('kysely_'))
    .sort();
}

const rowsOf = (t: TestApp, table: string) =>
  t.ctx.db
    .selectFrom(table as 'users')
    .selectAll()
    .execute() as Promise<Record<string, unknown>[]>;

export async function takeSnapshot(t: TestApp): Promise<Snapshot> {
  const tables = await listTables(t);
  const rows = new Map<string, Record<string, unknown>[]>();
  for (const table of tables) {
    const found = await rowsOf(t, table);
    if (found.length > 0) rows.set(table, found);
  }
  return { tables, rows, clockMs: t.clock.now() };
}

export async function restoreSnapshot(t: TestApp, snap: Snapshot): Promise<void> {
  t.clock.set(snap.clockMs);
  const db = t.ctx.db;
  if (t.storage.dialect === 'postgres') {
    await sql`truncate ${sql.join(snap.tables.map((name) => sql.table(name)))}`.execute(db);
    await insertInDependencyOrder(t, snap);
    return;
  }
  await sql`pragma foreign_keys = off`.execute(db);
  try {
    for (const table of snap.tables) await db.deleteFrom(table as 'users').execute();
    for (const [table, rows] of snap.rows)
      await db
        .insertInto(table as 'users')
        .values(rows as never)
        .execute();
  } finally {
    await sql`pragma foreign_keys = on`.execute(db);
  }
}

/** PostgreSQL checks foreign keys row by row; a table whose parents are not back yet waits a round. */
async function insertInDependencyOrder(t: TestApp, snap: Snapshot): Promise<void> {
  let pending = [...snap.rows.entries()];
  while (pending.length > 0) {
    const failed: typeof pending = [];
    for (const [table, rows] of pending) {
      try {
        await t.ctx.db
          .insertInto(table as 'users')
          .values(rows as never)
          .execute();
      } catch {
        failed.push([table, rows]);
      }
    }
    if (failed.length === pending.length) throw new Error(`cannot restore ${failed.map(([n]) => n).join(', ')}`);
    pending = failed;
  }
}

// The whole database as a digest, to prove a failed request wrote nothing.

const tablesByApp = new WeakMap<TestApp, Promise<string[]>>();

/** Row count and a hash of every row, per table; rows are sorted so the order of reads does not matter. */
export async function databaseDigest(t: TestApp): Promise<Record<string, { rows: number; sha256: string }>> {
  let tables = tablesByApp.get(t);
  if (!tables) {
    tables = listTables(t);
    tablesByApp.set(t, tables);
  }
  const entries = await Promise.all(
    (await tables).map(async (table) => {
      const rows = await t.ctx.db
        .selectFrom(table as 'users')
        .selectAll()
        .execute();
      const lines = rows.map((r) => JSON.stringify(Object.entries(r).sort(([a], [b]) => a.localeCompare(b)))).sort();
      return [
        table,
        { rows: rows.length, sha256: createHash('sha256').update(lines.join('\n')).digest('hex') },
      ] as const;
    }),
  );
  return Object.fromEntries(entries);
}
