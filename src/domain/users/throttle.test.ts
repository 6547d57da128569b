import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../../test/support/test-db.ts';
import { systemActor } from '../context.ts';
import { signIn } from './sessions.ts';
import { LIMITS, LOCK_MS, WINDOW_MS } from './throttle.ts';
import { createUser } from './users.ts';

let t: TestDb;
beforeEach(async () => {
  t = await createTestDb();
  await createUser(t.ctx, systemActor, { email: 'ana@agency.test', password: 'ana-password-1' });
  await createUser(t.ctx, systemActor, { email: 'ben@agency.test', password: 'ben-password-1' });
});
afterEach(async () => {
  await t.close();
});

const MINUTE_MS = 60_000;
const attempt = (email: string, password: string, ip = '192.0.2.1') => signIn(t.ctx, { email, password, ip });
const failAs = async (email: string, ip = '192.0.2.1') => {
  await expect(attempt(email, 'wrong-password', ip)).rejects.toMatchObject({ code: 'unauthenticated' });
};

describe('per-account limit', () => {
  it('is 5 failures in 15 minutes, then locks for 15 minutes', () => {
    expect(LIMITS.account).toBe(5);
    expect(WINDOW_MS).toBe(15 * MINUTE_MS);
    expect(LOCK_MS).toBe(15 * MINUTE_MS);
  });

  it('refuses the 6th attempt even with the right password, and says when to retry', async () => {
    for (let i = 0; i < 5; i++) {
      await failAs('ana@agency.test');
      t.clock.advance(MINUTE_MS);
    }
    // the 5th failure was 1 minute ago: the lock has 14 minutes left
    const locked = attempt('ana@agency.test', 'ana-password-1');
    await expect(locked).rejects.toMatchObject({
      code: 'rate_limited',
      message: expect.stringMatching(/Try again in 14 minutes/),
      details: { retryAfterS: 14 * 60 },
    });
    expect(await t.ctx.db.selectFrom('sessions').selectAll().execute()).toEqual([]);
  });

  it('rounds the wait up to whole minutes and counts down as time passes', async () => {
    for (let i = 0; i < 5; i++) await failAs('ana@agency.test');
    t.clock.advance(LOCK_MS - 30_000);
    await expect(attempt('ana@agency.test', 'ana-password-1')).rejects.toMatchObject({
      code: 'rate_limited',
      message: expect.stringMatching(/Try again in 1 minute\./),
      details: { retryAfterS: 30 },
    });
  });

  it('unlocks when the lock time is over', async () => {
    for (let i = 0; i < 5; i++) await failAs('ana@agency.test');
    t.clock.advance(LOCK_MS - 1);
    await expect(attempt('ana@agency.test', 'ana-password-1')).rejects.toMatchObject({ code: 'rate_limited' });
    t.clock.advance(1);
    const session = await attempt('ana@agency.test', 'ana-password-1');
    expect(session.user.email).toBe('ana@agency.test');
  });

  it('locks only that account: another account from the same address still signs in', async () => {
    for (let i = 0; i < 5; i++) await failAs('ana@agency.test');
    const session = await attempt('ben@agency.test', 'ben-password-1');
    expect(session.user.email).toBe('ben@agency.test');
  });

  it('counts the account across addresses and e-mail spellings', async () => {
    for (let i = 0; i < 5; i++) await failAs(i % 2 ? 'ANA@agency.test' : 'ana@agency.test', `198.51.100.${i}`);
    await expect(attempt('ana@agency.test', 'ana-password-1', '203.0.113.7')).rejects.toMatchObject({
      code: 'rate_limited',
    });
  });

  it('forgets failures older than the window', async () => {
    for (let i = 0; i < 4; i++) await failAs('ana@agency.test');
    t.clock.advance(WINDOW_MS + 1);
    for (let i = 0; i < 4; i++) await failAs('ana@agency.test');
    const session = await attempt('ana@agency.test', 'ana-password-1');
    expect(session.user.email).toBe('ana@agency.test');
  });

  it('starts counting again after a successful sign-in', async () => {
    for (let i = 0; i < 4; i++) await failAs('ana@agency.test');
    await attempt('ana@agency.test', 'ana-password-1');
    for (let i = 0; i < 4; i++) await failAs('ana@agency.test');
    expect((await attempt('ana@agency.test', 'ana-password-1')).user.email).toBe('ana@agency.test');
  });
});

describe('per-address limit', () => {
  it('is 20 failures across any accounts; other addresses are not affected', async () => {
    expect(LIMITS.ip).toBe(20);
    // 20 different (unknown) accounts, so no single account reaches its own limit
    for (let i = 0; i < 20; i++) await failAs(`guess-${i}@agency.test`, '203.0.113.50');
    await expect(attempt('ana@agency.test', 'ana-password-1', '203.0.113.50')).rejects.toMatchObject({
      code: 'rate_limited',
      message: expect.stringMatching(/Try again in 15 minutes/),
    });
    expect((await attempt('ana@agency.test', 'ana-password-1', '203.0.113.51')).user.email).toBe('ana@agency.test');
  });

  it('is not reached by 19 failures', async () => {
    for (let i = 0; i < 19; i++) await failAs(`guess-${i}@agency.test`, '203.0.113.50');
    expect((await attempt('ana@agency.test', 'ana-password-1', '203.0.113.50')).user.email).toBe('ana@agency.test');
  });

  it('unlocks when the lock time is over', async () => {
    for (let i = 0; i < 20; i++) await failAs(`guess-${i}@agency.test`, '203.0.113.50');
    t.clock.advance(LOCK_MS);
    expect((await attempt('ben@agency.test', 'ben-password-1', '203.0.113.50')).user.email).toBe('ben@agency.test');
  });
});
