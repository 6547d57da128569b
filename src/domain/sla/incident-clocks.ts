import type { IncidentSeverity } from '../../storage/schema.ts';
import { addBusinessMs, type BusinessCalendar, businessMsBetween, mergeSpans, type Span } from './business-time.ts';
import { SLA_METRICS, type SlaMetric, type SlaPolicy, targetMinutesFor } from './policy.ts';

// The SLA clocks of one incident, computed from its timestamps, its pause history and the policy
// in force; nothing is counted up while it runs, so a changed policy or calendar replays exactly.

export type IncidentTimes = {
  startedAt: number;
  detectedAt: number;
  acknowledgedAt: number | null;
  resolvedAt: number | null;
  severity: IncidentSeverity;
};

export type SlaClockState = 'running' | 'paused' | 'met' | 'breached';

export type SlaClock = {
  metric: SlaMetric;
  targetMinutes: number;
  clock: 'business' | '24x7';
  startedAt: number;
  /** When the clock stopped (acknowledged/resolved); null while it runs. */
  stoppedAt: number | null;
  /** Counted time up to stoppedAt or now, outside pauses and (for business clocks) outside hours. */
  elapsedMs: number;
  /** Null only when the calendar has no hours in the next three years. */
  dueAt: number | null;
  warnAt: number | null;
  state: SlaClockState;
  /** Met when stopped by the due time; null while running and not yet overdue. */
  met: boolean | null;
  /** Target minus elapsed, in counted time; negative once breached. */
  marginMs: number;
  percentElapsed: number;
};

export type ClockInputs = {
  incident: IncidentTimes;
  policy: SlaPolicy;
  /** The policy's calendar (used by business clocks). */
  calendar: BusinessCalendar;
  /** Waiting for the client and maintenance windows: time that does not count. */
  pauses: Span[];
  nowMs: number;
};

const TWENTY_FOUR_SEVEN: BusinessCalendar = { kind: '24x7' };

/**
 * First response runs from detection to acknowledgement; an incident resolved before anyone
 * acknowledged it stops the first-response clock at resolution (nothing was left to respond to).
 * Resolution runs from the first failed check to the (final) resolution.
 */
export function metricWindow(metric: SlaMetric, i: IncidentTimes): { startMs: number; stopMs: number | null } {
  if (metric === 'resolution') return { startMs: i.startedAt, stopMs: i.resolvedAt };
  const stops = [i.acknowledgedAt, i.resolvedAt].filter((t): t is number => t !== null);
  return { startMs: i.detectedAt, stopMs: stops.length > 0 ? Math.max(i.detectedAt, Math.min(...stops)) : null };
}

export function computeIncidentClocks(inputs: ClockInputs): SlaClock[] {
  const clocks: SlaClock[] = [];
  for (const metric of SLA_METRICS) {
    const targetMinutes = targetMinutesFor(inputs.policy, metric, inputs.incident.severity);
    if (targetMinutes === null) continue;
    clocks.push(computeClock(inputs, metric, targetMinutes));
  }
  return clocks;
}

function computeClock(inputs: ClockInputs, metric: SlaMetric, targetMinutes: number): SlaClock {
  const kind = inputs.policy.clocks[metric];
  const calendar = kind === '24x7' ? TWENTY_FOUR_SEVEN : inputs.calendar;
  const { startMs, stopMs } = metricWindow(metric, inputs.incident);
  const pauses = mergeSpans(inputs.pauses);
  const targetMs = targetMinutes * 60_000;
  const untilMs = stopMs ?? Math.max(startMs, inputs.nowMs);
  const elapsedMs = businessMsBetween(calendar, startMs, untilMs, pauses);
  // An open pause (still waiting for the client) has no end yet: due times are projected as if it
  // ended now, and move on as it lasts.
  const projected = pauses.map((p) =>
    Number.isFinite(p.endMs) ? p : { startMs: p.startMs, endMs: Math.max(p.startMs, inputs.nowMs) },
  );
  const dueAt = addBusinessMs(calendar, startMs, targetMs, projected);
  const warnAt = addBusinessMs(
    calendar,
    startMs,
    Math.floor((targetMs * inputs.policy.warnAtPercent) / 100),
    projected,
  );
  const overdue = elapsedMs > targetMs;
  let state: SlaClockState;
  let met: boolean | null;
  if (stopMs !== null) {
    met = !overdue;
    state = met ? 'met' : 'breached';
  } else if (overdue) {
    met = false;
    state = 'breached';
  } else {
    met = null;
    state = pauses.some((p) => p.startMs <= untilMs && untilMs < p.endMs) ? 'paused' : 'running';
  }
  return {
    metric,
    targetMinutes,
    clock: kind,
    startedAt: startMs,
    stoppedAt: stopMs,
    elapsedMs,
    dueAt,
    warnAt,
    state,
    met,
    marginMs: targetMs - elapsedMs,
    percentElapsed: Math.round((elapsedMs / targetMs) * 1000) / 10,
  };
}
