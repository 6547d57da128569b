import type { Kysely } from 'kysely';

// The engine polls these tables for rows changed since its last look (new or edited monitors,
// contracts that change a plan's interval, archived sites, incidents resolved by a person):
// without an index each poll, every few seconds, would scan the whole table.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('contracts_updated_idx').on('contracts').column('updated_at').execute();
  await db.schema.createIndex('sites_updated_idx').on('sites').column('updated_at').execute();
  await db.schema.createIndex('incidents_updated_idx').on('incidents').column('updated_at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('incidents_updated_idx').execute();
  await db.schema.dropIndex('sites_updated_idx').execute();
  await db.schema.dropIndex('contracts_updated_idx').execute();
}
