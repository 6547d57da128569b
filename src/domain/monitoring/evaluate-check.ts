import type { MonitorStatus } from '../../storage/schema.ts';

/** What the incident logic needs to know about a monitor between two checks. */
export type MonitorState = {
  status: MonitorStatus;
  consecutiveFailures: number;
  consecutiveSuccesses: number;
  /** started_at of the first check of the current run of failures or of successes. */
  streakSince: number | null;
  openIncidentId: string | null;
  /** The most recently resolved incident, for reopening within the flap grace period. */
  lastResolved: { id: string; resolvedAt: number } | null;
};

export type IncidentPolicy = {
  /** Consecutive failed checks that open an incident (default 2; the confirmation re-check counts). */
  failureThreshold: number;
  /** Consecutive good checks that close it (default 1). */
  recoveryThreshold: number;
  /** A new outage this soon after a resolution reopens the old incident instead of creating one. */
  flapGraceMs: number;
};

export type CheckObservation = {
  outcome: 'up' | 'degraded' | 'down';
  startedAt: number;
  isConfirmation: boolean;
  errorClass: string | null;
  message: string | null;
};

export type IncidentAction =
  | { kind: 'none' }
  | { kind: 'confirm' }
  | { kind: 'open'; startedAt: number; detectedAt: number; errorClass: string | null; message: string | null }
  | { kind: 'reopen'; incidentId: string; detectedAt: number }
  | { kind: 'resolve'; incidentId: string; resolvedAt: number };

/**
 * The incident rules of domain.md as a pure step: one observation in, the next state and at most
 * one action out. `nowMs` is when the result is evaluated (an incident's detected_at).
 */
export function evaluateCheck(
  state: MonitorState,
  check: CheckObservation,
  policy: IncidentPolicy,
  nowMs: number,
): { state: MonitorState; action: IncidentAction } {
  if (check.outcome === 'down') {
    const failures = state.consecutiveFailures + 1;
    const next: MonitorState = {
      ...state,
      consecutiveFailures: failures,
      consecutiveSuccesses: 0,
      streakSince: failures === 1 ? check.startedAt : state.streakSince,
    };
    if (state.openIncidentId) return { state: { ...next, status: 'down' }, action: { kind: 'none' } };
    if (failures >= policy.failureThreshold) {
      const last = state.lastResolved;
      if (last && check.startedAt - last.resolvedAt <= policy.flapGraceMs) {
        return {
          state: { ...next, status: 'down', openIncidentId: last.id, lastResolved: null },
          action: { kind: 'reopen', incidentId: last.id, detectedAt: nowMs },
        };
      }
      const startedAt = next.streakSince ?? check.startedAt;
      return {
        // The caller stores the new incident's id in openIncidentId once the row exists.
        state: { ...next, status: 'down', lastResolved: null },
        action: { kind: 'open', startedAt, detectedAt: nowMs, errorClass: check.errorClass, message: check.message },
      };
    }
    // A first failure is re-checked at once rather than waiting a whole interval.
    const action: IncidentAction = check.isConfirmation ? { kind: 'none' } : { kind: 'confirm' };
    return { state: next, action };
  }

  const successes = state.consecutiveSuccesses + 1;
  const next: MonitorState = {
    ...state,
    status: check.outcome,
    consecutiveFailures: 0,
    consecutiveSuccesses: successes,
    streakSince: successes === 1 ? check.startedAt : state.streakSince,
  };
  if (state.openIncidentId && successes >= policy.recoveryThreshold) {
    const resolvedAt = next.streakSince ?? check.startedAt;
    return {
      state: { ...next, openIncidentId: null, lastResolved: { id: state.openIncidentId, resolvedAt } },
      action: { kind: 'resolve', incidentId: state.openIncidentId, resolvedAt },
    };
  }
  if (state.openIncidentId) return { state: { ...next, status: 'down' }, action: { kind: 'none' } };
  return { state: next, action: { kind: 'none' } };
}
