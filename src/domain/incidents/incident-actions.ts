import { z } from 'zod';
import { conflict } from '../../errors.ts';
import type { Actor, Ctx } from '../context.ts';
import { parseInput } from '../shared/validation.ts';
import { endPauseAtResolution } from './end-pause.ts';
import { appendIncidentEvent } from './incident-events.ts';
import { inTransaction } from './incident-lifecycle.ts';
import { actorId, findIncident } from './incident-rows.ts';

export { pauseIncident, pauseSchema, resumeIncident } from './incident-pause.ts';
export { setIncidentSeverity, severitySchema } from './incident-severity.ts';

// What people do to an incident. Each is a conditional write plus an event, in one transaction:
// two people acknowledging at once produce one acknowledgement and one conflict.

export const noteSchema = z.object({ text: z.string().trim().min(1, 'must not be empty').max(10_000) }).strict();
export const resolveSchema = z.object({ note: z.string().trim().max(10_000).optional() }).strict();

export async function acknowledgeIncident(ctx: Ctx, actor: Actor, id: string): Promise<void> {
  await findIncident(ctx, id);
  const nowMs = ctx.clock.now();
  const won = await inTransaction(ctx.db, async (trx) => {
    const res = await trx
      .updateTable('incidents')
      .set({ acknowledged_at: nowMs, acknowledged_by: actorId(actor), updated_at: nowMs })
      .where('id', '=', id)
      .where('acknowledged_at', 'is', null)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) return false;
    await appendIncidentEvent(trx, { incidentId: id, kind: 'acknowledged', actor, atMs: nowMs });
    return true;
  });
  if (!won) {
    const current = await findIncident(ctx, id);
    throw conflict(`The incident was already acknowledged at ${new Date(current.acknowledged_at ?? 0).toISOString()}`);
  }
}

export async function addIncidentNote(ctx: Ctx, actor: Actor, id: string, input: unknown): Promise<void> {
  const { text } = parseInput(noteSchema, input);
  await findIncident(ctx, id);
  await appendIncidentEvent(ctx.db, { incidentId: id, kind: 'note', actor, atMs: ctx.clock.now(), data: { text } });
}

/**
 * A person closes an incident the checks have not closed (e.g. a false alarm). The monitor's
 * streak is reset so the next failure opens a new incident rather than reviving this one; a
 * pause (waiting for the client) ends with it.
 */
export async function resolveIncidentManually(ctx: Ctx, actor: Actor, id: string, input: unknown = {}) {
  const { note } = parseInput(resolveSchema, input);
  const incident = await findIncident(ctx, id);
  const nowMs = ctx.clock.now();
  const won = await inTransaction(ctx.db, async (trx) => {
    const res = await trx
      .updateTable('incidents')
      .set({ status: 'resolved', resolved_at: nowMs, updated_at: nowMs })
      .where('id', '=', id)
      .where('status', '=', 'open')
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) return false;
    await appendIncidentEvent(trx, {
      incidentId: id,
      kind: 'resolved',
      actor,
      atMs: nowMs,
      data: { resolvedAt: nowMs, manual: true, ...(note && { note }) },
    });
    await endPauseAtResolution(trx, id, actor, nowMs);
    await trx
      .updateTable('monitors')
      .set({ consecutive_failures: 0, streak_since: null, updated_at: nowMs })
      .where('id', '=', incident.monitor_id)
      .execute();
    return true;
  });
  if (!won) throw conflict('The incident is already resolved');
}
