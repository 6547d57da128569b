import { AppError, conflict, forbidden, notFound } from '../../errors.ts';
import { newId } from '../../ids.ts';
import { isUniqueViolation } from '../../storage/database.ts';
import type { Executor, UsersTable } from '../../storage/schema.ts';
import { ensureAgencySettings } from '../agency/settings.ts';
import type { Actor, Ctx } from '../context.ts';
import { requireRole } from '../shared/permissions.ts';
import { parseInput } from '../shared/validation.ts';
import { hashPassword } from './passwords.ts';
import { createUserSchema, toUser, type User, updateUserSchema } from './schemas.ts';

export async function findUserRow(db: Executor, id: string): Promise<UsersTable> {
  const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('User');
  return row;
}

export async function findUserByEmail(db: Executor, email: string): Promise<UsersTable | undefined> {
  return db.selectFrom('users').selectAll().where('email', '=', email.trim().toLowerCase()).executeTakeFirst();
}

export async function countUsers(ctx: Ctx): Promise<number> {
  const row = await ctx.db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function insertUser(db: Executor, nowMs: number, data: ReturnType<typeof createUserSchema.parse>) {
  const row: UsersTable = {
    id: newId('usr'),
    email: data.email,
    name: data.name ?? data.email.split('@')[0] ?? data.email,
    role: data.role,
    password_hash: await hashPassword(data.password),
    created_at: nowMs,
    updated_at: nowMs,
    archived_at: null,
  };
  try {
    await db.insertInto('users').values(row).execute();
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict(`A user with the e-mail ${data.email} already exists`);
    throw err;
  }
  return row;
}

export async function createUser(ctx: Ctx, actor: Actor, input: unknown): Promise<User> {
  requireRole(actor, 'admin', 'manage users');
  const data = parseInput(createUserSchema, input);
  if (data.role === 'owner') requireRole(actor, 'owner', 'create owners');
  return toUser(await insertUser(ctx.db, ctx.clock.now(), data));
}

/** First-run setup: creates the first owner, once. A second attempt, even a concurrent one, is a conflict. */
export async function createFirstOwner(ctx: Ctx, input: unknown): Promise<User> {
  const data = parseInput(createUserSchema, { ...(input as object), role: 'owner' });
  await ensureAgencySettings(ctx);
  const nowMs = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const claimed = await trx
      .updateTable('agency_settings')
      .set({ owner_created_at: nowMs })
      .where('id', '=', 1)
      .where('owner_created_at', 'is', null)
      .executeTakeFirst();
    const existing = await trx.selectFrom('users').select('id').limit(1).executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1 || existing) {
      throw conflict('Steward already has an owner; sign in instead');
    }
    return toUser(await insertUser(trx, nowMs, data));
  });
}

export async function listUsers(ctx: Ctx): Promise<User[]> {
  const rows = await ctx.db.selectFrom('users').selectAll().orderBy('created_at').orderBy('id').execute();
  return rows.map(toUser);
}

export async function getUser(ctx: Ctx, id: string): Promise<User> {
  return toUser(await findUserRow(ctx.db, id));
}

async function assertNotLastOwner(db: Executor, user: UsersTable) {
  if (user.role !== 'owner' || user.archived_at !== null) return;
  const owners = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('role', '=', 'owner')
    .where('archived_at', 'is', null)
    .executeTakeFirstOrThrow();
  if (Number(owners.n) <= 1) throw conflict('Steward needs at least one owner; make someone else owner first');
}

export async function updateUser(ctx: Ctx, actor: Actor, id: string, input: unknown): Promise<User> {
  const patch = parseInput(updateUserSchema, input);
  const target = await findUserRow(ctx.db, id);
  const isSelf = actor.kind === 'user' && actor.userId === id;
  // Anyone may change their own name and password; everything else is user management.
  if (!isSelf || patch.role !== undefined) requireRole(actor, 'admin', 'manage users');
  if (target.role === 'owner' || patch.role === 'owner') requireRole(actor, 'owner', 'change owners');
  if (patch.role !== undefined && patch.role !== 'owner') await assertNotLastOwner(ctx.db, target);
  await ctx.db
    .updateTable('users')
    .set({
      ...(patch.name !== undefined && { name: patch.name }),
      ...(patch.role !== undefined && { role: patch.role }),
      ...(patch.password !== undefined && { password_hash: await hashPassword(patch.password) }),
      updated_at: ctx.clock.now(),
    })
    .where('id', '=', id)
    .execute();
  if (patch.password !== undefined) {
    // A new password ends every session of that user, this one included: sign in again with it.
    await ctx.db.deleteFrom('sessions').where('user_id', '=', id).execute();
  }
  return getUser(ctx, id);
}

/** Deactivates a user: their sessions end and their API tokens stop working. */
export async function setUserArchived(ctx: Ctx, actor: Actor, id: string, archived: boolean): Promise<User> {
  requireRole(actor, 'admin', 'manage users');
  const target = await findUserRow(ctx.db, id);
  if (target.role === 'owner') requireRole(actor, 'owner', 'change owners');
  if (archived && actor.kind === 'user' && actor.userId === id) throw forbidden('You cannot deactivate yourself');
  if (archived) await assertNotLastOwner(ctx.db, target);
  const nowMs = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set({ archived_at: archived ? nowMs : null, updated_at: nowMs })
      .where('id', '=', id)
      .execute();
    if (archived) {
      await trx.deleteFrom('sessions').where('user_id', '=', id).execute();
      await trx
        .updateTable('api_tokens')
        .set({ revoked_at: nowMs })
        .where('user_id', '=', id)
        .where('revoked_at', 'is', null)
        .execute();
    }
  });
  return getUser(ctx, id);
}

export function activeUserOrThrow(row: UsersTable | undefined): UsersTable {
  if (!row || row.archived_at !== null) throw new AppError('unauthenticated', 'The user is deactivated');
  return row;
}
