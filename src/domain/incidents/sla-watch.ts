import type { Executor, IncidentsTable } from '../../storage/schema.ts';
import { queueSlaAlert } from '../alerts/sla-alerts.ts';
import type { Ctx } from '../context.ts';
import type { SlaClock } from '../sla/incident-clocks.ts';
import { slaForIncidents } from '../sla/load-sla.ts';
import type { IncidentEventKind } from './incident-events.ts';
import { inTransaction } from './incident-lifecycle.ts';

// The SLA watch: every minute, the clocks of open (and just-resolved) incidents are recomputed;
// a clock past its warning threshold or its target is noted on the timeline and alerted, once per
// incident and metric. The timeline event has a deterministic id, so inserting it is the claim:
// of two runs that see the same crossing, one inserts (and queues the alerts), the other does nothing.

/** Resolved incidents are still looked at this long: a breach just before the resolution is reported. */
export const SLA_WATCH_RESOLVED_LOOKBACK_MS = 60 * 60_000;
const BATCH = 200;

type Crossing = 'sla_warning' | 'sla_breached';

export type SlaWatchOutcome = { warnings: number; breaches: number; alertsQueued: number };

/** What a clock calls for now: a breach, a warning (only while it runs), or nothing. */
export function crossingOf(clock: SlaClock, nowMs: number): Crossing | null {
  if (clock.state === 'breached') return 'sla_breached';
  if (clock.state === 'running' && clock.warnAt !== null && clock.warnAt <= nowMs) return 'sla_warning';
  return null;
}

/** The deterministic id of the one timeline event a crossing may produce. */
export const crossingEventId = (kind: Crossing, incidentId: string, metric: string) =>
  `iev_${kind}_${incidentId}_${metric}`;

export async function watchSlaClocks(ctx: Ctx): Promise<SlaWatchOutcome> {
  const nowMs = ctx.clock.now();
  const outcome: SlaWatchOutcome = { warnings: 0, breaches: 0, alertsQueued: 0 };
  const incidents = await ctx.db
    .selectFrom('incidents')
    .selectAll()
    .where((eb) => eb.or([eb('status', '=', 'open'), eb('resolved_at', '>=', nowMs - SLA_WATCH_RESOLVED_LOOKBACK_MS)]))
    .orderBy('id')
    .execute();
  if (incidents.length === 0) return outcome;
  const settings = await ctx.db.selectFrom('agency_settings').select('time_zone').executeTakeFirst();
  const timeZone = settings?.time_zone ?? 'UTC';
  for (let i = 0; i < incidents.length; i += BATCH) {
    const batch = incidents.slice(i, i + BATCH);
    const slas = await slaForIncidents(ctx.db, batch, nowMs);
    const seen = await recordedCrossings(
      ctx.db,
      batch.map((b) => b.id),
    );
    for (const incident of batch) {
      const sla = slas.get(incident.id);
      if (!sla?.policy) continue;
      for (const clock of sla.clocks) {
        const kind = crossingOf(clock, nowMs);
        if (!kind || seen.has(crossingEventId(kind, incident.id, clock.metric))) continue;
        const queued = await recordCrossing(ctx.db, {
          kind,
          incident,
          clock,
          policyName: sla.policy.name,
          timeZone,
          nowMs,
        });
        if (queued === null) continue;
        outcome.alertsQueued += queued;
        if (kind === 'sla_warning') outcome.warnings++;
        else outcome.breaches++;
      }
    }
  }
  return outcome;
}

async function recordedCrossings(db: Executor, incidentIds: string[]): Promise<Set<string>> {
  const rows = await db
    .selectFrom('incident_events')
    .select('id')
    .where('incident_id', 'in', incidentIds)
    .where('kind', 'in', ['sla_warning', 'sla_breached'] satisfies IncidentEventKind[])
    .execute();
  return new Set(rows.map((r) => r.id));
}

/** The timeline event and the alerts, in one transaction; null when another run got there first. */
async function recordCrossing(
  db: Executor,
  c: { kind: Crossing; incident: IncidentsTable; clock: SlaClock; policyName: string; timeZone: string; nowMs: number },
): Promise<number | null> {
  const { clock, incident } = c;
  const crossedAtMs = Math.min(c.nowMs, (c.kind === 'sla_warning' ? clock.warnAt : clock.dueAt) ?? c.nowMs);
  const facts = {
    metric: clock.metric,
    targetMinutes: clock.targetMinutes,
    clock: clock.clock,
    dueAt: clock.dueAt === null ? null : new Date(clock.dueAt).toISOString(),
    elapsedMinutes: Math.round(clock.elapsedMs / 6_000) / 10,
    percentElapsed: clock.percentElapsed,
    policyName: c.policyName,
  };
  return inTransaction(db, async (trx) => {
    const inserted = await trx
      .insertInto('incident_events')
      .values({
        id: crossingEventId(c.kind, incident.id, clock.metric),
        incident_id: incident.id,
        at: crossedAtMs,
        kind: c.kind,
        actor_user_id: null,
        actor_label: 'system',
        data: JSON.stringify({ ...facts, noticedAt: new Date(c.nowMs).toISOString() }),
        created_at: c.nowMs,
      })
      .onConflict((oc) => oc.column('id').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) return null;
    const queued = await queueSlaAlert(trx, {
      kind: c.kind === 'sla_warning' ? 'sla_warning' : 'sla_breach',
      incident,
      sla: { ...facts, timeZone: c.timeZone },
      atMs: crossedAtMs,
      nowMs: c.nowMs,
    });
    return queued.length;
  });
}
