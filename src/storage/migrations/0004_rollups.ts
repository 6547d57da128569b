import type { Kysely } from 'kysely';

// Rollups and retention: pruning deletes by age (oldest rollups first, across monitors), and an
// hour rollup finds the incidents that overlap its hour through resolved_at (open ones are few).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('check_rollups_period_start_idx').on('check_rollups').column('period_start').execute();
  await db.schema.createIndex('incidents_resolved_idx').on('incidents').column('resolved_at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('incidents_resolved_idx').execute();
  await db.schema.dropIndex('check_rollups_period_start_idx').execute();
}
