import { describe, expect, it } from 'vitest';
import { dnsProbeConfigSchema, httpProbeConfigSchema, tcpProbeConfigSchema, tlsProbeConfigSchema } from './schemas.ts';

function issues(result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }): string[] {
  expect(result.success).toBe(false);
  return (result.error?.issues ?? []).map((issue) => issue.path.join('.'));
}

describe('probe config schemas', () => {
  it('fills the documented HTTP defaults', () => {
    expect(httpProbeConfigSchema.parse({ url: 'https://example.com/health' })).toEqual({
      url: 'https://example.com/health',
      method: 'GET',
      headers: {},
      expectedStatus: ['200-399'],
      followRedirects: 5,
      timeoutMs: 10_000,
      verifyTls: true,
    });
  });

  it('accepts a full HTTP config', () => {
    const config = {
      url: 'http://127.0.0.1:8080/api',
      method: 'POST',
      headers: { 'X-Api-Key': 'k', Accept: 'application/json' },
      body: '{}',
      expectedStatus: ['200-299', '304'],
      keyword: { text: 'ok', mode: 'absent' },
      jsonPath: { path: 'data.items[0].ok', equals: true },
      maxResponseMs: 2_000,
      followRedirects: 0,
      timeoutMs: 60_000,
      verifyTls: false,
    };
    expect(httpProbeConfigSchema.parse(config)).toEqual(config);
  });

  it.each([
    [{ url: 'ftp://example.com/' }, 'url'],
    [{ url: 'not a url' }, 'url'],
    [{ url: 'https://x.test', method: 'TRACE' }, 'method'],
    [{ url: 'https://x.test', expectedStatus: ['299-200'] }, 'expectedStatus.0'],
    [{ url: 'https://x.test', expectedStatus: ['600'] }, 'expectedStatus.0'],
    [{ url: 'https://x.test', expectedStatus: [] }, 'expectedStatus'],
    [{ url: 'https://x.test', headers: { Connection: 'keep-alive' } }, 'headers.Connection'],
    [{ url: 'https://x.test', headers: { 'Bad Name': 'x' } }, 'headers.Bad Name'],
    [{ url: 'https://x.test', headers: { 'X-Evil': 'a\r\nb: c' } }, 'headers.X-Evil'],
    [{ url: 'https://x.test', method: 'HEAD', body: 'x' }, 'body'],
    [{ url: 'https://x.test', jsonPath: { path: '$..x', equals: 1 } }, 'jsonPath.path'],
    [{ url: 'https://x.test', followRedirects: 11 }, 'followRedirects'],
    [{ url: 'https://x.test', timeoutMs: 60_001 }, 'timeoutMs'],
    [{ url: 'https://x.test', ca: 'not a pem' }, 'ca'],
  ])('refuses %j at %s', (input, path) => {
    expect(issues(httpProbeConfigSchema.safeParse(input))).toContain(path);
  });

  it('validates TCP, DNS and TLS configs', () => {
    expect(tcpProbeConfigSchema.parse({ host: 'db.example.com', port: 5432 })).toEqual({
      host: 'db.example.com',
      port: 5432,
      timeoutMs: 10_000,
    });
    expect(issues(tcpProbeConfigSchema.safeParse({ host: 'bad host', port: 0 }))).toEqual(['host', 'port']);
    expect(dnsProbeConfigSchema.parse({ hostname: 'example.com', resolver: '[::1]:5353' })).toMatchObject({
      recordType: 'A',
      resolver: '[::1]:5353',
    });
    for (const resolver of ['1.1.1.1', '127.0.0.1:5353', '::1', '[2001:db8::1]:53']) {
      expect(dnsProbeConfigSchema.safeParse({ hostname: 'example.com', resolver }).success).toBe(true);
    }
    for (const resolver of ['dns.google', '1.1.1.1:0', '1.1.1.1:70000', '[::1']) {
      expect(issues(dnsProbeConfigSchema.safeParse({ hostname: 'example.com', resolver }))).toEqual(['resolver']);
    }
    expect(issues(dnsProbeConfigSchema.safeParse({ hostname: 'example.com', recordType: 'SRV' }))).toEqual([
      'recordType',
    ]);
    expect(tlsProbeConfigSchema.parse({ host: 'example.com' })).toEqual({
      host: 'example.com',
      port: 443,
      warnDays: [21, 7, 1],
      timeoutMs: 10_000,
    });
    expect(issues(tlsProbeConfigSchema.safeParse({ host: 'example.com', warnDays: [] }))).toEqual(['warnDays']);
    expect(issues(tlsProbeConfigSchema.safeParse({ host: 'example.com', servername: '10.0.0.1' }))).toEqual([
      'servername',
    ]);
  });
});
