import type { Kysely } from 'kysely';

// Alerts: a ledger of alerts silenced by maintenance (one timeline note per silenced event, even
// when several workers see it), and the indexes the outbox worker and the timeline need.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('alert_silences')
    // The dedupe key the alert would have had (without channel): silencing is noted once.
    .addColumn('dedupe_key', 'text', (c) => c.primaryKey())
    .addColumn('event_kind', 'text', (c) => c.notNull())
    .addColumn('incident_id', 'text')
    .addColumn('monitor_id', 'text', (c) => c.notNull())
    .addColumn('window_id', 'text', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('alert_silences_monitor_idx')
    .on('alert_silences')
    .columns(['monitor_id', 'at'])
    .execute();
  await db.schema.createIndex('alert_outbox_incident_idx').on('alert_outbox').column('incident_id').execute();
  await db.schema.createIndex('alert_outbox_created_idx').on('alert_outbox').columns(['created_at', 'id']).execute();
  await db.schema.createIndex('alert_channels_client_idx').on('alert_channels').column('client_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('alert_channels_client_idx').execute();
  await db.schema.dropIndex('alert_outbox_created_idx').execute();
  await db.schema.dropIndex('alert_outbox_incident_idx').execute();
  await db.schema.dropTable('alert_silences').execute();
}
