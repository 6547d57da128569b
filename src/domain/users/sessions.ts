import { z } from 'zod';
import { AppError } from '../../errors.ts';
import { newSecret, sha256Hex } from '../../ids.ts';
import type { Actor, Ctx } from '../context.ts';
import { parseInput } from '../shared/validation.ts';
import { verifyAgainstDummy, verifyPassword } from './passwords.ts';
import { toUser, type User } from './schemas.ts';
import { assertNotThrottled, clearFailures, recordFailure, type ThrottleKey } from './throttle.ts';
import { findUserByEmail } from './users.ts';

export const SESSION_TTL_MS = 14 * 24 * 3_600_000;

const signInSchema = z.object({
  email: z.string().trim().toLowerCase().max(254),
  password: z.string().max(200),
  ip: z.string().max(100),
});

export type SessionInfo = { user: User; actor: Actor; csrfToken: string; expiresAt: number };

const badCredentials = () => new AppError('unauthenticated', 'Wrong e-mail or password');

/** Verifies a password and opens a session; failures count against the account and the IP. */
export async function signIn(ctx: Ctx, input: unknown): Promise<SessionInfo & { token: string }> {
  const { email, password, ip } = parseInput(signInSchema, input);
  const keys: ThrottleKey[] = [
    { kind: 'account', value: email },
    { kind: 'ip', value: ip },
  ];
  await assertNotThrottled(ctx, keys);
  const user = await findUserByEmail(ctx.db, email);
  const ok = user && user.archived_at === null ? await verifyPassword(user.password_hash, password) : false;
  if (!user || !ok) {
    if (!user) await verifyAgainstDummy(password);
    await recordFailure(ctx, keys);
    throw badCredentials();
  }
  await clearFailures(ctx, keys[0] as ThrottleKey);
  const token = newSecret('sess');
  const csrfToken = newSecret('csrf');
  const nowMs = ctx.clock.now();
  const expiresAt = nowMs + SESSION_TTL_MS;
  await ctx.db
    .insertInto('sessions')
    .values({ id: sha256Hex(token), user_id: user.id, csrf_token: csrfToken, created_at: nowMs, expires_at: expiresAt })
    .execute();
  // Expired sessions are swept here rather than by a job: sign-in is rare and cheap.
  await ctx.db.deleteFrom('sessions').where('expires_at', '<', nowMs).execute();
  return { token, user: toUser(user), actor: { kind: 'user', userId: user.id, role: user.role }, csrfToken, expiresAt };
}

/** The signed-in user behind a session cookie, or undefined when it is unknown, expired or deactivated. */
export async function resolveSession(ctx: Ctx, token: string): Promise<SessionInfo | undefined> {
  const row = await ctx.db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .selectAll('users')
    .select(['sessions.csrf_token', 'sessions.expires_at'])
    .where('sessions.id', '=', sha256Hex(token))
    .executeTakeFirst();
  if (!row || row.expires_at <= ctx.clock.now() || row.archived_at !== null) return undefined;
  const { csrf_token, expires_at, ...user } = row;
  return {
    user: toUser(user),
    actor: { kind: 'user', userId: user.id, role: user.role },
    csrfToken: csrf_token,
    expiresAt: expires_at,
  };
}

export async function signOut(ctx: Ctx, token: string): Promise<void> {
  await ctx.db.deleteFrom('sessions').where('id', '=', sha256Hex(token)).execute();
}
