import type { Kysely, Transaction } from 'kysely';

// Instants are epoch milliseconds (UTC); calendar dates are 'YYYY-MM-DD' text;
// money is integer minor units; booleans are 0/1; JSON is text. The same on both dialects.

export type AgencySettingsTable = {
  id: number;
  name: string;
  logo_url: string | null;
  default_currency: string;
  locale: string;
  time_zone: string;
  /** Set once, when the first owner is created through first-run setup. */
  owner_created_at: number | null;
  updated_at: number;
  /** Reports' accent colour (#rrggbb); null: the default. */
  brand_color: string | null;
};

export type UsersTable = {
  id: string;
  email: string;
  name: string;
  role: 'owner' | 'admin' | 'technician';
  password_hash: string;
  created_at: number;
  updated_at: number;
  archived_at: number | null;
};

export type SessionsTable = {
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: number;
  expires_at: number;
};

export type ApiTokensTable = {
  id: string;
  user_id: string;
  name: string;
  token_hash: string;
  created_at: number;
  last_used_at: number | null;
  revoked_at: number | null;
};

export type AuthThrottleTable = {
  key: string;
  failures: number;
  window_started_at: number;
  locked_until: number | null;
};

export type PlansTable = {
  id: string;
  code: string;
  position: number;
  current_version_id: string;
  created_at: number;
  archived_at: number | null;
};

export type PlanVersionsTable = {
  id: string;
  plan_id: string;
  version: number;
  name: string;
  description: string;
  check_interval_s: number;
  alert_channels: string;
  features: string;
  support_minutes_per_month: number;
  /** The SLA the plan sells (targets, calendar, uptime commitment); null: no SLA. */
  sla_policy_id: string | null;
  pricing_model: 'flat' | 'hourly_minimum' | 'prepaid_credits';
  monthly_price_minor: number;
  annual_price_minor: number;
  hourly_rate_minor: number | null;
  currency: string;
  cancellation_notice_days: number;
  created_at: number;
};

export type AddonsTable = {
  id: string;
  name: string;
  description: string;
  monthly_price_minor: number;
  annual_price_minor: number;
  currency: string;
  created_at: number;
  archived_at: number | null;
};

export type ClientsTable = {
  id: string;
  name: string;
  locale: string;
  time_zone: string;
  currency: string;
  notes: string;
  created_at: number;
  updated_at: number;
  archived_at: number | null;
};

export type ClientContactsTable = {
  id: string;
  client_id: string;
  name: string;
  email: string;
  language: string;
  phone: string | null;
  is_report_recipient: number;
  created_at: number;
  archived_at: number | null;
  /** Client portal: argon2id hash once the contact has set a password (sign-in by e-mail link works without). */
  portal_password_hash: string | null;
  portal_invited_at: number | null;
  portal_last_sign_in_at: number | null;
};

export type SitesTable = {
  id: string;
  client_id: string;
  name: string;
  url: string;
  cms: 'wordpress' | 'joomla' | 'drupal' | 'other';
  created_at: number;
  updated_at: number;
  archived_at: number | null;
};

export type ContractsTable = {
  id: string;
  client_id: string;
  plan_version_id: string;
  billing_period: 'monthly' | 'annual';
  status: 'trial' | 'active' | 'cancelling' | 'ended';
  start_date: string;
  trial_ends_on: string | null;
  cancellation_notice_days: number;
  cancel_requested_at: number | null;
  ends_on: string | null;
  created_at: number;
  updated_at: number;
};

export type ContractAddonsTable = {
  contract_id: string;
  addon_id: string;
};

export type MonitorKind = 'http' | 'tcp' | 'dns' | 'tls' | 'heartbeat';
export type MonitorStatus = 'unknown' | 'up' | 'degraded' | 'down';

export type MonitorsTable = {
  id: string;
  site_id: string;
  kind: MonitorKind;
  name: string;
  /** JSON of the kind's config (see src/probes). */
  config: string;
  /** Null: the interval of the site's plan. */
  interval_s: number | null;
  failure_threshold: number;
  recovery_threshold: number;
  flap_grace_s: number;
  enabled: number;
  status: MonitorStatus;
  consecutive_failures: number;
  consecutive_successes: number;
  /**
   * started_at of the first check in the current run of failures (an incident's started_at)
   * or of successes (an incident's resolved_at).
   */
  streak_since: number | null;
  last_check_at: number | null;
  last_total_ms: number | null;
  last_error_class: string | null;
  heartbeat_token_hash: string | null;
  last_ping_at: number | null;
  created_at: number;
  updated_at: number;
  archived_at: number | null;
};

export type CheckResultsTable = {
  monitor_id: string;
  started_at: number;
  location: string;
  outcome: 'up' | 'degraded' | 'down';
  error_class: string | null;
  http_status: number | null;
  dns_ms: number | null;
  connect_ms: number | null;
  tls_ms: number | null;
  first_byte_ms: number | null;
  total_ms: number;
  message: string | null;
  is_confirmation: number;
};

export type CheckRollupsTable = {
  monitor_id: string;
  period: 'hour' | 'day';
  period_start: number;
  checks_total: number;
  checks_up: number;
  checks_degraded: number;
  checks_down: number;
  downtime_ms: number;
  maintenance_ms: number;
  latency_count: number;
  latency_sum_ms: number;
  latency_min_ms: number | null;
  latency_max_ms: number | null;
  /** JSON array of counts per latency bucket (bounds in src/domain/monitoring). */
  latency_histogram: string;
};

export type IncidentsTable = {
  id: string;
  monitor_id: string;
  site_id: string;
  client_id: string;
  status: 'open' | 'resolved';
  started_at: number;
  detected_at: number;
  acknowledged_at: number | null;
  acknowledged_by: string | null;
  resolved_at: number | null;
  cause_error_class: string | null;
  cause_message: string | null;
  reopen_count: number;
  severity: IncidentSeverity;
  /** Set while the incident waits for the client (SLA clocks paused); the events are the record. */
  paused_at: number | null;
  created_at: number;
  updated_at: number;
};

export type IncidentSeverity = 'critical' | 'major' | 'minor';
export type SlaClockKind = 'business' | '24x7';

export type SlaCalendarsTable = {
  id: string;
  name: string;
  /** '24x7': the built-in calendar, every minute counts; it cannot be edited. */
  kind: 'business' | '24x7';
  time_zone: string;
  /** JSON: { "1": [["09:00","18:00"]], … } by ISO weekday (1 = Monday); ranges end by "24:00". */
  weekly_hours: string;
  created_at: number;
  updated_at: number;
  archived_at: number | null;
};

export type SlaHolidaysTable = {
  id: string;
  calendar_id: string;
  /** Local date in the calendar's zone. */
  on_date: string;
  name: string;
  source: 'manual' | 'ical';
  created_at: number;
};

export type SlaPoliciesTable = {
  id: string;
  name: string;
  description: string;
  calendar_id: string;
  first_response_minutes: number | null;
  first_response_clock: SlaClockKind;
  resolution_minutes: number | null;
  resolution_clock: SlaClockKind;
  /** JSON: { "critical": { "firstResponseMinutes": 15, "resolutionMinutes": 120 }, … } overrides. */
  severity_targets: string;
  warn_at_percent: number;
  /** Monthly uptime commitment in basis points of a percent: 99.9 % = 9990. */
  uptime_commitment_bp: number | null;
  /** Credit per started step below the commitment, in basis points of the month's fee (10 % = 1000). */
  credit_per_step_bp: number;
  /** The step, in basis points of uptime (0.1 % = 10). */
  credit_step_bp: number;
  /** The most credit for one month, in basis points of the fee (50 % = 5000). */
  credit_cap_bp: number;
  created_at: number;
  updated_at: number;
  archived_at: number | null;
};

export type IncidentEventsTable = {
  id: string;
  incident_id: string;
  at: number;
  kind: string;
  actor_user_id: string | null;
  actor_label: string;
  data: string;
  created_at: number;
};

export type MaintenanceWindowsTable = {
  id: string;
  client_id: string;
  site_id: string | null;
  title: string;
  kind: 'once' | 'weekly';
  starts_at: number | null;
  ends_at: number | null;
  /** JSON array of ISO weekdays (1 = Monday) for weekly windows. */
  weekdays: string | null;
  /** 'HH:MM' local time in time_zone, for weekly windows. */
  start_local: string | null;
  duration_min: number | null;
  time_zone: string;
  created_by: string | null;
  created_at: number;
  archived_at: number | null;
};

export type HeartbeatPingsTable = {
  id: string;
  monitor_id: string;
  received_at: number;
  source_ip: string | null;
  user_agent: string | null;
  note: string | null;
};

export type AlertChannelsTable = {
  id: string;
  client_id: string | null;
  kind: 'email' | 'webhook' | 'slack';
  name: string;
  target: string;
  secret: string | null;
  enabled: number;
  created_at: number;
  archived_at: number | null;
};

export type AlertOutboxTable = {
  id: string;
  dedupe_key: string;
  channel_id: string;
  event_kind: string;
  incident_id: string | null;
  monitor_id: string | null;
  payload: string;
  /** cancelled: no longer relevant when due (acknowledged, reopened within the flap grace, channel gone). */
  status: 'pending' | 'sent' | 'failed' | 'cancelled';
  attempts: number;
  next_attempt_at: number;
  locked_until: number | null;
  last_error: string | null;
  created_at: number;
  sent_at: number | null;
};

export type AlertSilencesTable = {
  dedupe_key: string;
  event_kind: string;
  incident_id: string | null;
  monitor_id: string;
  window_id: string;
  at: number;
};

export type MailMessagesTable = {
  id: string;
  alert_id: string | null;
  to_address: string;
  subject: string;
  text_body: string;
  html_body: string | null;
  status: 'sent' | 'stored';
  created_at: number;
};

export type JobSlotsTable = {
  slot_key: string;
  claimed_by: string;
  claimed_at: number;
  finished_at: number | null;
};

/** A client contact's portal session; separate from staff sessions (own cookie, own table). */
export type PortalSessionsTable = {
  /** SHA-256 of the cookie secret. */
  id: string;
  contact_id: string;
  client_id: string;
  csrf_token: string;
  created_at: number;
  expires_at: number;
};

/** One-time secrets sent by e-mail: an invitation (set a password) or a sign-in link. */
export type PortalTokensTable = {
  /** SHA-256 of the secret in the link. */
  token_hash: string;
  contact_id: string;
  purpose: 'invite' | 'sign_in';
  created_at: number;
  expires_at: number;
  used_at: number | null;
};

export type SupportRequestsTable = {
  id: string;
  client_id: string;
  site_id: string | null;
  /** The contact who opened it (null when staff opened it on the client's behalf). */
  contact_id: string | null;
  subject: string;
  description: string;
  urgency: 'low' | 'normal' | 'high' | 'urgent';
  status: 'open' | 'answered' | 'closed';
  created_at: number;
  updated_at: number;
  closed_at: number | null;
};

export type SupportMessagesTable = {
  id: string;
  request_id: string;
  author_kind: 'contact' | 'staff';
  author_contact_id: string | null;
  author_user_id: string | null;
  body: string;
  created_at: number;
};

export type StatusSubscribersTable = {
  id: string;
  page_id: string;
  /** Lowercased. */
  email: string;
  language: 'en' | 'es' | 'fr' | 'de';
  status: 'pending' | 'confirmed' | 'unsubscribed';
  /** SHA-256 of the double opt-in secret; null once confirmed. */
  confirm_token_hash: string | null;
  /** Random secret in every message's one-click unsubscribe link (kept so each mail can carry it). */
  unsubscribe_token: string;
  created_at: number;
  confirmed_at: number | null;
  unsubscribed_at: number | null;
};

/** One row per message owed to a subscriber for an event: enqueued once, however many workers see it. */
export type SubscriberNotificationsTable = {
  dedupe_key: string;
  subscriber_id: string;
  event_kind: string;
  created_at: number;
};

export type Database = {
  agency_settings: AgencySettingsTable;
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  auth_throttle: AuthThrottleTable;
  plans: PlansTable;
  plan_versions: PlanVersionsTable;
  addons: AddonsTable;
  clients: ClientsTable;
  client_contacts: ClientContactsTable;
  sites: SitesTable;
  contracts: ContractsTable;
  contract_addons: ContractAddonsTable;
  monitors: MonitorsTable;
  check_results: CheckResultsTable;
  check_rollups: CheckRollupsTable;
  incidents: IncidentsTable;
  incident_events: IncidentEventsTable;
  maintenance_windows: MaintenanceWindowsTable;
  heartbeat_pings: HeartbeatPingsTable;
  alert_channels: AlertChannelsTable;
  alert_outbox: AlertOutboxTable;
  alert_silences: AlertSilencesTable;
  mail_messages: MailMessagesTable;
  job_slots: JobSlotsTable;
  sla_calendars: SlaCalendarsTable;
  sla_holidays: SlaHolidaysTable;
  sla_policies: SlaPoliciesTable;
  status_pages: StatusPagesTable;
  status_page_components: StatusPageComponentsTable;
  status_page_domains: StatusPageDomainsTable;
  incident_updates: IncidentUpdatesTable;
  incident_public: IncidentPublicTable;
  portal_sessions: PortalSessionsTable;
  portal_tokens: PortalTokensTable;
  support_requests: SupportRequestsTable;
  support_messages: SupportMessagesTable;
  status_subscribers: StatusSubscribersTable;
  subscriber_notifications: SubscriberNotificationsTable;
  work_entries: WorkEntriesTable;
  site_components: SiteComponentsTable;
  hour_blocks: HourBlocksTable;
  ingest_keys: IngestKeysTable;
  reports: ReportsTable;
  report_deliveries: ReportDeliveriesTable;
};

export type Db = Kysely<Database>;
/** A database handle or an open transaction: repositories accept either. */
export type Executor = Kysely<Database> | Transaction<Database>;

export type StatusPagesTable = {
  id: string;
  client_id: string;
  /** Lowercase a-z, 0-9 and dashes; unique among live pages. */
  slug: string;
  title: string;
  language: 'en' | 'es' | 'fr' | 'de';
  time_zone: string;
  logo_url: string | null;
  favicon_url: string | null;
  /** '#rrggbb'. */
  brand_color: string;
  accent_color: string;
  /** JSON array of { label, url } (http, https or mailto). */
  footer_links: string;
  hide_powered_by: number;
  published: number;
  created_at: number;
  /** Moved by every change to the page, its components or its domains (the public cache's stamp). */
  updated_at: number;
  archived_at: number | null;
};

export type StatusPageComponentsTable = {
  id: string;
  page_id: string;
  /** Exactly one of site_id and monitor_id is set. */
  site_id: string | null;
  monitor_id: string | null;
  display_name: string;
  group_name: string | null;
  position: number;
  published: number;
  created_at: number;
  updated_at: number;
};

export type StatusPageDomainsTable = {
  /** Lowercase ASCII (punycode) host name, without port. */
  host: string;
  page_id: string;
  created_at: number;
};

export type PublicIncidentStatus = 'investigating' | 'identified' | 'monitoring' | 'resolved';

export type IncidentUpdatesTable = {
  id: string;
  incident_id: string;
  status: PublicIncidentStatus;
  message: string;
  posted_by: string | null;
  posted_at: number;
};

export type IncidentPublicTable = {
  incident_id: string;
  title: string;
  updated_by: string | null;
  updated_at: number;
};

export type WorkKind = 'backup' | 'update' | 'security' | 'performance' | 'support' | 'content' | 'other';
/** included: covered by the plan (consumes the month's hours); billable: charged on top. */
export type WorkBilling = 'included' | 'billable';
export type WorkSource = 'console' | 'api' | 'cli' | 'ingest' | 'heartbeat';

export type WorkEntriesTable = {
  id: string;
  client_id: string;
  /** Null: work for the client as a whole (e.g. a support call). */
  site_id: string | null;
  kind: WorkKind;
  performed_at: number;
  performed_by_user_id: string | null;
  /** Who did it, as shown to the client ("Ana", "Backup job"). */
  performed_by: string;
  duration_min: number;
  billing: WorkBilling;
  /** Client-visible, in the client's words. */
  description: string;
  /** JSON, per kind: backup {sizeBytes, location}, update {component, componentKind, fromVersion, toVersion}, security {result, findings}. */
  details: string;
  source: WorkSource;
  /** Idempotency: "ingest:<keyId>:<externalId>" or "heartbeat:<pingId>"; null for entries typed in. */
  dedupe_key: string | null;
  created_at: number;
  updated_at: number;
  archived_at: number | null;
};

export type ComponentKind = 'core' | 'plugin' | 'theme' | 'other';

export type SiteComponentsTable = {
  id: string;
  site_id: string;
  kind: ComponentKind;
  name: string;
  installed_version: string;
  /** Null: unknown. */
  latest_version: string | null;
  /** 1 when the pending update fixes a security issue. */
  security: number;
  /** When an update (latest ≠ installed) was first known; null when up to date. */
  pending_since: number | null;
  created_at: number;
  updated_at: number;
  removed_at: number | null;
};

export type HourBlocksTable = {
  id: string;
  client_id: string;
  minutes: number;
  /** YYYY-MM-DD in the client's zone. */
  purchased_on: string;
  /** YYYY-MM-DD, last day usable (client's zone); null: no expiry. */
  expires_on: string | null;
  price_minor: number | null;
  currency: string | null;
  note: string;
  created_at: number;
  archived_at: number | null;
};

export type IngestKeysTable = {
  id: string;
  name: string;
  /** HMAC secret; kept to verify signatures (shown once on creation). */
  secret: string;
  created_at: number;
  last_used_at: number | null;
  revoked_at: number | null;
};

export type ReportKind = 'monthly' | 'quarterly';

export type ReportsTable = {
  id: string;
  client_id: string;
  /** Null: the whole client. */
  site_id: string | null;
  /** site_id, or '' for the whole client (unique with client, kind and period). */
  scope_key: string;
  kind: ReportKind;
  /** "2026-03" or "2026-Q1". */
  period: string;
  language: string;
  /** JSON of the report's data (ReportData); HTML and PDF are rendered from it. */
  data: string;
  html: string;
  pdf_base64: string;
  pdf_sha256: string;
  generated_at: number;
  /** "schedule", or the user / "cli" that asked. */
  generated_by: string;
  /** Set by the one process that sends it (conditional update). */
  delivery_claimed_at: number | null;
  delivered_at: number | null;
};

export type ReportDeliveriesTable = {
  id: string;
  report_id: string;
  contact_id: string | null;
  to_address: string;
  status: 'sent' | 'stored' | 'failed';
  error: string | null;
  pdf_sha256: string;
  created_at: number;
};
