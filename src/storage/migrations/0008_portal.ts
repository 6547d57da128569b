import type { Kysely } from 'kysely';

// Client portal (contacts' sign-in, sessions, one-time links), support requests and status-page
// subscribers.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('client_contacts').addColumn('portal_password_hash', 'text').execute();
  await db.schema.alterTable('client_contacts').addColumn('portal_invited_at', 'bigint').execute();
  await db.schema.alterTable('client_contacts').addColumn('portal_last_sign_in_at', 'bigint').execute();
  await db.schema
    .createTable('portal_sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('contact_id', 'text', (c) => c.notNull().references('client_contacts.id'))
    .addColumn('client_id', 'text', (c) => c.notNull().references('clients.id'))
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('portal_sessions_contact_idx').on('portal_sessions').column('contact_id').execute();
  await db.schema
    .createTable('portal_tokens')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('contact_id', 'text', (c) => c.notNull().references('client_contacts.id'))
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addColumn('used_at', 'bigint')
    .execute();
  await db.schema.createIndex('portal_tokens_contact_idx').on('portal_tokens').column('contact_id').execute();
  await db.schema
    .createTable('support_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('client_id', 'text', (c) => c.notNull().references('clients.id'))
    .addColumn('site_id', 'text', (c) => c.references('sites.id'))
    .addColumn('contact_id', 'text', (c) => c.references('client_contacts.id'))
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('urgency', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('closed_at', 'bigint')
    .execute();
  await db.schema
    .createIndex('support_requests_client_idx')
    .on('support_requests')
    .columns(['client_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('support_requests_status_idx')
    .on('support_requests')
    .columns(['status', 'updated_at'])
    .execute();
  await db.schema
    .createTable('support_messages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('request_id', 'text', (c) => c.notNull().references('support_requests.id'))
    .addColumn('author_kind', 'text', (c) => c.notNull())
    .addColumn('author_contact_id', 'text', (c) => c.references('client_contacts.id'))
    .addColumn('author_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('support_messages_request_idx')
    .on('support_messages')
    .columns(['request_id', 'created_at'])
    .execute();
  await db.schema
    .createTable('status_subscribers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('page_id', 'text', (c) => c.notNull().references('status_pages.id'))
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('confirm_token_hash', 'text')
    .addColumn('unsubscribe_token', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('confirmed_at', 'bigint')
    .addColumn('unsubscribed_at', 'bigint')
    .addUniqueConstraint('status_subscribers_page_email_uq', ['page_id', 'email'])
    .execute();
  await db.schema
    .createTable('subscriber_notifications')
    .addColumn('dedupe_key', 'text', (c) => c.primaryKey())
    .addColumn('subscriber_id', 'text', (c) => c.notNull().references('status_subscribers.id'))
    .addColumn('event_kind', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'subscriber_notifications',
    'status_subscribers',
    'support_messages',
    'support_requests',
    'portal_tokens',
    'portal_sessions',
  ]) {
    await db.schema.dropTable(table).execute();
  }
  for (const column of ['portal_password_hash', 'portal_invited_at', 'portal_last_sign_in_at']) {
    await db.schema.alterTable('client_contacts').dropColumn(column).execute();
  }
}
