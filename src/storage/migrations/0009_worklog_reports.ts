import type { Kysely } from 'kysely';

// Maintenance log (work entries, component inventory), prepaid hour blocks, signed ingestion keys,
// and the generated client reports with their deliveries.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('agency_settings').addColumn('brand_color', 'text').execute();
  await db.schema
    .createTable('work_entries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('client_id', 'text', (c) => c.notNull().references('clients.id'))
    .addColumn('site_id', 'text', (c) => c.references('sites.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('performed_at', 'bigint', (c) => c.notNull())
    .addColumn('performed_by_user_id', 'text')
    .addColumn('performed_by', 'text', (c) => c.notNull())
    .addColumn('duration_min', 'integer', (c) => c.notNull())
    .addColumn('billing', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('details', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('dedupe_key', 'text', (c) => c.unique())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('archived_at', 'bigint')
    .execute();
  await db.schema
    .createIndex('work_entries_client_idx')
    .on('work_entries')
    .columns(['client_id', 'performed_at'])
    .execute();
  await db.schema
    .createIndex('work_entries_site_idx')
    .on('work_entries')
    .columns(['site_id', 'performed_at'])
    .execute();
  await db.schema
    .createTable('site_components')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('installed_version', 'text', (c) => c.notNull())
    .addColumn('latest_version', 'text')
    .addColumn('security', 'integer', (c) => c.notNull())
    .addColumn('pending_since', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('removed_at', 'bigint')
    .execute();
  await db.schema
    .createIndex('site_components_name_idx')
    .on('site_components')
    .columns(['site_id', 'kind', 'name'])
    .unique()
    .execute();
  await db.schema
    .createTable('hour_blocks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('client_id', 'text', (c) => c.notNull().references('clients.id'))
    .addColumn('minutes', 'integer', (c) => c.notNull())
    .addColumn('purchased_on', 'text', (c) => c.notNull())
    .addColumn('expires_on', 'text')
    .addColumn('price_minor', 'bigint')
    .addColumn('currency', 'text')
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('archived_at', 'bigint')
    .execute();
  await db.schema.createIndex('hour_blocks_client_idx').on('hour_blocks').column('client_id').execute();
  await db.schema
    .createTable('ingest_keys')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('secret', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('last_used_at', 'bigint')
    .addColumn('revoked_at', 'bigint')
    .execute();
  await db.schema
    .createTable('reports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('client_id', 'text', (c) => c.notNull().references('clients.id'))
    .addColumn('site_id', 'text', (c) => c.references('sites.id'))
    .addColumn('scope_key', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('html', 'text', (c) => c.notNull())
    .addColumn('pdf_base64', 'text', (c) => c.notNull())
    .addColumn('pdf_sha256', 'text', (c) => c.notNull())
    .addColumn('generated_at', 'bigint', (c) => c.notNull())
    .addColumn('generated_by', 'text', (c) => c.notNull())
    .addColumn('delivery_claimed_at', 'bigint')
    .addColumn('delivered_at', 'bigint')
    .execute();
  await db.schema
    .createIndex('reports_period_idx')
    .on('reports')
    .columns(['client_id', 'scope_key', 'kind', 'period'])
    .unique()
    .execute();
  await db.schema
    .createTable('report_deliveries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('report_id', 'text', (c) => c.notNull().references('reports.id'))
    .addColumn('contact_id', 'text')
    .addColumn('to_address', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('error', 'text')
    .addColumn('pdf_sha256', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('report_deliveries_report_idx').on('report_deliveries').column('report_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['report_deliveries', 'reports', 'ingest_keys', 'hour_blocks', 'site_components', 'work_entries']) {
    await db.schema.dropTable(t).execute();
  }
  await db.schema.alterTable('agency_settings').dropColumn('brand_color').execute();
}
