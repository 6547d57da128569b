import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../../test/support/test-db.ts';
import { sha256Hex } from '../../ids.ts';
import { type Actor, systemActor } from '../context.ts';
import type { User } from './schemas.ts';
import { authenticateToken, createApiToken, listApiTokens, revokeApiToken } from './tokens.ts';
import { createUser } from './users.ts';

let t: TestDb;
let admin: User;
let tech: User;
let other: User;
beforeEach(async () => {
  t = await createTestDb();
  admin = await createUser(t.ctx, systemActor, {
    email: 'admin@agency.test',
    password: 'admin-password',
    role: 'admin',
  });
  tech = await createUser(t.ctx, systemActor, { email: 'tech@agency.test', password: 'tech-password-1' });
  other = await createUser(t.ctx, systemActor, { email: 'other@agency.test', password: 'other-password' });
});
afterEach(async () => {
  await t.close();
});

const actorOf = (u: User): Actor => ({ kind: 'user', userId: u.id, role: u.role });
const tokenRow = (id: string) =>
  t.ctx.db.selectFrom('api_tokens').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

describe('createApiToken', () => {
  it('returns the secret once and stores only its SHA-256', async () => {
    const { token, record } = await createApiToken(t.ctx, actorOf(tech), { name: 'deploy script' });
    expect(token).toMatch(/^stw_[A-Za-z0-9_-]{40,}$/);
    expect(record).toMatchObject({ userId: tech.id, name: 'deploy script', lastUsedAt: null, revokedAt: null });
    expect(record).not.toHaveProperty('token');
    const row = await tokenRow(record.id);
    expect(row.token_hash).toBe(sha256Hex(token));
    expect(JSON.stringify(row)).not.toContain(token);
    expect(JSON.stringify(row)).not.toContain(token.slice(4));
  });

  it('makes a different secret every time', async () => {
    const a = await createApiToken(t.ctx, actorOf(tech), { name: 'a' });
    const b = await createApiToken(t.ctx, actorOf(tech), { name: 'a' });
    expect(a.token).not.toBe(b.token);
  });

  it('lets admins and the CLI create tokens for others, but not technicians', async () => {
    expect((await createApiToken(t.ctx, actorOf(admin), { name: 'x', userId: tech.id })).record.userId).toBe(tech.id);
    expect((await createApiToken(t.ctx, systemActor, { name: 'x', email: 'TECH@agency.test' })).record.userId).toBe(
      tech.id,
    );
    await expect(createApiToken(t.ctx, actorOf(tech), { name: 'x', userId: other.id })).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(createApiToken(t.ctx, systemActor, { name: 'x' })).rejects.toMatchObject({ code: 'invalid' });
    await expect(createApiToken(t.ctx, systemActor, { name: 'x', email: 'nobody@agency.test' })).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(createApiToken(t.ctx, actorOf(tech), { name: '' })).rejects.toMatchObject({ code: 'invalid' });
  });
});

describe('authenticateToken', () => {
  it('finds the token’s user, and nothing for an unknown or altered secret', async () => {
    const { token } = await createApiToken(t.ctx, actorOf(tech), { name: 'x' });
    const auth = await authenticateToken(t.ctx, token);
    expect(auth?.user.id).toBe(tech.id);
    expect(auth?.actor).toEqual({ kind: 'user', userId: tech.id, role: 'technician' });
    expect(await authenticateToken(t.ctx, `${token}x`)).toBeUndefined();
    expect(await authenticateToken(t.ctx, sha256Hex(token))).toBeUndefined();
    expect(await authenticateToken(t.ctx, '')).toBeUndefined();
  });

  it('does not accept a revoked token', async () => {
    const { token, record } = await createApiToken(t.ctx, actorOf(tech), { name: 'x' });
    const kept = await createApiToken(t.ctx, actorOf(tech), { name: 'kept' });
    const revoked = await revokeApiToken(t.ctx, actorOf(tech), record.id);
    expect(revoked.revokedAt).toBe(new Date(t.clock.now()).toISOString());
    expect(await authenticateToken(t.ctx, token)).toBeUndefined();
    expect(await authenticateToken(t.ctx, kept.token)).toBeDefined();
  });

  it('keeps the first revocation time when revoked again', async () => {
    const { record } = await createApiToken(t.ctx, actorOf(tech), { name: 'x' });
    const first = await revokeApiToken(t.ctx, actorOf(tech), record.id);
    t.clock.advance(3_600_000);
    expect((await revokeApiToken(t.ctx, actorOf(tech), record.id)).revokedAt).toBe(first.revokedAt);
  });

  it('records the last use at most once a minute', async () => {
    const { token, record } = await createApiToken(t.ctx, actorOf(tech), { name: 'x' });
    const t0 = t.clock.now();
    const lastUsed = async () => (await tokenRow(record.id)).last_used_at;

    await authenticateToken(t.ctx, token);
    expect(await lastUsed()).toBe(t0);
    t.clock.advance(30_000);
    await authenticateToken(t.ctx, token);
    expect(await lastUsed()).toBe(t0);
    t.clock.advance(29_999);
    await authenticateToken(t.ctx, token);
    expect(await lastUsed()).toBe(t0);
    t.clock.advance(1); // exactly one minute after the recorded use
    await authenticateToken(t.ctx, token);
    expect(await lastUsed()).toBe(t0 + 60_000);
    t.clock.advance(59_000);
    await authenticateToken(t.ctx, token);
    expect(await lastUsed()).toBe(t0 + 60_000);
    expect((await listApiTokens(t.ctx, actorOf(tech)))[0]?.lastUsedAt).toBe(new Date(t0 + 60_000).toISOString());
  });
});

describe('listing and revoking', () => {
  it('shows technicians only their own tokens and admins everyone’s', async () => {
    await createApiToken(t.ctx, actorOf(tech), { name: 'mine' });
    await createApiToken(t.ctx, actorOf(other), { name: 'theirs' });
    expect((await listApiTokens(t.ctx, actorOf(tech))).map((x) => x.name)).toEqual(['mine']);
    expect((await listApiTokens(t.ctx, actorOf(admin))).map((x) => x.name).sort()).toEqual(['mine', 'theirs']);
  });

  it('hides other people’s tokens from technicians, and lets admins revoke them', async () => {
    const theirs = await createApiToken(t.ctx, actorOf(other), { name: 'theirs' });
    await expect(revokeApiToken(t.ctx, actorOf(tech), theirs.record.id)).rejects.toMatchObject({ code: 'not_found' });
    expect(await authenticateToken(t.ctx, theirs.token)).toBeDefined();
    await revokeApiToken(t.ctx, actorOf(admin), theirs.record.id);
    expect(await authenticateToken(t.ctx, theirs.token)).toBeUndefined();
    await expect(revokeApiToken(t.ctx, actorOf(admin), 'tok_missing')).rejects.toMatchObject({ code: 'not_found' });
  });
});
