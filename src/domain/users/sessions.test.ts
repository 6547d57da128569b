import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../../test/support/test-db.ts';
import { sha256Hex } from '../../ids.ts';
import { systemActor } from '../context.ts';
import type { User } from './schemas.ts';
import { resolveSession, SESSION_TTL_MS, signIn, signOut } from './sessions.ts';
import { createFirstOwner, createUser, setUserArchived } from './users.ts';

let t: TestDb;
let owner: User;
let tech: User;
beforeEach(async () => {
  t = await createTestDb();
  owner = await createFirstOwner(t.ctx, { email: 'owner@agency.test', password: 'owner-password-1' });
  tech = await createUser(t.ctx, systemActor, { email: 'tech@agency.test', password: 'tech-password-1' });
});
afterEach(async () => {
  await t.close();
});

const techSignIn = (password = 'tech-password-1', email = 'tech@agency.test') =>
  signIn(t.ctx, { email, password, ip: '192.0.2.1' });

describe('signIn', () => {
  it('opens a session that resolves to the user, with a CSRF token and a 14-day expiry', async () => {
    const session = await techSignIn();
    expect(session.user).toMatchObject({ id: tech.id, role: 'technician' });
    expect(session.actor).toEqual({ kind: 'user', userId: tech.id, role: 'technician' });
    expect(session.expiresAt).toBe(t.clock.now() + SESSION_TTL_MS);
    expect(session.csrfToken).not.toBe(session.token);

    const resolved = await resolveSession(t.ctx, session.token);
    expect(resolved).toMatchObject({ user: { id: tech.id }, csrfToken: session.csrfToken });
  });

  it('stores only a hash of the session token', async () => {
    const session = await techSignIn();
    const rows = await t.ctx.db.selectFrom('sessions').selectAll().execute();
    expect(rows.map((r) => r.id)).toEqual([sha256Hex(session.token)]);
    expect(JSON.stringify(rows)).not.toContain(session.token);
  });

  it('accepts the e-mail in any case and with spaces around it', async () => {
    const session = await techSignIn('tech-password-1', '  TECH@Agency.Test ');
    expect(session.user.id).toBe(tech.id);
  });

  it.each([
    ['a wrong password', 'tech@agency.test', 'wrong-password'],
    ['an unknown e-mail', 'nobody@agency.test', 'tech-password-1'],
    ['an empty password', 'tech@agency.test', ''],
  ])('refuses %s with the same message', async (_what, email, password) => {
    await expect(signIn(t.ctx, { email, password, ip: '192.0.2.1' })).rejects.toMatchObject({
      code: 'unauthenticated',
      message: 'Wrong e-mail or password',
    });
    expect(await t.ctx.db.selectFrom('sessions').selectAll().execute()).toEqual([]);
  });

  it('refuses a deactivated user, even with the right password', async () => {
    await setUserArchived(t.ctx, systemActor, tech.id, true);
    await expect(techSignIn()).rejects.toMatchObject({ code: 'unauthenticated' });
    expect(await t.ctx.db.selectFrom('sessions').selectAll().execute()).toEqual([]);
  });

  it('refuses malformed input as invalid', async () => {
    await expect(signIn(t.ctx, { email: 'tech@agency.test', password: 'x' })).rejects.toMatchObject({
      code: 'invalid',
    });
    await expect(signIn(t.ctx, { email: 1, password: 'x', ip: '1' })).rejects.toMatchObject({ code: 'invalid' });
  });
});

describe('resolveSession', () => {
  it('resolves until the expiry instant and not from then on', async () => {
    const session = await techSignIn();
    t.clock.advance(SESSION_TTL_MS - 1);
    expect(await resolveSession(t.ctx, session.token)).toBeDefined();
    t.clock.advance(1);
    expect(await resolveSession(t.ctx, session.token)).toBeUndefined();
  });

  it('sweeps expired sessions at the next sign-in', async () => {
    await techSignIn();
    t.clock.advance(SESSION_TTL_MS + 1);
    await signIn(t.ctx, { email: owner.email, password: 'owner-password-1', ip: '192.0.2.9' });
    const rows = await t.ctx.db.selectFrom('sessions').select('user_id').execute();
    expect(rows.map((r) => r.user_id)).toEqual([owner.id]);
  });

  it('does not resolve unknown tokens, signed-out sessions or deactivated users', async () => {
    expect(await resolveSession(t.ctx, 'sess_not-a-real-token')).toBeUndefined();
    const a = await techSignIn();
    const b = await techSignIn();
    await signOut(t.ctx, a.token);
    expect(await resolveSession(t.ctx, a.token)).toBeUndefined();
    expect(await resolveSession(t.ctx, b.token)).toBeDefined();
    await setUserArchived(t.ctx, systemActor, tech.id, true);
    expect(await resolveSession(t.ctx, b.token)).toBeUndefined();
  });
});
