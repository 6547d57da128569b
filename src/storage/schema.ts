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
  sla_first_response_minutes: number | null;
  sla_resolution_minutes: number | null;
  sla_hours: 'business' | '24x7';
  uptime_commitment_bp: number | null;
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
};

export type Db = Kysely<Database>;
/** A database handle or an open transaction: repositories accept either. */
export type Executor = Kysely<Database> | Transaction<Database>;
