import { sql } from 'kysely';
import type { CheckResultsTable, Executor, MonitorsTable } from '../../storage/schema.ts';
import { openIncident, reopenIncident, resolveIncidentByCheck } from '../incidents/incident-lifecycle.ts';
import type { IncidentAction, MonitorState } from './evaluate-check.ts';

// What the engine and the heartbeat endpoint share when they record a check: the monitor's
// incident linkage as the database has it, the incident transitions, and the writes of results
// and state columns. The database is the truth; in-memory state is a cache of it.

/** The longest flap grace a monitor may have (monitor-schemas: 86 400 s). */
const MAX_FLAP_GRACE_MS = 86_400_000;

export type IncidentLink = Pick<MonitorState, 'openIncidentId' | 'lastResolved'>;

export type IncidentChange = {
  kind: 'incident_opened' | 'incident_reopened' | 'incident_resolved';
  incidentId: string;
  atMs: number;
};

export type MonitorStateColumns = Pick<
  MonitorsTable,
  | 'status'
  | 'consecutive_failures'
  | 'consecutive_successes'
  | 'streak_since'
  | 'last_check_at'
  | 'last_total_ms'
  | 'last_error_class'
>;

const CHUNK = 500;

function chunks<T>(items: T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Open incident and the latest incident the checks resolved (for reopening within the flap
 * grace), per monitor. An incident a person resolved is not offered for reopening: they closed
 * that outage on purpose, so the next one is new. `monitorIds` null means every monitor.
 */
export async function loadIncidentLinks(
  db: Executor,
  monitorIds: string[] | null,
  nowMs: number,
): Promise<Map<string, IncidentLink>> {
  const links = new Map<string, IncidentLink>();
  const linkOf = (id: string) => {
    let link = links.get(id);
    if (!link) {
      link = { openIncidentId: null, lastResolved: null };
      links.set(id, link);
    }
    return link;
  };
  const groups = monitorIds === null ? [null] : chunks(monitorIds);
  for (const ids of groups) {
    if (ids && ids.length === 0) continue;
    let q = db
      .selectFrom('incidents')
      .select(['id', 'monitor_id', 'status', 'resolved_at'])
      .where((eb) => eb.or([eb('status', '=', 'open'), eb('resolved_at', '>=', nowMs - MAX_FLAP_GRACE_MS)]));
    if (ids) q = q.where('monitor_id', 'in', ids);
    const rows = await q.execute();
    const resolvedByCheck = await incidentsLastResolvedByMonitor(
      db,
      rows.filter((r) => r.status === 'resolved').map((r) => r.id),
    );
    for (const r of rows) {
      const link = linkOf(r.monitor_id);
      if (r.status === 'open') link.openIncidentId = r.id;
      else if (r.resolved_at !== null && resolvedByCheck.has(r.id)) {
        if (!link.lastResolved || r.resolved_at > link.lastResolved.resolvedAt) {
          link.lastResolved = { id: r.id, resolvedAt: r.resolved_at };
        }
      }
    }
  }
  return links;
}

/** Of these incidents, those whose latest 'resolved' event was written by the monitor. */
async function incidentsLastResolvedByMonitor(db: Executor, incidentIds: string[]): Promise<Set<string>> {
  const latest = new Map<string, { at: number; byMonitor: boolean }>();
  for (const ids of chunks(incidentIds)) {
    const events = await db
      .selectFrom('incident_events')
      .select(['incident_id', 'at', 'actor_label'])
      .where('incident_id', 'in', ids)
      .where('kind', '=', 'resolved')
      .execute();
    for (const e of events) {
      const seen = latest.get(e.incident_id);
      if (!seen || e.at >= seen.at) latest.set(e.incident_id, { at: e.at, byMonitor: e.actor_label === 'monitor' });
    }
  }
  return new Set([...latest].filter(([, v]) => v.byMonitor).map(([id]) => id));
}

export function stateFromRow(row: MonitorStateColumns, link: IncidentLink | undefined): MonitorState {
  return {
    status: row.status,
    consecutiveFailures: row.consecutive_failures,
    consecutiveSuccesses: row.consecutive_successes,
    streakSince: row.streak_since,
    openIncidentId: link?.openIncidentId ?? null,
    lastResolved: link?.lastResolved ?? null,
  };
}

export function stateColumns(state: MonitorState, result: CheckResultsTable): MonitorStateColumns {
  return {
    status: state.status,
    consecutive_failures: state.consecutiveFailures,
    consecutive_successes: state.consecutiveSuccesses,
    streak_since: state.streakSince,
    last_check_at: result.started_at,
    last_total_ms: result.total_ms,
    last_error_class: result.error_class,
  };
}

/**
 * Applies what evaluateCheck decided. Every transition is a conditional write; when it loses
 * (another engine or a person got there first) the monitor's incident linkage is reloaded from
 * the database, so the caller continues from the truth.
 */
export async function applyIncidentAction(
  db: Executor,
  monitorId: string,
  state: MonitorState,
  action: IncidentAction,
  nowMs: number,
): Promise<{ state: MonitorState; change: IncidentChange | null }> {
  if (action.kind === 'open') {
    const opened = await openIncident(db, { monitorId, ...action });
    const change: IncidentChange | null = opened.created
      ? { kind: 'incident_opened', incidentId: opened.id, atMs: action.detectedAt }
      : null;
    return { state: { ...state, openIncidentId: opened.id, lastResolved: null }, change };
  }
  if (action.kind === 'reopen') {
    if (await reopenIncident(db, action.incidentId, action.detectedAt)) {
      return { state, change: { kind: 'incident_reopened', incidentId: action.incidentId, atMs: action.detectedAt } };
    }
    const reloaded = await reloadLink(db, monitorId, state, nowMs);
    if (reloaded.openIncidentId) return { state: reloaded, change: null };
    // The old incident cannot be revived (e.g. someone else holds it): this outage gets its own.
    const startedAt = state.streakSince ?? action.detectedAt;
    const open = { kind: 'open', startedAt, detectedAt: action.detectedAt, errorClass: null, message: null } as const;
    return applyIncidentAction(db, monitorId, { ...reloaded, lastResolved: null }, open, nowMs);
  }
  if (action.kind === 'resolve') {
    if (await resolveIncidentByCheck(db, action.incidentId, action.resolvedAt, nowMs)) {
      return { state, change: { kind: 'incident_resolved', incidentId: action.incidentId, atMs: action.resolvedAt } };
    }
    return { state: await reloadLink(db, monitorId, state, nowMs), change: null };
  }
  return { state, change: null };
}

async function reloadLink(db: Executor, monitorId: string, state: MonitorState, nowMs: number): Promise<MonitorState> {
  const link = (await loadIncidentLinks(db, [monitorId], nowMs)).get(monitorId);
  return { ...state, openIncidentId: link?.openIncidentId ?? null, lastResolved: link?.lastResolved ?? null };
}

/** One multi-row insert per chunk; a row already there (same monitor, start, location) is kept. */
export async function insertCheckResults(db: Executor, rows: CheckResultsTable[]): Promise<void> {
  // 14 columns × 500 rows stays far below SQLite's and PostgreSQL's bound-parameter limits.
  for (const part of chunks(rows)) {
    await db
      .insertInto('check_results')
      .values(part)
      .onConflict((oc) => oc.columns(['monitor_id', 'started_at', 'location']).doNothing())
      .execute();
  }
}

/** The monitor's state columns; updated_at is left alone (it marks configuration changes). */
export async function writeMonitorState(db: Executor, monitorId: string, columns: MonitorStateColumns) {
  await db.updateTable('monitors').set(columns).where('id', '=', monitorId).execute();
}

/**
 * The state columns of many monitors in one statement per chunk (the engine writes hundreds a
 * second; one UPDATE each was its largest database cost). Kysely's update builder cannot join a
 * VALUES list, hence the parametrised sql template; the casts give PostgreSQL the column types.
 */
export async function writeMonitorStates(db: Executor, states: Map<string, MonitorStateColumns>): Promise<void> {
  const entries = [...states];
  for (let i = 0; i < entries.length; i += 200) {
    const rows = entries.slice(i, i + 200).map(
      ([id, c]) =>
        sql`(${id}, ${c.status}, cast(${c.consecutive_failures} as integer), cast(${c.consecutive_successes} as integer),
          cast(${c.streak_since} as bigint), cast(${c.last_check_at} as bigint), cast(${c.last_total_ms} as real),
          cast(${c.last_error_class} as text))`,
    );
    await sql`
      with v (id, status, failures, successes, streak_since, last_check_at, last_total_ms, last_error_class)
        as (values ${sql.join(rows)})
      update monitors set
        status = v.status,
        consecutive_failures = v.failures,
        consecutive_successes = v.successes,
        streak_since = v.streak_since,
        last_check_at = v.last_check_at,
        last_total_ms = v.last_total_ms,
        last_error_class = v.last_error_class
      from v
      where monitors.id = v.id`.execute(db);
  }
}
