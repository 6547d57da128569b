import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../config.ts';
import { trustedProxyList } from './request-host.ts';

describe('trusted proxies', () => {
  it('reads STEWARD_TRUSTED_PROXIES as addresses and CIDR ranges, refusing anything else', () => {
    expect(loadConfig({}).trustedProxies).toEqual([]);
    expect(loadConfig({ STEWARD_TRUSTED_PROXIES: ' 127.0.0.1, ::1,10.0.0.0/8 ' }).trustedProxies).toEqual([
      '127.0.0.1',
      '::1',
      '10.0.0.0/8',
    ]);
    for (const bad of ['localhost', '10.0.0.0/33', '10.0.0.1/8/1', 'fe80::/129']) {
      expect(() => loadConfig({ STEWARD_TRUSTED_PROXIES: bad }), bad).toThrow(ConfigError);
    }
  });

  it('matches peers against the list', () => {
    const list = trustedProxyList(['127.0.0.1', '10.0.0.0/8', 'fd00::/8']);
    expect(list.check('10.200.0.1', 'ipv4')).toBe(true);
    expect(list.check('11.0.0.1', 'ipv4')).toBe(false);
    expect(list.check('127.0.0.1', 'ipv4')).toBe(true);
    expect(list.check('fd12::1', 'ipv6')).toBe(true);
  });
});
