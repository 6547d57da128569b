import { type Kysely, sql } from 'kysely';

// Monitoring: monitors, their check results and rollups, incidents with an event timeline,
// maintenance windows, heartbeat pings, alert channels and the durable alert/mail outbox,
// and the slot ledger that keeps scheduled jobs from running twice.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('monitors')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('config', 'text', (c) => c.notNull())
    // Null: the interval of the site's plan.
    .addColumn('interval_s', 'integer')
    .addColumn('failure_threshold', 'integer', (c) => c.notNull())
    .addColumn('recovery_threshold', 'integer', (c) => c.notNull())
    .addColumn('flap_grace_s', 'integer', (c) => c.notNull())
    .addColumn('enabled', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('consecutive_failures', 'integer', (c) => c.notNull())
    .addColumn('consecutive_successes', 'integer', (c) => c.notNull())
    // started_at of the first check in the current run of failures, or of successes.
    .addColumn('streak_since', 'bigint')
    .addColumn('last_check_at', 'bigint')
    .addColumn('last_total_ms', 'real')
    .addColumn('last_error_class', 'text')
    .addColumn('heartbeat_token_hash', 'text', (c) => c.unique())
    .addColumn('last_ping_at', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('archived_at', 'bigint')
    .execute();
  await db.schema.createIndex('monitors_site_idx').on('monitors').column('site_id').execute();
  await db.schema.createIndex('monitors_updated_idx').on('monitors').column('updated_at').execute();

  await db.schema
    .createTable('check_results')
    .addColumn('monitor_id', 'text', (c) => c.notNull())
    .addColumn('started_at', 'bigint', (c) => c.notNull())
    .addColumn('location', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('error_class', 'text')
    .addColumn('http_status', 'integer')
    .addColumn('dns_ms', 'real')
    .addColumn('connect_ms', 'real')
    .addColumn('tls_ms', 'real')
    .addColumn('first_byte_ms', 'real')
    .addColumn('total_ms', 'real', (c) => c.notNull())
    .addColumn('message', 'text')
    // 1 for the immediate confirmation re-check after a first failure.
    .addColumn('is_confirmation', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('check_results_pk', ['monitor_id', 'started_at', 'location'])
    .execute();
  await db.schema.createIndex('check_results_started_idx').on('check_results').column('started_at').execute();

  await db.schema
    .createTable('check_rollups')
    .addColumn('monitor_id', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('period_start', 'bigint', (c) => c.notNull())
    .addColumn('checks_total', 'integer', (c) => c.notNull())
    .addColumn('checks_up', 'integer', (c) => c.notNull())
    .addColumn('checks_degraded', 'integer', (c) => c.notNull())
    .addColumn('checks_down', 'integer', (c) => c.notNull())
    .addColumn('downtime_ms', 'bigint', (c) => c.notNull())
    .addColumn('maintenance_ms', 'bigint', (c) => c.notNull())
    .addColumn('latency_count', 'integer', (c) => c.notNull())
    .addColumn('latency_sum_ms', 'real', (c) => c.notNull())
    .addColumn('latency_min_ms', 'real')
    .addColumn('latency_max_ms', 'real')
    .addColumn('latency_histogram', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('check_rollups_pk', ['monitor_id', 'period', 'period_start'])
    .execute();

  await db.schema
    .createTable('incidents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('monitor_id', 'text', (c) => c.notNull().references('monitors.id'))
    .addColumn('site_id', 'text', (c) => c.notNull())
    .addColumn('client_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('started_at', 'bigint', (c) => c.notNull())
    .addColumn('detected_at', 'bigint', (c) => c.notNull())
    .addColumn('acknowledged_at', 'bigint')
    .addColumn('acknowledged_by', 'text')
    .addColumn('resolved_at', 'bigint')
    .addColumn('cause_error_class', 'text')
    .addColumn('cause_message', 'text')
    .addColumn('reopen_count', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  // One open incident per monitor: a second "open" for the same outage collides here.
  await db.schema
    .createIndex('incidents_one_open_per_monitor_uq')
    .on('incidents')
    .column('monitor_id')
    .unique()
    .where(sql.ref('status'), '=', 'open')
    .execute();
  await db.schema
    .createIndex('incidents_monitor_started_idx')
    .on('incidents')
    .columns(['monitor_id', 'started_at'])
    .execute();
  await db.schema
    .createIndex('incidents_client_started_idx')
    .on('incidents')
    .columns(['client_id', 'started_at'])
    .execute();

  await db.schema
    .createTable('incident_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('incident_id', 'text', (c) => c.notNull().references('incidents.id'))
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('actor_user_id', 'text')
    .addColumn('actor_label', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('incident_events_incident_idx')
    .on('incident_events')
    .columns(['incident_id', 'at'])
    .execute();

  await db.schema
    .createTable('maintenance_windows')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('client_id', 'text', (c) => c.notNull().references('clients.id'))
    // Null: every site of the client.
    .addColumn('site_id', 'text', (c) => c.references('sites.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('starts_at', 'bigint')
    .addColumn('ends_at', 'bigint')
    .addColumn('weekdays', 'text')
    .addColumn('start_local', 'text')
    .addColumn('duration_min', 'integer')
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('archived_at', 'bigint')
    .execute();
  await db.schema.createIndex('maintenance_windows_client_idx').on('maintenance_windows').column('client_id').execute();

  await db.schema
    .createTable('heartbeat_pings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('monitor_id', 'text', (c) => c.notNull().references('monitors.id'))
    .addColumn('received_at', 'bigint', (c) => c.notNull())
    .addColumn('source_ip', 'text')
    .addColumn('user_agent', 'text')
    .addColumn('note', 'text')
    .execute();
  await db.schema
    .createIndex('heartbeat_pings_monitor_idx')
    .on('heartbeat_pings')
    .columns(['monitor_id', 'received_at'])
    .execute();

  await db.schema
    .createTable('alert_channels')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // Null: the agency's own channel, used for every client.
    .addColumn('client_id', 'text', (c) => c.references('clients.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('target', 'text', (c) => c.notNull())
    .addColumn('secret', 'text')
    .addColumn('enabled', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('archived_at', 'bigint')
    .execute();

  await db.schema
    .createTable('alert_outbox')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // event + channel: the same alert can never be queued twice.
    .addColumn('dedupe_key', 'text', (c) => c.notNull().unique())
    .addColumn('channel_id', 'text', (c) => c.notNull().references('alert_channels.id'))
    .addColumn('event_kind', 'text', (c) => c.notNull())
    .addColumn('incident_id', 'text')
    .addColumn('monitor_id', 'text')
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('next_attempt_at', 'bigint', (c) => c.notNull())
    .addColumn('locked_until', 'bigint')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('sent_at', 'bigint')
    .execute();
  await db.schema
    .createIndex('alert_outbox_due_idx')
    .on('alert_outbox')
    .columns(['status', 'next_attempt_at'])
    .execute();

  await db.schema
    .createTable('mail_messages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('alert_id', 'text')
    .addColumn('to_address', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('text_body', 'text', (c) => c.notNull())
    .addColumn('html_body', 'text')
    // 'sent' through SMTP, or 'stored' when no SMTP server is configured.
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('mail_messages_created_idx').on('mail_messages').column('created_at').execute();

  await db.schema
    .createTable('job_slots')
    // job name + slot time, e.g. "rollup-hour:2026-03-02T09:00Z": two processes claiming it collide.
    .addColumn('slot_key', 'text', (c) => c.primaryKey())
    .addColumn('claimed_by', 'text', (c) => c.notNull())
    .addColumn('claimed_at', 'bigint', (c) => c.notNull())
    .addColumn('finished_at', 'bigint')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'job_slots',
    'mail_messages',
    'alert_outbox',
    'alert_channels',
    'heartbeat_pings',
    'maintenance_windows',
    'incident_events',
    'incidents',
    'check_rollups',
    'check_results',
    'monitors',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
