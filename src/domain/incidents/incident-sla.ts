import type { Executor, IncidentsTable } from '../../storage/schema.ts';
import { formatDurationS } from '../alerts/render-alert.ts';
import type { SlaClock, SlaClockState } from '../sla/incident-clocks.ts';
import { type IncidentSla, slaForIncidents } from '../sla/load-sla.ts';
import type { SlaMetric } from '../sla/policy.ts';

// The SLA clocks of incidents as reads show them: instants as ISO strings, durations in minutes
// (business minutes for business clocks) with one decimal.

export type SlaClockView = {
  metric: SlaMetric;
  targetMinutes: number;
  clock: 'business' | '24x7';
  startedAt: string;
  stoppedAt: string | null;
  elapsedMinutes: number;
  dueAt: string | null;
  warnAt: string | null;
  state: SlaClockState;
  met: boolean | null;
  marginMinutes: number;
  percentElapsed: number;
};

export type IncidentSlaView = {
  policy: { id: string; name: string; calendarName: string; warnAtPercent: number } | null;
  clocks: SlaClockView[];
};

export type SlaRisk = 'breached' | 'at_risk';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
/** One decimal; never "-0". */
const minutes1 = (ms: number) => Math.round(ms / 6_000) / 10 || 0;

export function toClockView(c: SlaClock): SlaClockView {
  return {
    metric: c.metric,
    targetMinutes: c.targetMinutes,
    clock: c.clock,
    startedAt: new Date(c.startedAt).toISOString(),
    stoppedAt: iso(c.stoppedAt),
    elapsedMinutes: minutes1(c.elapsedMs),
    dueAt: iso(c.dueAt),
    warnAt: iso(c.warnAt),
    state: c.state,
    met: c.met,
    marginMinutes: minutes1(c.marginMs),
    percentElapsed: c.percentElapsed,
  };
}

export function toSlaView(sla: IncidentSla | undefined, warnAtPercent: (policyId: string) => number): IncidentSlaView {
  if (!sla?.policy) return { policy: null, clocks: [] };
  const { id, name, calendarName } = sla.policy;
  return { policy: { id, name, calendarName, warnAtPercent: warnAtPercent(id) }, clocks: sla.clocks.map(toClockView) };
}

/** The clocks of a page of incidents at nowMs, in one batch of queries. */
export async function slaViewsFor(db: Executor, rows: IncidentsTable[], nowMs: number) {
  const slas = await slaForIncidents(db, rows, nowMs);
  const policyIds = [...new Set([...slas.values()].flatMap((s) => (s.policy ? [s.policy.id] : [])))];
  const warn =
    policyIds.length === 0
      ? []
      : await db.selectFrom('sla_policies').select(['id', 'warn_at_percent']).where('id', 'in', policyIds).execute();
  const warnOf = new Map(warn.map((w) => [w.id, w.warn_at_percent]));
  return new Map(rows.map((r) => [r.id, toSlaView(slas.get(r.id), (id) => warnOf.get(id) ?? 75)]));
}

/**
 * The worst thing about an incident's clocks: 'breached' when any clock is over its target,
 * 'at_risk' when a running (or paused) clock has passed its warning threshold; else null.
 */
export function slaRiskOf(view: IncidentSlaView, nowMs: number): SlaRisk | null {
  if (view.clocks.some((c) => c.state === 'breached')) return 'breached';
  const atRisk = view.clocks.some((c) => c.stoppedAt === null && c.warnAt !== null && Date.parse(c.warnAt) <= nowMs);
  return atRisk ? 'at_risk' : null;
}

/** The running clock due soonest (the one to watch), or null when none runs. */
export function nextDueClock(view: IncidentSlaView): SlaClockView | null {
  const running = view.clocks.filter((c) => c.stoppedAt === null && c.dueAt !== null);
  running.sort((a, b) => Date.parse(a.dueAt ?? '') - Date.parse(b.dueAt ?? ''));
  return running[0] ?? null;
}

const spoken = (ms: number) => formatDurationS(Math.max(0, Math.round(Math.abs(ms) / 1000)));

/** What a clock means right now, in words: "due in 23 min", "breached 12 min ago", … */
export function slaCountdown(c: SlaClockView, nowMs: number, waitingForClient: boolean): string {
  if (c.stoppedAt !== null) {
    const margin = spoken(c.marginMinutes * 60_000);
    return c.met ? `met with ${margin} to spare` : `breached by ${margin}`;
  }
  if (c.state === 'breached') return c.dueAt ? `breached ${spoken(nowMs - Date.parse(c.dueAt))} ago` : 'breached';
  if (c.state === 'paused') return waitingForClient ? 'paused: waiting for client' : 'paused: maintenance window';
  if (!c.dueAt) return 'no business hours ahead in the calendar';
  return `due in ${spoken(Date.parse(c.dueAt) - nowMs)}`;
}
