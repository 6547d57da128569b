import { describe, expect, it } from 'vitest';
import { agencySettingsDoc } from '../../src/http/api/doc-schemas.ts';
import { expectError, expectInvalid, expectOk, useTestApp } from './helpers.ts';

const t = useTestApp();

describe('agency settings', () => {
  it('starts with defaults that anyone signed in can read', async () => {
    const settings = expectOk(
      await t().api('GET', '/settings', undefined, t().tokens.technician),
      200,
      agencySettingsDoc,
    );
    expect(settings).toMatchObject({
      name: 'My agency',
      logoUrl: null,
      defaultCurrency: 'EUR',
      locale: 'en',
      timeZone: 'UTC',
    });
  });

  it('owners and admins change the settings; a partial change keeps the rest', async () => {
    t().clock.advance(60_000);
    const changed = expectOk(
      await t().api('PATCH', '/settings', { name: 'Pixel & Co', logoUrl: 'https://cdn.pixel.example/logo.svg' }),
      200,
      agencySettingsDoc,
    );
    expect(changed).toMatchObject({
      name: 'Pixel & Co',
      logoUrl: 'https://cdn.pixel.example/logo.svg',
      defaultCurrency: 'EUR',
      updatedAt: '2026-03-02T09:01:00.000Z',
    });
    const byAdmin = expectOk(
      await t().api('PATCH', '/settings', { locale: 'es', timeZone: 'Europe/Madrid', logoUrl: null }, t().tokens.admin),
      200,
      agencySettingsDoc,
    );
    expect(byAdmin).toMatchObject({ name: 'Pixel & Co', locale: 'es', timeZone: 'Europe/Madrid', logoUrl: null });
    expect(expectOk(await t().api('GET', '/settings'), 200, agencySettingsDoc)).toEqual(byAdmin);
  });

  it('forbids technicians to change settings (403) and leaves them unchanged', async () => {
    const before = expectOk(await t().api('GET', '/settings'), 200, agencySettingsDoc);
    expectError(await t().api('PATCH', '/settings', { name: 'Hijacked' }, t().tokens.technician), 403, 'forbidden');
    expect(expectOk(await t().api('GET', '/settings'), 200, agencySettingsDoc)).toEqual(before);
  });

  it('refuses invalid values with 422 and details per field', async () => {
    expectInvalid(
      await t().api('PATCH', '/settings', {
        name: '',
        logoUrl: 'javascript:alert(1)',
        defaultCurrency: 'EURO',
        locale: 'it',
        timeZone: 'Europe/Atlantis',
      }),
      ['name', 'logoUrl', 'defaultCurrency', 'locale', 'timeZone'],
    );
    expectInvalid(await t().api('PATCH', '/settings', { color: 'red' }), ['']);
    expect(expectOk(await t().api('GET', '/settings'), 200, agencySettingsDoc).name).toBe('My agency');
  });
});
