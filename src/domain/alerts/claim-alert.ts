import type { AlertOutboxTable } from '../../storage/schema.ts';
import type { Ctx } from '../context.ts';
import { SEND_TIMEOUT_MS } from './senders.ts';

/**
 * How long a claim holds a row. Far longer than a send can take (SEND_TIMEOUT_MS), so a live
 * worker always records its result before anyone else may take the row; a dead worker's claim
 * simply runs out and the row is delivered by the next one.
 */
export const DEFAULT_LOCK_MS = 12 * SEND_TIMEOUT_MS;

/**
 * Takes a due row for delivery with one conditional update: of two workers, exactly one wins.
 * The attempt is counted here, so a row that crashes its worker every time still ends up failed.
 * The new locked_until is the claim's token: only its holder can record the result.
 */
export async function claimAlert(
  ctx: Ctx,
  id: string,
  lockMs = DEFAULT_LOCK_MS,
): Promise<{ row: AlertOutboxTable; lockedUntil: number } | null> {
  const nowMs = ctx.clock.now();
  const lockedUntil = nowMs + lockMs;
  const res = await ctx.db
    .updateTable('alert_outbox')
    .set((eb) => ({ locked_until: lockedUntil, attempts: eb('attempts', '+', 1) }))
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .where('next_attempt_at', '<=', nowMs)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', nowMs)]))
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) return null;
  const row = await ctx.db.selectFrom('alert_outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  return { row, lockedUntil };
}
