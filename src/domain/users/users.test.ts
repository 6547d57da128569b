import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../../test/support/test-db.ts';
import { type Actor, systemActor } from '../context.ts';
import type { User } from './schemas.ts';
import { resolveSession, signIn } from './sessions.ts';
import { authenticateToken, createApiToken } from './tokens.ts';
import { createFirstOwner, createUser, listUsers, setUserArchived, updateUser } from './users.ts';

let t: TestDb;
beforeEach(async () => {
  t = await createTestDb();
});
afterEach(async () => {
  await t.close();
});

const actorOf = (u: User): Actor => ({ kind: 'user', userId: u.id, role: u.role });
const ownerInput = { email: 'owner@agency.test', password: 'owner-password-1', name: 'Olga' };
const addUser = (email: string, role: User['role']) =>
  createUser(t.ctx, systemActor, { email, password: `${role}-password-1`, role });

describe('createFirstOwner', () => {
  it('creates the first owner once; a second attempt is a conflict', async () => {
    const owner = await createFirstOwner(t.ctx, ownerInput);
    expect(owner).toMatchObject({ email: 'owner@agency.test', name: 'Olga', role: 'owner', archivedAt: null });
    await expect(
      createFirstOwner(t.ctx, { email: 'intruder@agency.test', password: 'intruder-password' }),
    ).rejects.toMatchObject({ code: 'conflict' });
    expect((await listUsers(t.ctx)).map((u) => u.email)).toEqual(['owner@agency.test']);
  });

  it('makes exactly one owner when two first-run setups race', async () => {
    const results = await Promise.allSettled([
      createFirstOwner(t.ctx, { email: 'first@agency.test', password: 'first-password-1' }),
      createFirstOwner(t.ctx, { email: 'second@agency.test', password: 'second-password-1' }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const lost = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(lost.reason).toMatchObject({ name: 'AppError', code: 'conflict' });
    const users = await listUsers(t.ctx);
    expect(users).toHaveLength(1);
    expect(users[0]?.role).toBe('owner');
  });

  it('is closed once any user exists, even one made by the CLI', async () => {
    await addUser('admin@agency.test', 'admin');
    await expect(createFirstOwner(t.ctx, ownerInput)).rejects.toMatchObject({ code: 'conflict' });
  });

  it('validates its input and always makes an owner', async () => {
    await expect(createFirstOwner(t.ctx, { email: 'x@agency.test', password: 'short' })).rejects.toMatchObject({
      code: 'invalid',
    });
    await expect(createFirstOwner(t.ctx, { email: 'nope', password: 'long-enough-pw' })).rejects.toMatchObject({
      code: 'invalid',
    });
    const owner = await createFirstOwner(t.ctx, { ...ownerInput, role: 'technician' });
    expect(owner.role).toBe('owner');
  });
});

describe('createUser', () => {
  it('stores e-mails in lowercase and refuses duplicates whatever their case', async () => {
    const user = await createUser(t.ctx, systemActor, { email: 'Ana.Tech@Agency.TEST', password: 'ana-password-1' });
    expect(user).toMatchObject({ email: 'ana.tech@agency.test', name: 'ana.tech', role: 'technician' });
    await expect(
      createUser(t.ctx, systemActor, { email: 'ANA.TECH@agency.test', password: 'other-password' }),
    ).rejects.toMatchObject({ code: 'conflict' });
  });

  it('never stores the password itself', async () => {
    const user = await createUser(t.ctx, systemActor, { email: 'a@agency.test', password: 'plain-password-1' });
    const row = await t.ctx.db.selectFrom('users').selectAll().where('id', '=', user.id).executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    expect(JSON.stringify(row)).not.toContain('plain-password-1');
  });

  it('is user management: technicians cannot, admins cannot make owners', async () => {
    const admin = actorOf(await addUser('admin@agency.test', 'admin'));
    const tech = actorOf(await addUser('tech@agency.test', 'technician'));
    const input = { email: 'new@agency.test', password: 'new-password-1' };
    await expect(createUser(t.ctx, tech, input)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(createUser(t.ctx, admin, { ...input, role: 'owner' })).rejects.toMatchObject({ code: 'forbidden' });
    expect((await createUser(t.ctx, admin, { ...input, role: 'admin' })).role).toBe('admin');
  });
});

describe('the last owner', () => {
  it('cannot be demoted or deactivated', async () => {
    const owner = await createFirstOwner(t.ctx, ownerInput);
    await expect(updateUser(t.ctx, systemActor, owner.id, { role: 'admin' })).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/at least one owner/),
    });
    await expect(setUserArchived(t.ctx, systemActor, owner.id, true)).rejects.toMatchObject({ code: 'conflict' });
    expect((await listUsers(t.ctx))[0]).toMatchObject({ role: 'owner', archivedAt: null });
  });

  it('can step down once another active owner exists', async () => {
    const first = await createFirstOwner(t.ctx, ownerInput);
    const second = await addUser('second@agency.test', 'owner');
    // a deactivated owner does not count
    await setUserArchived(t.ctx, actorOf(first), second.id, true);
    await expect(updateUser(t.ctx, actorOf(first), first.id, { role: 'admin' })).rejects.toMatchObject({
      code: 'conflict',
    });
    await setUserArchived(t.ctx, actorOf(first), second.id, false);
    expect((await updateUser(t.ctx, actorOf(first), first.id, { role: 'admin' })).role).toBe('admin');
  });

  it('cannot deactivate themselves, and admins cannot touch owners', async () => {
    const owner = await createFirstOwner(t.ctx, ownerInput);
    await addUser('second@agency.test', 'owner');
    const adminUser = await addUser('admin@agency.test', 'admin');
    const admin = actorOf(adminUser);
    await expect(setUserArchived(t.ctx, actorOf(owner), owner.id, true)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(setUserArchived(t.ctx, admin, owner.id, true)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(updateUser(t.ctx, admin, owner.id, { name: 'Renamed' })).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(updateUser(t.ctx, admin, adminUser.id, { role: 'owner' })).rejects.toMatchObject({
      code: 'forbidden',
    });
  });
});

describe('updateUser', () => {
  it('lets anyone change their own name and password, but not their role', async () => {
    const tech = await addUser('tech@agency.test', 'technician');
    expect((await updateUser(t.ctx, actorOf(tech), tech.id, { name: 'Tess' })).name).toBe('Tess');
    await expect(updateUser(t.ctx, actorOf(tech), tech.id, { role: 'admin' })).rejects.toMatchObject({
      code: 'forbidden',
    });
    const other = await addUser('other@agency.test', 'technician');
    await expect(updateUser(t.ctx, actorOf(tech), other.id, { name: 'X' })).rejects.toMatchObject({
      code: 'forbidden',
    });
  });

  it('signs the user out everywhere when the password changes', async () => {
    const tech = await addUser('tech@agency.test', 'technician');
    const a = await signIn(t.ctx, { email: 'tech@agency.test', password: 'technician-password-1', ip: '10.0.0.1' });
    const b = await signIn(t.ctx, { email: 'tech@agency.test', password: 'technician-password-1', ip: '10.0.0.2' });
    expect(await resolveSession(t.ctx, a.token)).toBeDefined();

    await updateUser(t.ctx, actorOf(tech), tech.id, { name: 'Tess' });
    expect(await resolveSession(t.ctx, a.token)).toBeDefined();

    await updateUser(t.ctx, actorOf(tech), tech.id, { password: 'brand-new-password' });
    expect(await resolveSession(t.ctx, a.token)).toBeUndefined();
    expect(await resolveSession(t.ctx, b.token)).toBeUndefined();
    await expect(
      signIn(t.ctx, { email: 'tech@agency.test', password: 'technician-password-1', ip: '10.0.0.1' }),
    ).rejects.toMatchObject({ code: 'unauthenticated' });
    const fresh = await signIn(t.ctx, { email: 'tech@agency.test', password: 'brand-new-password', ip: '10.0.0.1' });
    expect(fresh.user.id).toBe(tech.id);
  });
});

describe('setUserArchived', () => {
  it('ends the user’s sessions and stops their tokens, for good even after restoring', async () => {
    const owner = await createFirstOwner(t.ctx, ownerInput);
    const tech = await addUser('tech@agency.test', 'technician');
    const session = await signIn(t.ctx, { email: tech.email, password: 'technician-password-1', ip: '10.0.0.1' });
    const { token } = await createApiToken(t.ctx, actorOf(tech), { name: 'laptop' });
    expect(await authenticateToken(t.ctx, token)).toBeDefined();

    const archived = await setUserArchived(t.ctx, actorOf(owner), tech.id, true);
    expect(archived.archivedAt).toBe(new Date(t.clock.now()).toISOString());
    expect(await resolveSession(t.ctx, session.token)).toBeUndefined();
    expect(await authenticateToken(t.ctx, token)).toBeUndefined();

    await setUserArchived(t.ctx, actorOf(owner), tech.id, false);
    expect(await authenticateToken(t.ctx, token)).toBeUndefined();
  });
});
