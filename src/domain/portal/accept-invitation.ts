import { z } from 'zod';
import type { Ctx } from '../context.ts';
import { inTransaction } from '../incidents/incident-lifecycle.ts';
import { parseInput } from '../shared/validation.ts';
import { hashPassword, passwordSchema } from '../users/passwords.ts';
import { type OpenedPortalSession, openPortalSession } from './portal-sessions.ts';
import { consumePortalToken, peekPortalToken } from './portal-tokens.ts';

const acceptSchema = z.object({ token: z.string().max(200), password: passwordSchema });

/** Sets the contact's portal password from an invitation (used once) and signs them in. */
export async function acceptPortalInvitation(ctx: Ctx, input: unknown): Promise<OpenedPortalSession> {
  const { token, password } = parseInput(acceptSchema, input);
  // Checked before the (slow) hash so a dead link answers at once; used for real below.
  await peekPortalToken(ctx.db, token, 'invite', ctx.clock.now());
  const passwordHash = await hashPassword(password);
  const nowMs = ctx.clock.now();
  const contact = await inTransaction(ctx.db, async (trx) => {
    const holder = await consumePortalToken(trx, token, 'invite', nowMs);
    await trx
      .updateTable('client_contacts')
      .set({ portal_password_hash: passwordHash })
      .where('id', '=', holder.id)
      .execute();
    return holder;
  });
  return openPortalSession(ctx, contact.id);
}
