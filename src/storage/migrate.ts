import { type Migration, type MigrationProvider, Migrator } from 'kysely';
import * as m0001 from './migrations/0001_init.ts';
import type { Db } from './schema.ts';

// Migrations are imported statically so they work the same from sources, tests and the CLI.
const migrations: Record<string, Migration> = {
  '0001_init': m0001,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

/** Applies every pending migration; returns the names applied. Throws on failure. */
export async function migrateToLatest(db: Db): Promise<string[]> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
