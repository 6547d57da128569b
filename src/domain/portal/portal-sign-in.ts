import { z } from 'zod';
import { AppError } from '../../errors.ts';
import type { Ctx } from '../context.ts';
import { inTransaction } from '../incidents/incident-lifecycle.ts';
import { parseInput } from '../shared/validation.ts';
import { verifyAgainstDummy, verifyPassword } from '../users/passwords.ts';
import { assertNotThrottled, clearFailures, recordFailure, type ThrottleKey } from '../users/throttle.ts';
import { clientHasPortal, eligibleContactsByEmail } from './portal-eligibility.ts';
import { type OpenedPortalSession, openPortalSession } from './portal-sessions.ts';
import { consumePortalToken, issuePortalToken, tokenUnusable } from './portal-tokens.ts';

const passwordSignInSchema = z.object({
  email: z.string().trim().toLowerCase().max(254),
  password: z.string().max(200),
  ip: z.string().max(100),
});

export type PortalSignInResult =
  | { kind: 'signed_in'; session: OpenedPortalSession }
  /** The password fits contacts of several clients: each choice is a one-time sign-in token. */
  | { kind: 'choose'; choices: Array<{ clientName: string; token: string }> };

// Portal failures are counted apart from staff sign-ins (same table, own keys).
const throttleKeys = (email: string, ip: string): ThrottleKey[] => [
  { kind: 'account', value: `portal:${email}` },
  { kind: 'ip', value: `portal:${ip}` },
];

/** E-mail + password. Failures count against the address and the IP; the answer never says which part was wrong. */
export async function signInToPortal(ctx: Ctx, input: unknown): Promise<PortalSignInResult> {
  const { email, password, ip } = parseInput(passwordSignInSchema, input);
  const keys = throttleKeys(email, ip);
  await assertNotThrottled(ctx, keys);
  const candidates = (await eligibleContactsByEmail(ctx.db, email)).filter((c) => c.portal_password_hash !== null);
  const matching = [];
  for (const contact of candidates) {
    if (await verifyPassword(contact.portal_password_hash as string, password)) matching.push(contact);
  }
  if (matching.length === 0) {
    if (candidates.length === 0) await verifyAgainstDummy(password);
    await recordFailure(ctx, keys);
    throw new AppError('unauthenticated', 'Wrong e-mail or password');
  }
  await clearFailures(ctx, keys[0] as ThrottleKey);
  const [only] = matching;
  if (only && matching.length === 1) return { kind: 'signed_in', session: await openPortalSession(ctx, only.id) };
  const nowMs = ctx.clock.now();
  const choices = [];
  for (const contact of matching) {
    choices.push({
      clientName: contact.client_name,
      token: await issuePortalToken(ctx.db, contact.id, 'sign_in', nowMs),
    });
  }
  return { kind: 'choose', choices };
}

/** A one-time sign-in token (mailed link or company choice): used once, then a session for its contact. */
export async function signInWithPortalToken(ctx: Ctx, token: string): Promise<OpenedPortalSession> {
  const nowMs = ctx.clock.now();
  const contact = await inTransaction(ctx.db, async (trx) => {
    const holder = await consumePortalToken(trx, token, 'sign_in', nowMs);
    if (holder.portal_invited_at === null || !(await clientHasPortal(trx, holder.client_id))) {
      throw tokenUnusable('sign_in');
    }
    return holder;
  });
  return openPortalSession(ctx, contact.id);
}
