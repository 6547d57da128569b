import type { PublicIncidentStatus } from '../../storage/schema.ts';
import type { Locale } from '../shared/validation.ts';
import type { FooterLink } from './schemas.ts';

// What a public status page shows, and nothing else: no internal ids (components and incidents
// have public ids of their own), no URLs of monitored sites, no error classes or messages, no
// internal notes, no unpublished components.

export type ComponentStatus = 'operational' | 'degraded' | 'outage' | 'maintenance' | 'unknown';
export type OverallStatus = 'operational' | 'degraded' | 'partial_outage' | 'major_outage' | 'maintenance';

export type PublicDay = {
  /** The local date in the page's time zone. */
  date: string;
  startMs: number;
  endMs: number;
  /** Null when nothing was measured that day (before monitoring began, or all maintenance). */
  uptimeRatio: number | null;
  downtimeMs: number;
  maintenanceMs: number;
  /** Incidents that were open at some time that day. */
  incidents: number;
  /** Average response time of answered checks; null without any. */
  avgResponseMs: number | null;
};

export type PublicComponent = {
  id: string;
  name: string;
  group: string | null;
  status: ComponentStatus;
  /** Over the days shown. */
  uptimeRatio: number | null;
  days: PublicDay[];
};

export type PublicUpdate = { status: PublicIncidentStatus; message: string; postedAt: number };

export type PublicIncident = {
  /** Derived from the incident's id, not the id itself (see public-ids.ts). */
  publicId: string;
  /** Null: pages show a generic title naming the components. */
  title: string | null;
  status: PublicIncidentStatus;
  startedAt: number;
  resolvedAt: number | null;
  componentIds: string[];
  componentNames: string[];
  /** Newest first. */
  updates: PublicUpdate[];
  /** The latest of start, resolution and updates. */
  lastChangeAt: number;
};

export type PublicMaintenance = {
  title: string;
  startsAt: number;
  endsAt: number;
  active: boolean;
  /** Empty: every component. */
  componentNames: string[];
};

export type PublicPage = {
  slug: string;
  title: string;
  language: Locale;
  timeZone: string;
  logoUrl: string | null;
  faviconUrl: string | null;
  brandColor: string;
  accentColor: string;
  footerLinks: FooterLink[];
  showPoweredBy: boolean;
};

export type PublicStatus = {
  page: PublicPage;
  generatedAt: number;
  /** Start of the first day shown. */
  fromMs: number;
  dayCount: number;
  overall: OverallStatus;
  components: PublicComponent[];
  activeIncidents: PublicIncident[];
  /** Resolved incidents of the days shown, newest first (at most 100). */
  pastIncidents: PublicIncident[];
  /** Maintenance going on now or starting in the next 14 days. */
  maintenance: PublicMaintenance[];
};

/** A page is found by its slug (/status/<slug>) or by a custom domain attached to it. */
export type PublicPageKey = { slug: string } | { host: string };
