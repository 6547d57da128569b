import { type Kysely, sql } from 'kysely';

// Status pages: a client's public page (branding, language, zone), the sites or monitors it shows
// under public names, the custom domains that serve it, and what staff tell the public about an
// incident (updates, and an optional public title). Subscribers (issue 5, part 4) will hang off
// status_pages.id in a table of their own.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('status_pages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('client_id', 'text', (c) => c.notNull().references('clients.id'))
    .addColumn('slug', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('logo_url', 'text')
    .addColumn('favicon_url', 'text')
    .addColumn('brand_color', 'text', (c) => c.notNull())
    .addColumn('accent_color', 'text', (c) => c.notNull())
    .addColumn('footer_links', 'text', (c) => c.notNull())
    .addColumn('hide_powered_by', 'integer', (c) => c.notNull())
    .addColumn('published', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('archived_at', 'bigint')
    .execute();
  // A slug names one live page; an archived page gives its slug back.
  await db.schema
    .createIndex('status_pages_slug_uq')
    .on('status_pages')
    .column('slug')
    .unique()
    .where(sql.ref('archived_at'), 'is', null)
    .execute();
  await db.schema.createIndex('status_pages_client_idx').on('status_pages').column('client_id').execute();

  await db.schema
    .createTable('status_page_components')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('page_id', 'text', (c) => c.notNull().references('status_pages.id'))
    .addColumn('site_id', 'text', (c) => c.references('sites.id'))
    .addColumn('monitor_id', 'text', (c) => c.references('monitors.id'))
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('group_name', 'text')
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('published', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addCheckConstraint('status_page_components_one_target', sql`(site_id is null) <> (monitor_id is null)`)
    .execute();
  // A site or monitor appears at most once per page (NULLs never collide on either dialect).
  await db.schema
    .createIndex('status_page_components_site_uq')
    .on('status_page_components')
    .columns(['page_id', 'site_id'])
    .unique()
    .execute();
  await db.schema
    .createIndex('status_page_components_monitor_uq')
    .on('status_page_components')
    .columns(['page_id', 'monitor_id'])
    .unique()
    .execute();

  await db.schema
    .createTable('status_page_domains')
    .addColumn('host', 'text', (c) => c.primaryKey())
    .addColumn('page_id', 'text', (c) => c.notNull().references('status_pages.id'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('status_page_domains_page_idx').on('status_page_domains').column('page_id').execute();

  await db.schema
    .createTable('incident_updates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('incident_id', 'text', (c) => c.notNull().references('incidents.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('posted_by', 'text', (c) => c.references('users.id'))
    .addColumn('posted_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('incident_updates_incident_idx')
    .on('incident_updates')
    .columns(['incident_id', 'posted_at'])
    .execute();

  // The title the public sees for an incident; without a row, pages show a generic, translated one.
  await db.schema
    .createTable('incident_public')
    .addColumn('incident_id', 'text', (c) => c.primaryKey().references('incidents.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.references('users.id'))
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('incident_public').execute();
  await db.schema.dropTable('incident_updates').execute();
  await db.schema.dropTable('status_page_domains').execute();
  await db.schema.dropTable('status_page_components').execute();
  await db.schema.dropTable('status_pages').execute();
}
