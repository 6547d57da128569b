import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LoopbackDnsServer, startDnsServer } from '../support/loopback/dns-server.ts';
import { expectTimedOut, probeDns, timedDns } from './probe-helpers.ts';

let dns: LoopbackDnsServer;

beforeAll(async () => {
  dns = await startDnsServer(
    {
      'example.test': {
        A: ['192.0.2.10', '192.0.2.11'],
        AAAA: ['2001:db8::10'],
        TXT: ['v=spf1 -all', `google-site-verification=${'x'.repeat(300)}`],
        MX: [{ priority: 10, exchange: 'mail.example.test' }],
        NS: ['ns1.example.test'],
      },
      'www.example.test': { CNAME: 'example.test' },
    },
    { silentNames: ['slow.example.test'] },
  );
});

afterAll(async () => {
  await dns?.close();
});

const query = (extra: Record<string, unknown>) => ({ hostname: 'example.test', resolver: dns.address, ...extra });

describe('DNS probe against a loopback DNS server', () => {
  it('is up when the record resolves, and lists the answers', async () => {
    const before = dns.queries.length;
    const result = await probeDns(query({ recordType: 'A' }));
    expect(result).toMatchObject({ outcome: 'up', errorClass: null, message: 'A 192.0.2.10, 192.0.2.11' });
    expect(result.timings.dnsMs).toBeGreaterThanOrEqual(0);
    expect(dns.queries.slice(before)).toEqual(['example.test']);
  });

  it('matches an expected value among the answers, per record type', async () => {
    expect((await probeDns(query({ recordType: 'A', expected: '192.0.2.11' }))).outcome).toBe('up');
    expect((await probeDns(query({ recordType: 'AAAA', expected: '2001:0db8:0:0::10' }))).outcome).toBe('up');
    expect((await probeDns(query({ recordType: 'TXT', expected: 'v=spf1 -all' }))).outcome).toBe('up');
    const longTxt = `google-site-verification=${'x'.repeat(300)}`;
    expect((await probeDns(query({ recordType: 'TXT', expected: longTxt }))).outcome).toBe('up');
    expect((await probeDns(query({ recordType: 'MX', expected: 'MAIL.example.test.' }))).outcome).toBe('up');
    expect((await probeDns(query({ recordType: 'MX', expected: '10 mail.example.test' }))).outcome).toBe('up');
    expect((await probeDns(query({ recordType: 'NS', expected: 'ns1.example.test' }))).outcome).toBe('up');
    const cname = await probeDns(
      query({ hostname: 'www.example.test', recordType: 'CNAME', expected: 'example.test' }),
    );
    expect(cname).toMatchObject({ outcome: 'up', message: 'CNAME example.test' });
    const throughCname = await probeDns(
      query({ hostname: 'www.example.test', recordType: 'A', expected: '192.0.2.10' }),
    );
    expect(throughCname.outcome).toBe('up');
  });

  it('is down (dns) when the expected value is not among the answers', async () => {
    const result = await probeDns(query({ recordType: 'A', expected: '192.0.2.99' }));
    expect(result).toMatchObject({ outcome: 'down', errorClass: 'dns' });
    expect(result.message).toBe('expected 192.0.2.99, got A 192.0.2.10, 192.0.2.11');
    const mx = await probeDns(query({ recordType: 'MX', expected: '20 mail.example.test' }));
    expect(mx.outcome).toBe('down');
  });

  it('is down (dns) for NXDOMAIN and for a name without that record type', async () => {
    const nxdomain = await probeDns(query({ hostname: 'missing.example.test' }));
    expect(nxdomain).toMatchObject({ outcome: 'down', errorClass: 'dns' });
    expect(nxdomain.message).toContain('ENOTFOUND');
    const noData = await probeDns(query({ recordType: 'CNAME' }));
    expect(noData).toMatchObject({ outcome: 'down', errorClass: 'dns' });
  });

  it('times out when the server never answers', async () => {
    expectTimedOut(await timedDns(query({ hostname: 'slow.example.test', timeoutMs: 300 })), 300, 'resolving A');
  });
});
