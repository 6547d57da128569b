import { z } from 'zod';
import { AppError, notFound } from '../../errors.ts';
import { newId, newSecret, sha256Hex } from '../../ids.ts';
import type { ApiTokensTable } from '../../storage/schema.ts';
import { isoOrNull } from '../clients/schemas.ts';
import type { Actor, Ctx } from '../context.ts';
import { hasRole, requireRole } from '../shared/permissions.ts';
import { nameSchema, parseInput } from '../shared/validation.ts';
import { toUser, type User } from './schemas.ts';
import { findUserByEmail, findUserRow } from './users.ts';

export const createTokenSchema = z
  .object({
    name: nameSchema,
    /** Whose token; defaults to the acting user. Only admins may create tokens for others. */
    userId: z.string().max(64).optional(),
    email: z.string().max(254).optional(),
  })
  .strict();

export type ApiToken = {
  id: string;
  userId: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
};

// Writing last_used_at on every request would turn reads into writes; a minute's precision is enough.
const LAST_USED_PRECISION_MS = 60_000;

const toToken = (r: ApiTokensTable): ApiToken => ({
  id: r.id,
  userId: r.user_id,
  name: r.name,
  createdAt: new Date(r.created_at).toISOString(),
  lastUsedAt: isoOrNull(r.last_used_at),
  revokedAt: isoOrNull(r.revoked_at),
});

/** Creates a token and returns its secret once; only a SHA-256 of it is stored. */
export async function createApiToken(
  ctx: Ctx,
  actor: Actor,
  input: unknown,
): Promise<{ token: string; record: ApiToken }> {
  const data = parseInput(createTokenSchema, input);
  let owner = data.email ? await findUserByEmail(ctx.db, data.email) : undefined;
  if (data.email && !owner) throw notFound('User');
  if (!owner) {
    const userId = data.userId ?? (actor.kind === 'user' ? actor.userId : undefined);
    if (!userId) throw new AppError('invalid', 'Invalid input (email: say whose token this is)');
    owner = await findUserRow(ctx.db, userId);
  }
  if (actor.kind === 'user' && actor.userId !== owner.id) requireRole(actor, 'admin', 'create tokens for other users');
  if (owner.archived_at !== null) throw new AppError('conflict', 'The user is deactivated');
  const token = newSecret('stw');
  const row: ApiTokensTable = {
    id: newId('tok'),
    user_id: owner.id,
    name: data.name,
    token_hash: sha256Hex(token),
    created_at: ctx.clock.now(),
    last_used_at: null,
    revoked_at: null,
  };
  await ctx.db.insertInto('api_tokens').values(row).execute();
  return { token, record: toToken(row) };
}

/** Admins see every token; others see their own. */
export async function listApiTokens(ctx: Ctx, actor: Actor): Promise<ApiToken[]> {
  let q = ctx.db.selectFrom('api_tokens').selectAll().orderBy('created_at', 'desc').orderBy('id');
  if (actor.kind === 'user' && !hasRole(actor, 'admin')) q = q.where('user_id', '=', actor.userId);
  return (await q.execute()).map(toToken);
}

export async function revokeApiToken(ctx: Ctx, actor: Actor, id: string): Promise<ApiToken> {
  const row = await ctx.db.selectFrom('api_tokens').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Token');
  if (actor.kind === 'user' && actor.userId !== row.user_id) {
    if (!hasRole(actor, 'admin')) throw notFound('Token');
  }
  await ctx.db
    .updateTable('api_tokens')
    .set({ revoked_at: ctx.clock.now() })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .execute();
  const updated = await ctx.db.selectFrom('api_tokens').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  return toToken(updated);
}

/** The user behind a bearer token, or undefined if it is unknown, revoked or its user is deactivated. */
export async function authenticateToken(ctx: Ctx, token: string): Promise<{ user: User; actor: Actor } | undefined> {
  const row = await ctx.db
    .selectFrom('api_tokens')
    .innerJoin('users', 'users.id', 'api_tokens.user_id')
    .selectAll('users')
    .select(['api_tokens.id as token_id', 'api_tokens.revoked_at', 'api_tokens.last_used_at'])
    .where('api_tokens.token_hash', '=', sha256Hex(token))
    .executeTakeFirst();
  if (!row || row.revoked_at !== null || row.archived_at !== null) return undefined;
  const nowMs = ctx.clock.now();
  if (row.last_used_at === null || nowMs - row.last_used_at >= LAST_USED_PRECISION_MS) {
    await ctx.db.updateTable('api_tokens').set({ last_used_at: nowMs }).where('id', '=', row.token_id).execute();
  }
  const { token_id, revoked_at, last_used_at, ...user } = row;
  return { user: toUser(user), actor: { kind: 'user', userId: user.id, role: user.role } };
}
