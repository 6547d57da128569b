import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findClosedPort, type LoopbackTcpServer, startHangingServer } from '../support/loopback/tcp-servers.ts';
import { expectTimedOut, probeTls, timedTls } from './probe-helpers.ts';
import { clockBeforeExpiry, startTlsFixtures, type TlsFixtures } from './tls-fixtures.ts';

let fx: TlsFixtures;
let hanging: LoopbackTcpServer;

beforeAll(async () => {
  [fx, hanging] = await Promise.all([startTlsFixtures(), startHangingServer()]);
});

afterAll(async () => {
  await Promise.all([fx?.close(), hanging?.close()]);
});

const target = (site: TlsFixtures['healthy'], extra: Record<string, unknown> = {}) => ({
  host: '127.0.0.1',
  port: site.server.port,
  servername: 'localhost',
  ca: fx.ca.caPem,
  ...extra,
});

describe('TLS certificate probe', () => {
  it('is up for a trusted certificate far from expiry, with days counted on the injected clock', async () => {
    const result = await probeTls(target(fx.healthy), clockBeforeExpiry(fx.healthy.validToMs, 40.5));
    expect(result).toMatchObject({ outcome: 'up', errorClass: null, httpStatus: null });
    expect(result.tls).toEqual({
      validToMs: fx.healthy.validToMs,
      daysToExpiry: 40,
      issuer: 'CN=Steward Test CA',
      subject: 'CN=localhost',
      authorized: true,
      authorizationError: null,
    });
    expect(result.timings.dnsMs).toBeNull();
    expect(result.timings.connectMs).toBeGreaterThanOrEqual(0);
    expect(result.timings.tlsMs).toBeGreaterThanOrEqual(0);
  });

  it('warns (degraded, cert_expiring) inside the largest warning threshold', async () => {
    const fiveDaysLeft = clockBeforeExpiry(fx.expiringSoon.validToMs, 5.5);
    const result = await probeTls(target(fx.expiringSoon, { warnDays: [21, 7, 1] }), fiveDaysLeft);
    expect(result).toMatchObject({ outcome: 'degraded', errorClass: 'cert_expiring' });
    expect(result.message).toBe('certificate expires in 5 days (warning at 21)');
    expect(result.tls?.daysToExpiry).toBe(5);
    expect((await probeTls(target(fx.expiringSoon, { warnDays: [3] }), fiveDaysLeft)).outcome).toBe('up');
    const onTheDay = await probeTls(
      target(fx.healthy, { warnDays: [21] }),
      clockBeforeExpiry(fx.healthy.validToMs, 21.9),
    );
    expect(onTheDay.outcome).toBe('degraded');
  });

  it('uses the real clock by default: a certificate with five days left is expiring', async () => {
    const result = await probeTls(target(fx.expiringSoon));
    expect(result).toMatchObject({ outcome: 'degraded', errorClass: 'cert_expiring' });
    expect(result.tls?.daysToExpiry).toBe(4);
  });

  it('is down (cert_expired) once the injected clock passes the end of validity', async () => {
    const result = await probeTls(target(fx.healthy), clockBeforeExpiry(fx.healthy.validToMs, -0.1));
    expect(result).toMatchObject({ outcome: 'down', errorClass: 'cert_expired' });
    expect(result.tls?.daysToExpiry).toBe(-1);
  });

  it('is down (cert_expired) for a certificate that really has expired', async () => {
    const result = await probeTls(target(fx.expired));
    expect(result).toMatchObject({ outcome: 'down', errorClass: 'cert_expired' });
    // Expired ten days and a few milliseconds ago: whole days are floored, so negative means expired.
    expect(result.tls).toMatchObject({ authorized: false, authorizationError: 'CERT_HAS_EXPIRED', daysToExpiry: -11 });
  });

  it('is down (hostname) when the certificate does not name the host', async () => {
    const result = await probeTls(target(fx.otherHost));
    expect(result).toMatchObject({ outcome: 'down', errorClass: 'hostname' });
    expect(result.message).toContain('other.test');
    const byName = await probeTls(target(fx.healthy, { servername: 'other.test' }));
    expect(byName).toMatchObject({ outcome: 'down', errorClass: 'hostname' });
  });

  it('is down (tls) for an untrusted chain and reports the OpenSSL reason', async () => {
    const result = await probeTls({ host: 'localhost', port: fx.healthy.server.port });
    expect(result).toMatchObject({ outcome: 'down', errorClass: 'tls' });
    expect(result.tls).toMatchObject({ authorized: false, authorizationError: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' });
    expect(result.timings.dnsMs).toBeGreaterThanOrEqual(0);
  });

  it('classifies connection failures and times out on a silent server', async () => {
    const refused = await probeTls({ host: '127.0.0.1', port: await findClosedPort() });
    expect(refused).toMatchObject({ outcome: 'down', errorClass: 'refused' });
    expect(refused.tls).toBeUndefined();
    expectTimedOut(await timedTls({ host: '127.0.0.1', port: hanging.port, timeoutMs: 300 }), 300, 'TLS handshake');
  });
});
