import type { Logger } from 'pino';
import { type AlertTrigger, enqueueAlertsFor } from '../domain/alerts/enqueue-alerts.ts';
import type { Ctx } from '../domain/context.ts';
import type { EngineEvent, EngineEvents } from '../engine/events.ts';

/** The alert an engine event calls for, or null (check results, events missing their subject). */
export function alertTriggerFor(e: EngineEvent): AlertTrigger | null {
  switch (e.kind) {
    case 'incident_opened':
      return e.incidentId ? { kind: 'down', incidentId: e.incidentId, atMs: e.atMs } : null;
    case 'incident_reopened':
      return e.incidentId ? { kind: 'reopened', incidentId: e.incidentId, atMs: e.atMs } : null;
    case 'incident_resolved':
      return e.incidentId ? { kind: 'recovery', incidentId: e.incidentId, atMs: e.atMs } : null;
    case 'tls_warning': {
      const tls = e.result?.tls;
      if (!tls) return null;
      return {
        kind: 'tls_expiry',
        monitorId: e.monitorId,
        atMs: e.atMs,
        validToMs: tls.validToMs,
        daysToExpiry: tls.daysToExpiry,
      };
    }
    default:
      return null;
  }
}

/**
 * Queues alerts for the engine's incident and TLS events. The engine emits synchronously and
 * must not wait, so the work is chained here, in order: a quick open-then-resolve queues its
 * down before its recovery. If the process dies in between, the worker's catch-up sweep
 * (enqueueMissedAlerts) queues what was lost. Returns the unsubscribe function.
 */
export function subscribeAlertsToEngine(
  events: EngineEvents,
  ctx: Ctx,
  o: { logger: Pick<Logger, 'error'>; onQueued?: () => void },
): { unsubscribe(): void; idle(): Promise<void> } {
  let tail: Promise<void> = Promise.resolve();
  const unsubscribe = events.on((event) => {
    const trigger = alertTriggerFor(event);
    if (!trigger) return;
    tail = tail.then(async () => {
      try {
        const outcome = await enqueueAlertsFor(ctx, trigger);
        if (outcome.queuedIds.length > 0) o.onQueued?.();
      } catch (err) {
        o.logger.error({ err, event: trigger }, 'could not queue alerts; the catch-up sweep will retry');
      }
    });
  });
  return { unsubscribe, idle: () => tail };
}
