import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttpServer } from '../support/loopback/http-server.ts';
import { probeHttp } from './probe-helpers.ts';
import { clockBeforeExpiry, startTlsFixtures, type TlsFixtures } from './tls-fixtures.ts';

let fx: TlsFixtures;

beforeAll(async () => {
  fx = await startTlsFixtures();
});

afterAll(async () => {
  await fx?.close();
});

describe('HTTP probe over TLS with a test CA', () => {
  it('is down with the tls class when the chain is not trusted', async () => {
    const result = await probeHttp({ url: fx.healthy.server.url('/', 'localhost') });
    expect(result).toMatchObject({ outcome: 'down', errorClass: 'tls', httpStatus: null });
    expect(result.message).toContain('UNABLE_TO_VERIFY_LEAF_SIGNATURE');
    expect(result.timings.connectMs).not.toBeNull();
  });

  it('is up with a TLS phase and certificate details when the CA is trusted', async () => {
    const deps = clockBeforeExpiry(fx.healthy.validToMs, 30.5);
    const result = await probeHttp({ url: fx.healthy.server.url('/', 'localhost'), ca: fx.ca.caPem }, deps);
    expect(result).toMatchObject({ outcome: 'up', httpStatus: 200 });
    const { dnsMs, connectMs, tlsMs, firstByteMs } = result.timings;
    for (const phase of [dnsMs, connectMs, tlsMs, firstByteMs]) expect(phase).toBeGreaterThanOrEqual(0);
    expect(result.tls).toEqual({
      validToMs: fx.healthy.validToMs,
      daysToExpiry: 30,
      issuer: 'CN=Steward Test CA',
      subject: 'CN=localhost',
      authorized: true,
      authorizationError: null,
    });
  });

  it('accepts an untrusted chain when verification is off, and says so', async () => {
    const result = await probeHttp({ url: fx.healthy.server.url('/'), verifyTls: false, keyword: { text: 'green' } });
    expect(result.outcome).toBe('up');
    expect(result.tls).toMatchObject({ authorized: false, authorizationError: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' });
  });

  it('is down for a certificate issued to another host', async () => {
    const result = await probeHttp({ url: fx.otherHost.server.url('/', 'localhost'), ca: fx.ca.caPem });
    expect(result).toMatchObject({ outcome: 'down', errorClass: 'hostname' });
  });

  it('is down for an expired certificate', async () => {
    const result = await probeHttp({ url: fx.expired.server.url('/', 'localhost'), ca: fx.ca.caPem });
    expect(result).toMatchObject({ outcome: 'down', errorClass: 'cert_expired' });
    expect(result.message).toContain('CERT_HAS_EXPIRED');
  });

  it('is down with the tls class when the server does not speak TLS', async () => {
    const plain = await startHttpServer((_request, response) => response.end('plain'));
    try {
      const result = await probeHttp({ url: `https://127.0.0.1:${plain.port}/` });
      expect(result).toMatchObject({ outcome: 'down', errorClass: 'tls' });
    } finally {
      await plain.close();
    }
  });
});
