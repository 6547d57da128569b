import type { Executor, IncidentsTable, MaintenanceWindowsTable, SlaCalendarsTable } from '../../storage/schema.ts';
import { windowRowsIntervals } from '../monitoring/maintenance-windows.ts';
import { localDate } from '../shared/time.ts';
import type { BusinessCalendar, Span, WeeklyHours } from './business-time.ts';
import { computeIncidentClocks, type SlaClock } from './incident-clocks.ts';
import { type SlaPolicy, toSlaPolicy } from './policy.ts';

// Loading what the clocks need, for one incident or a page of them, in a fixed number of queries.

/** How far ahead scheduled maintenance is looked at when projecting a running clock's due time. */
const MAINTENANCE_HORIZON_MS = 14 * 86_400_000;

export type LoadedCalendar = { row: SlaCalendarsTable; calendar: BusinessCalendar };

export async function loadCalendars(db: Executor, ids: string[]): Promise<Map<string, LoadedCalendar>> {
  const out = new Map<string, LoadedCalendar>();
  if (ids.length === 0) return out;
  const rows = await db.selectFrom('sla_calendars').selectAll().where('id', 'in', ids).execute();
  const holidays = await db
    .selectFrom('sla_holidays')
    .select(['calendar_id', 'on_date'])
    .where('calendar_id', 'in', ids)
    .execute();
  for (const row of rows) {
    const dates = new Set(holidays.filter((h) => h.calendar_id === row.id).map((h) => h.on_date));
    out.set(row.id, { row, calendar: toBusinessCalendar(row, dates) });
  }
  return out;
}

export function toBusinessCalendar(row: SlaCalendarsTable, holidays: ReadonlySet<string>): BusinessCalendar {
  if (row.kind === '24x7') return { kind: '24x7' };
  return { kind: 'business', timeZone: row.time_zone, weekly: JSON.parse(row.weekly_hours) as WeeklyHours, holidays };
}

/**
 * The policy in force for each incident: the one on the plan version of the client's contract that
 * covered the incident's start (in the client's zone); the latest such contract wins.
 */
export async function policiesForIncidents(db: Executor, incidents: IncidentsTable[]) {
  const result = new Map<string, SlaPolicy | null>();
  const clientIds = [...new Set(incidents.map((i) => i.client_id))];
  if (clientIds.length === 0) return result;
  const contracts = await db
    .selectFrom('contracts')
    .innerJoin('clients', 'clients.id', 'contracts.client_id')
    .innerJoin('plan_versions', 'plan_versions.id', 'contracts.plan_version_id')
    .select([
      'contracts.client_id as clientId',
      'contracts.start_date as startDate',
      'contracts.ends_on as endsOn',
      'contracts.created_at as contractCreatedAt',
      'clients.time_zone as clientZone',
      'plan_versions.sla_policy_id as policyId',
    ])
    .where('contracts.client_id', 'in', clientIds)
    .orderBy('contracts.start_date', 'desc')
    .orderBy('contracts.created_at', 'desc')
    .execute();
  const policyIds = [...new Set(contracts.flatMap((c) => (c.policyId ? [c.policyId] : [])))];
  const policyRows =
    policyIds.length === 0
      ? []
      : await db.selectFrom('sla_policies').selectAll().where('id', 'in', policyIds).execute();
  const policies = new Map(policyRows.map((r) => [r.id, toSlaPolicy(r)]));
  for (const incident of incidents) {
    const covering = contracts.find((c) => {
      if (c.clientId !== incident.client_id) return false;
      const day = localDate(incident.started_at, c.clientZone);
      return c.startDate <= day && (c.endsOn === null || c.endsOn >= day);
    });
    result.set(incident.id, (covering?.policyId && policies.get(covering.policyId)) || null);
  }
  return result;
}

/** Waiting-for-client spans from the event history (an open one has no end) plus maintenance. */
export async function pausesForIncidents(db: Executor, incidents: IncidentsTable[], nowMs: number) {
  const result = new Map<string, Span[]>();
  if (incidents.length === 0) return result;
  const ids = incidents.map((i) => i.id);
  const events = await db
    .selectFrom('incident_events')
    .select(['incident_id', 'kind', 'at'])
    .where('incident_id', 'in', ids)
    .where('kind', 'in', ['paused', 'resumed'])
    .orderBy('at')
    .orderBy('id')
    .execute();
  const clientIds = [...new Set(incidents.map((i) => i.client_id))];
  const windows: MaintenanceWindowsTable[] = await db
    .selectFrom('maintenance_windows')
    .selectAll()
    .where('client_id', 'in', clientIds)
    .execute();
  for (const incident of incidents) {
    const spans: Span[] = [];
    let openSince: number | null = null;
    for (const e of events) {
      if (e.incident_id !== incident.id) continue;
      if (e.kind === 'paused' && openSince === null) openSince = e.at;
      if (e.kind === 'resumed' && openSince !== null) {
        spans.push({ startMs: openSince, endMs: e.at });
        openSince = null;
      }
    }
    if (openSince !== null) spans.push({ startMs: openSince, endMs: Number.POSITIVE_INFINITY });
    const untilMs = incident.resolved_at ?? nowMs + MAINTENANCE_HORIZON_MS;
    for (const w of windowRowsIntervals(
      windows,
      { id: incident.site_id, clientId: incident.client_id },
      incident.started_at,
      untilMs,
    )) {
      spans.push({ startMs: w.startMs, endMs: w.endMs });
    }
    result.set(incident.id, spans);
  }
  return result;
}

export type IncidentSla = {
  policy: { id: string; name: string; calendarId: string; calendarName: string } | null;
  clocks: SlaClock[];
};

/** SLA clocks for a set of incidents at nowMs. */
export async function slaForIncidents(db: Executor, incidents: IncidentsTable[], nowMs: number) {
  const policies = await policiesForIncidents(db, incidents);
  const calendarIds = [...new Set([...policies.values()].flatMap((p) => (p ? [p.calendarId] : [])))];
  const calendars = await loadCalendars(db, calendarIds);
  const pauses = await pausesForIncidents(db, incidents, nowMs);
  const result = new Map<string, IncidentSla>();
  for (const incident of incidents) {
    const policy = policies.get(incident.id) ?? null;
    const calendar = policy ? calendars.get(policy.calendarId) : undefined;
    if (!policy || !calendar) {
      result.set(incident.id, { policy: null, clocks: [] });
      continue;
    }
    const clocks = computeIncidentClocks({
      incident: {
        startedAt: incident.started_at,
        detectedAt: incident.detected_at,
        acknowledgedAt: incident.acknowledged_at,
        resolvedAt: incident.resolved_at,
        severity: incident.severity,
      },
      policy,
      calendar: calendar.calendar,
      pauses: pauses.get(incident.id) ?? [],
      nowMs,
    });
    result.set(incident.id, {
      policy: { id: policy.id, name: policy.name, calendarId: calendar.row.id, calendarName: calendar.row.name },
      clocks,
    });
  }
  return result;
}
