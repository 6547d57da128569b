import type { Executor } from '../../storage/schema.ts';
import { appendIncidentEvent, type EventActor } from './incident-events.ts';

/**
 * Resolving an incident that waits for the client ends the wait too: the pause is closed with a
 * 'resumed' event in the caller's transaction, so the history never holds a pause without an end.
 * A conditional write, so a resume racing the resolution closes it once.
 */
export async function endPauseAtResolution(trx: Executor, incidentId: string, actor: EventActor, atMs: number) {
  const res = await trx
    .updateTable('incidents')
    .set({ paused_at: null })
    .where('id', '=', incidentId)
    .where('paused_at', 'is not', null)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) return;
  await appendIncidentEvent(trx, { incidentId, kind: 'resumed', actor, atMs, data: { reason: 'resolved' } });
}
