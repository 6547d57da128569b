import { describe, expect, it } from 'vitest';
import { hostFromHeader, normalizeHostname } from './hostname.ts';

describe('normalizeHostname', () => {
  it.each([
    ['Status.Acme.example', 'status.acme.example'],
    ['status.acme.example.', 'status.acme.example'],
    ['estado.bäckerei.example', 'estado.xn--bckerei-5wa.example'],
    ['a-b.c-d.example', 'a-b.c-d.example'],
  ])('%s → %s', (input, expected) => expect(normalizeHostname(input)).toBe(expected));

  it.each([
    '',
    'localhost',
    'app.localhost',
    'intranet',
    '10.0.0.1',
    '[::1]',
    'status.acme.example:8443',
    'https://status.acme.example',
    'status.acme.example/path',
    'user@status.acme.example',
    '-bad.example',
    'bad-.example',
    'under_score.example',
    'two words.example',
    `${'a'.repeat(64)}.example`,
    'example.123',
  ])('refuses %j', (input) => expect(normalizeHostname(input)).toBeNull());
});

describe('hostFromHeader', () => {
  it('drops the port and lowercases; refuses IP literals', () => {
    expect(hostFromHeader('Status.Acme.example:8443')).toBe('status.acme.example');
    expect(hostFromHeader('status.acme.example, proxy.internal')).toBe('status.acme.example');
    expect(hostFromHeader('127.0.0.1:3000')).toBeNull();
    expect(hostFromHeader('[::1]:3000')).toBeNull();
    expect(hostFromHeader(undefined)).toBeNull();
  });
});
