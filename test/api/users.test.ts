import { describe, expect, it } from 'vitest';
import { listOf, planDoc, userDoc } from '../../src/http/api/doc-schemas.ts';
import { expectError, expectInvalid, expectOk, makeUser, userIdOf, useTestApp } from './helpers.ts';

const t = useTestApp();

describe('users', () => {
  it('GET /me returns the user behind the token; GET /users lists the staff', async () => {
    const me = expectOk(await t().api('GET', '/me', undefined, t().tokens.admin), 200, userDoc);
    expect(me).toMatchObject({ email: 'admin@agency.test', role: 'admin', archivedAt: null });
    const users = expectOk(await t().api('GET', '/users', undefined, t().tokens.technician), 200, listOf(userDoc));
    expect(users.data.map((u) => `${u.email} ${u.role}`).sort()).toEqual([
      'admin@agency.test admin',
      'owner@agency.test owner',
      'tech@agency.test technician',
    ]);
    expect(expectOk(await t().api('GET', `/users/${me.id}`), 200, userDoc)).toEqual(me);
    expectError(await t().api('GET', '/users/usr_nope'), 404, 'not_found');
  });

  it('creates users; e-mails are unique whatever their case (409)', async () => {
    const created = expectOk(
      await t().api('POST', '/users', { email: ' New.Tech@Agency.TEST ', password: 'long-enough-1' }),
      201,
      userDoc,
    );
    expect(created).toMatchObject({ email: 'new.tech@agency.test', name: 'new.tech', role: 'technician' });
    expectError(
      await t().api('POST', '/users', { email: 'NEW.TECH@agency.test', password: 'long-enough-1' }),
      409,
      'conflict',
    );
    expectInvalid(await t().api('POST', '/users', { email: 'nope', password: 'short', role: 'boss' }), [
      'email',
      'password',
      'role',
    ]);
  });

  it('only owners create owners; technicians manage no users (403)', async () => {
    const { admin, technician } = t().tokens;
    const body = { email: 'o2@agency.test', password: 'long-enough-1' };
    expectError(await t().api('POST', '/users', { ...body, role: 'owner' }, admin), 403, 'forbidden');
    expectOk(await t().api('POST', '/users', { ...body, role: 'admin' }, admin), 201, userDoc);
    expectError(
      await t().api('POST', '/users', { email: 'x@agency.test', password: 'long-enough-1' }, technician),
      403,
    );
    expectOk(
      await t().api('POST', '/users', { email: 'o3@agency.test', password: 'long-enough-1', role: 'owner' }),
      201,
      userDoc,
    );
  });

  it('anyone may rename themselves or change their password; changing roles is user management', async () => {
    const { admin, technician } = t().tokens;
    const techId = await userIdOf(t(), technician);
    const ownerId = await userIdOf(t(), t().tokens.owner);
    const adminId = await userIdOf(t(), admin);
    const renamed = expectOk(await t().api('PATCH', `/users/${techId}`, { name: 'Tess' }, technician), 200, userDoc);
    expect(renamed.name).toBe('Tess');
    expectOk(await t().api('PATCH', `/users/${techId}`, { password: 'another-password' }, technician), 200, userDoc);
    expectError(await t().api('PATCH', `/users/${techId}`, { role: 'admin' }, technician), 403, 'forbidden');
    expectError(await t().api('PATCH', `/users/${adminId}`, { name: 'X' }, technician), 403, 'forbidden');
    expectError(await t().api('PATCH', `/users/${ownerId}`, { name: 'X' }, admin), 403, 'forbidden');
    expectError(await t().api('PATCH', `/users/${techId}`, { role: 'owner' }, admin), 403, 'forbidden');
    const promoted = expectOk(await t().api('PATCH', `/users/${techId}`, { role: 'admin' }, admin), 200, userDoc);
    expect(promoted.role).toBe('admin');
    expectError(await t().api('PATCH', '/users/usr_nope', { name: 'X' }), 404, 'not_found');
    expectInvalid(await t().api('PATCH', `/users/${techId}`, { name: '', password: 'x' }), ['name', 'password']);
  });

  it('a role change takes effect on the next request of that user', async () => {
    const adminId = await userIdOf(t(), t().tokens.admin);
    expectOk(await t().api('GET', '/plans/basic', undefined, t().tokens.admin), 200, planDoc);
    await t().api('PATCH', `/users/${adminId}`, { role: 'technician' });
    expectError(await t().api('PATCH', '/plans/basic', { name: 'B' }, t().tokens.admin), 403, 'forbidden');
  });

  it('the last owner cannot be demoted (409) or deactivate themselves (403)', async () => {
    const ownerId = await userIdOf(t(), t().tokens.owner);
    expectError(await t().api('PATCH', `/users/${ownerId}`, { role: 'admin' }), 409, 'conflict');
    expectError(await t().api('POST', `/users/${ownerId}/archive`), 403, 'forbidden');
    expect(expectOk(await t().api('GET', `/users/${ownerId}`), 200, userDoc)).toMatchObject({
      role: 'owner',
      archivedAt: null,
    });
    // With a second owner, the first may step down.
    await makeUser(t(), 'owner');
    expect(expectOk(await t().api('PATCH', `/users/${ownerId}`, { role: 'admin' }), 200, userDoc).role).toBe('admin');
  });

  it('deactivating a user revokes their tokens (401 afterwards); restoring does not bring the tokens back', async () => {
    const techId = await userIdOf(t(), t().tokens.technician);
    const archived = expectOk(await t().api('POST', `/users/${techId}/archive`), 200, userDoc);
    expect(archived.archivedAt).toBe('2026-03-02T09:00:00.000Z');
    expectError(await t().api('GET', '/me', undefined, t().tokens.technician), 401, 'unauthenticated');
    const tokens = (await t().api('GET', '/tokens')).body.data as Array<{ userId: string; revokedAt: string | null }>;
    expect(tokens.filter((k) => k.userId === techId).every((k) => k.revokedAt !== null)).toBe(true);
    const restored = expectOk(await t().api('POST', `/users/${techId}/restore`), 200, userDoc);
    expect(restored.archivedAt).toBeNull();
    expectError(await t().api('GET', '/me', undefined, t().tokens.technician), 401, 'unauthenticated');
  });

  it('guards deactivation: admins cannot touch owners, technicians nobody; unknown ids are 404', async () => {
    const ownerId = await userIdOf(t(), t().tokens.owner);
    const adminId = await userIdOf(t(), t().tokens.admin);
    expectError(await t().api('POST', `/users/${ownerId}/archive`, undefined, t().tokens.admin), 403, 'forbidden');
    expectError(await t().api('POST', `/users/${adminId}/archive`, undefined, t().tokens.technician), 403, 'forbidden');
    expectError(await t().api('POST', `/users/${adminId}/restore`, undefined, t().tokens.technician), 403, 'forbidden');
    expectError(await t().api('POST', `/users/${adminId}/archive`, undefined, t().tokens.admin), 403, 'forbidden');
    expectError(await t().api('POST', '/users/usr_nope/archive'), 404, 'not_found');
    expectError(await t().api('POST', '/users/usr_nope/restore'), 404, 'not_found');
  });
});
