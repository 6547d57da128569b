import { newId } from '../../ids.ts';
import type { Executor } from '../../storage/schema.ts';
import type { Actor } from '../context.ts';

export const INCIDENT_EVENT_KINDS = [
  'opened',
  'reopened',
  'acknowledged',
  'note',
  'resolved',
  'alert_queued',
  'alert_sent',
  'alert_failed',
  'alert_cancelled',
  'maintenance',
  'paused',
  'resumed',
  'severity_changed',
  'sla_warning',
  'sla_breached',
] as const;
export type IncidentEventKind = (typeof INCIDENT_EVENT_KINDS)[number];

/** Who did it, as the timeline shows it: a person, or the monitoring system itself. */
export type EventActor = Actor | { kind: 'monitor' };

function actorFields(actor: EventActor) {
  if (actor.kind === 'user') return { actor_user_id: actor.userId, actor_label: 'user' };
  return { actor_user_id: null, actor_label: actor.kind === 'monitor' ? 'monitor' : 'system' };
}

/** Every change to an incident is an event with actor and time; reports are built from these. */
export async function appendIncidentEvent(
  db: Executor,
  e: { incidentId: string; kind: IncidentEventKind; actor: EventActor; atMs: number; data?: Record<string, unknown> },
): Promise<void> {
  await db
    .insertInto('incident_events')
    .values({
      id: newId('iev'),
      incident_id: e.incidentId,
      at: e.atMs,
      kind: e.kind,
      ...actorFields(e.actor),
      data: JSON.stringify(e.data ?? {}),
      created_at: e.atMs,
    })
    .execute();
}
