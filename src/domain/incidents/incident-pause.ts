import { z } from 'zod';
import { conflict } from '../../errors.ts';
import type { Actor, Ctx } from '../context.ts';
import { parseInput } from '../shared/validation.ts';
import { appendIncidentEvent } from './incident-events.ts';
import { inTransaction } from './incident-lifecycle.ts';
import { findIncident } from './incident-rows.ts';

// "Waiting for the client": while an incident is paused its SLA clocks do not count. The pause and
// the resume are events (the clocks are recomputed from them); paused_at is only the current state,
// set and cleared with conditional writes so two people pausing at once give one pause and a 409.

export const pauseSchema = z
  .object({ reason: z.string().trim().max(500).optional().describe('e.g. "waiting for the client\'s FTP password"') })
  .strict();

export async function pauseIncident(ctx: Ctx, actor: Actor, id: string, input: unknown = {}): Promise<void> {
  const { reason } = parseInput(pauseSchema, input);
  await findIncident(ctx, id);
  const nowMs = ctx.clock.now();
  const won = await inTransaction(ctx.db, async (trx) => {
    const res = await trx
      .updateTable('incidents')
      .set({ paused_at: nowMs, updated_at: nowMs })
      .where('id', '=', id)
      .where('status', '=', 'open')
      .where('paused_at', 'is', null)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) return false;
    await appendIncidentEvent(trx, {
      incidentId: id,
      kind: 'paused',
      actor,
      atMs: nowMs,
      data: { reason: reason || null },
    });
    return true;
  });
  if (won) return;
  const current = await findIncident(ctx, id);
  if (current.status !== 'open') throw conflict('The incident is resolved: there is nothing to wait for');
  throw conflict(
    `The incident is already waiting for the client (since ${new Date(current.paused_at ?? 0).toISOString()})`,
  );
}

export async function resumeIncident(ctx: Ctx, actor: Actor, id: string): Promise<void> {
  await findIncident(ctx, id);
  const nowMs = ctx.clock.now();
  const won = await inTransaction(ctx.db, async (trx) => {
    const row = await trx.selectFrom('incidents').select('paused_at').where('id', '=', id).executeTakeFirst();
    const res = await trx
      .updateTable('incidents')
      .set({ paused_at: null, updated_at: nowMs })
      .where('id', '=', id)
      .where('paused_at', '=', row?.paused_at ?? -1)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) return false;
    await appendIncidentEvent(trx, {
      incidentId: id,
      kind: 'resumed',
      actor,
      atMs: nowMs,
      data: { pausedSince: new Date(row?.paused_at ?? nowMs).toISOString() },
    });
    return true;
  });
  if (!won) throw conflict('The incident is not waiting for the client');
}
