import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../../test/support/test-db.ts';
import { type Actor, systemActor } from '../context.ts';
import { ensureAgencySettings, getAgencySettings, updateAgencySettings } from './settings.ts';

const owner: Actor = { kind: 'user', userId: 'usr_owner', role: 'owner' };
const admin: Actor = { kind: 'user', userId: 'usr_admin', role: 'admin' };
const technician: Actor = { kind: 'user', userId: 'usr_tech', role: 'technician' };

let t: TestDb;
beforeEach(async () => {
  t = await createTestDb();
});
afterEach(async () => {
  await t.close();
});

describe('agency settings', () => {
  it('start with defaults, in a single row however often ensured', async () => {
    await ensureAgencySettings(t.ctx);
    await Promise.all([ensureAgencySettings(t.ctx), ensureAgencySettings(t.ctx)]);
    expect(await getAgencySettings(t.ctx)).toMatchObject({
      name: 'My agency',
      logoUrl: null,
      defaultCurrency: 'EUR',
      locale: 'en',
      timeZone: 'UTC',
    });
    expect(await t.ctx.db.selectFrom('agency_settings').select('id').execute()).toEqual([{ id: 1 }]);
  });

  it.each([
    ['an owner', owner],
    ['an admin', admin],
    ['the CLI', systemActor],
  ])('can be changed by %s, one field at a time', async (_who, actor) => {
    t.clock.advance(5_000);
    const updated = await updateAgencySettings(t.ctx, actor, { name: 'Pixel & Co', timeZone: 'Europe/Madrid' });
    expect(updated).toMatchObject({
      name: 'Pixel & Co',
      timeZone: 'Europe/Madrid',
      locale: 'en',
      defaultCurrency: 'EUR',
    });
    expect(updated.updatedAt).toBe(new Date(t.clock.now()).toISOString());
    const again = await updateAgencySettings(t.ctx, actor, { logoUrl: 'https://cdn.pixel.test/logo.svg' });
    expect(again).toMatchObject({ name: 'Pixel & Co', logoUrl: 'https://cdn.pixel.test/logo.svg' });
    expect((await updateAgencySettings(t.ctx, actor, { logoUrl: null })).logoUrl).toBeNull();
  });

  it('cannot be changed by a technician', async () => {
    const before = await getAgencySettings(t.ctx);
    await expect(updateAgencySettings(t.ctx, technician, { name: 'Mine now' })).rejects.toMatchObject({
      code: 'forbidden',
    });
    expect(await getAgencySettings(t.ctx)).toEqual(before);
  });

  it.each([
    ['an unknown time zone', { timeZone: 'Europe/Atlantis' }],
    ['an unknown currency', { defaultCurrency: 'XYZ' }],
    ['an unsupported locale', { locale: 'it' }],
    ['an empty name', { name: '   ' }],
    ['a logo that is not an http(s) URL', { logoUrl: 'javascript:alert(1)' }],
    ['an unknown field', { colour: 'red' }],
  ])('refuse %s and change nothing, not even the valid fields', async (_what, patch) => {
    const before = await getAgencySettings(t.ctx);
    await expect(updateAgencySettings(t.ctx, admin, { name: 'Valid name', ...patch })).rejects.toMatchObject({
      code: 'invalid',
    });
    expect(await getAgencySettings(t.ctx)).toEqual(before);
  });
});
