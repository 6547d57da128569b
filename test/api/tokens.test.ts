import { describe, expect, it } from 'vitest';
import { createdTokenDoc, listOf, tokenDoc, userDoc } from '../../src/http/api/doc-schemas.ts';
import { expectError, expectInvalid, expectOk, makeUser, userIdOf, useTestApp } from './helpers.ts';

const t = useTestApp();

describe('API tokens', () => {
  it('creates a token shown once; it authenticates as its user', async () => {
    const res = await t().api('POST', '/tokens', { name: 'CI deploy' }, t().tokens.admin);
    const created = expectOk(res, 201, createdTokenDoc);
    expect(created.token).toMatch(/^stw_/);
    expect(created.record).toMatchObject({ name: 'CI deploy', lastUsedAt: null, revokedAt: null });
    const me = expectOk(await t().api('GET', '/me', undefined, created.token), 200, userDoc);
    expect(me.email).toBe('admin@agency.test');
    const listed = expectOk(await t().api('GET', '/tokens'), 200, listOf(tokenDoc)).data;
    const record = listed.find((k) => k.id === created.record.id);
    expect(record).toBeDefined();
    expect(JSON.stringify(listed)).not.toContain(created.token);
  });

  it('admins create tokens for others (by id or e-mail); technicians only for themselves', async () => {
    const techId = await userIdOf(t(), t().tokens.technician);
    const byId = expectOk(await t().api('POST', '/tokens', { name: 'a', userId: techId }), 201, createdTokenDoc);
    expect(byId.record.userId).toBe(techId);
    const byEmail = expectOk(
      await t().api('POST', '/tokens', { name: 'b', email: 'tech@agency.test' }, t().tokens.admin),
      201,
      createdTokenDoc,
    );
    expect(byEmail.record.userId).toBe(techId);
    const ownerId = await userIdOf(t(), t().tokens.owner);
    expectError(await t().api('POST', '/tokens', { name: 'c', userId: ownerId }, t().tokens.technician), 403);
    expectError(await t().api('POST', '/tokens', { name: 'c', email: 'nobody@agency.test' }), 404, 'not_found');
    expectError(await t().api('POST', '/tokens', { name: 'c', userId: 'usr_nope' }), 404, 'not_found');
    expectInvalid(await t().api('POST', '/tokens', { name: '' }), ['name']);
    const gone = await makeUser(t(), 'technician');
    await t().api('POST', `/users/${gone.id}/archive`);
    expectError(await t().api('POST', '/tokens', { name: 'd', userId: gone.id }), 409, 'conflict');
  });

  it('admins list every token, others only their own', async () => {
    const all = expectOk(await t().api('GET', '/tokens', undefined, t().tokens.admin), 200, listOf(tokenDoc)).data;
    expect(all).toHaveLength(3);
    const techId = await userIdOf(t(), t().tokens.technician);
    const own = expectOk(await t().api('GET', '/tokens', undefined, t().tokens.technician), 200, listOf(tokenDoc)).data;
    expect(own.map((k) => k.userId)).toEqual([techId]);
  });

  it('revokes a token: it stops working at once; revoking twice keeps the first time', async () => {
    const created = expectOk(await t().api('POST', '/tokens', { name: 'temp' }), 201, createdTokenDoc);
    const revoked = expectOk(await t().api('POST', `/tokens/${created.record.id}/revoke`), 200, tokenDoc);
    expect(revoked.revokedAt).toBe('2026-03-02T09:00:00.000Z');
    expectError(await t().api('GET', '/me', undefined, created.token), 401, 'unauthenticated');
    t().clock.advance(5_000);
    const again = expectOk(await t().api('POST', `/tokens/${created.record.id}/revoke`), 200, tokenDoc);
    expect(again.revokedAt).toBe('2026-03-02T09:00:00.000Z');
    expectError(await t().api('POST', '/tokens/tok_nope/revoke'), 404, 'not_found');
  });

  it("a technician cannot see or revoke someone else's token (404)", async () => {
    const adminTokens = expectOk(await t().api('GET', '/tokens', undefined, t().tokens.admin), 200, listOf(tokenDoc));
    const adminId = await userIdOf(t(), t().tokens.admin);
    const adminToken = adminTokens.data.find((k) => k.userId === adminId)!;
    expectError(await t().api('POST', `/tokens/${adminToken.id}/revoke`, undefined, t().tokens.technician), 404);
    expectOk(await t().api('GET', '/me', undefined, t().tokens.admin), 200, userDoc);
  });

  it('records when a token was last used, to the minute', async () => {
    const created = expectOk(await t().api('POST', '/tokens', { name: 'usage' }), 201, createdTokenDoc);
    const lastUsed = async () =>
      expectOk(await t().api('GET', '/tokens'), 200, listOf(tokenDoc)).data.find((k) => k.id === created.record.id)
        ?.lastUsedAt;
    expect(await lastUsed()).toBeNull();
    t().clock.set(Date.parse('2026-03-02T10:00:00Z'));
    await t().api('GET', '/me', undefined, created.token);
    expect(await lastUsed()).toBe('2026-03-02T10:00:00.000Z');
    t().clock.advance(30_000);
    await t().api('GET', '/me', undefined, created.token);
    expect(await lastUsed()).toBe('2026-03-02T10:00:00.000Z');
    t().clock.advance(30_000);
    await t().api('GET', '/me', undefined, created.token);
    expect(await lastUsed()).toBe('2026-03-02T10:01:00.000Z');
  });
});
