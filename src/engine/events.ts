// The engine's outward interface: other parts (alerts, live status) subscribe here instead of
// reaching into the scheduler. Keep this file stable; the alerts helper imports it.

export type EngineEventKind =
  | 'incident_opened'
  | 'incident_reopened'
  | 'incident_resolved'
  | 'tls_warning'
  | 'check_result';

/** One evaluated check, as the engine recorded it (times in epoch ms, durations in ms). */
export type EngineCheckResult = {
  monitorId: string;
  startedAt: number;
  location: string;
  outcome: 'up' | 'degraded' | 'down';
  errorClass: string | null;
  message: string | null;
  httpStatus: number | null;
  totalMs: number;
  isConfirmation: boolean;
  /** Certificate facts when the check saw one (TLS monitors, HTTPS checks). */
  tls?: { validToMs: number; daysToExpiry: number; subject: string; issuer: string };
};

export type EngineEvent = {
  kind: EngineEventKind;
  monitorId: string;
  incidentId?: string;
  atMs: number;
  result?: EngineCheckResult;
};

export type EngineEventListener = (event: EngineEvent) => void;

export type EngineEvents = {
  /** Delivers to every listener synchronously; a throwing listener is reported, not propagated. */
  emit(event: EngineEvent): void;
  /** Returns a function that removes the listener. */
  on(listener: EngineEventListener): () => void;
  /** True when someone listens: lets the hot path skip building check_result events. */
  readonly hasListeners: boolean;
};

/**
 * Incident events are emitted after their database transaction committed, so a listener that
 * reads the incident sees it; a process that dies in between loses the event (not the incident),
 * so listeners that must not miss one also sweep the database. tls_warning comes with every check
 * that finds a certificate inside its warning window: deduplicate per threshold. check_result is
 * built only while someone listens. A listener must not block: queue work and return.
 */
export function createEngineEvents(onListenerError: (err: unknown) => void = () => {}): EngineEvents {
  const listeners = new Set<EngineEventListener>();
  return {
    emit(event) {
      for (const listener of listeners) {
        try {
          listener(event);
        } catch (err) {
          onListenerError(err);
        }
      }
    },
    on(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    get hasListeners() {
      return listeners.size > 0;
    },
  };
}
