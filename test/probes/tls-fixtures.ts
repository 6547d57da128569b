import { X509Certificate } from 'node:crypto';
import { createTestCa, type IssuedCertificate, type TestCa, validFor } from '../support/loopback/certificates.ts';
import { type LoopbackHttpServer, startHttpServer } from '../support/loopback/http-server.ts';

const DAY_MS = 86_400_000;

export type TlsSite = { server: LoopbackHttpServer; certificate: IssuedCertificate; validToMs: number };

export type TlsFixtures = {
  ca: TestCa;
  /** Valid for 90 days, for localhost and 127.0.0.1. */
  healthy: TlsSite;
  /** Valid for 5 more days (real time). */
  expiringSoon: TlsSite;
  /** Expired ten days ago (real time). */
  expired: TlsSite;
  /** Valid, but only for other.test. */
  otherHost: TlsSite;
  close(): Promise<void>;
};

const LOOPBACK_NAMES = ['DNS:localhost', 'IP:127.0.0.1'];

async function site(ca: TestCa, altNames: string[], validity: { notBefore: Date; notAfter: Date }): Promise<TlsSite> {
  const certificate = await ca.issue({ commonName: 'localhost', altNames, ...validity });
  const server = await startHttpServer((_request, response) => response.end('secure and green'), { tls: certificate });
  return { server, certificate, validToMs: Date.parse(new X509Certificate(certificate.certPem).validTo) };
}

/** HTTPS servers on loopback with certificates from a throwaway CA made by the openssl CLI. */
export async function startTlsFixtures(): Promise<TlsFixtures> {
  const ca = await createTestCa();
  const now = Date.now();
  const [healthy, expiringSoon, expired, otherHost] = await Promise.all([
    site(ca, LOOPBACK_NAMES, validFor(90, now)),
    site(ca, LOOPBACK_NAMES, validFor(5, now)),
    site(ca, LOOPBACK_NAMES, { notBefore: new Date(now - 40 * DAY_MS), notAfter: new Date(now - 10 * DAY_MS) }),
    site(ca, ['DNS:other.test'], validFor(90, now)),
  ]);
  return {
    ca,
    healthy,
    expiringSoon,
    expired,
    otherHost,
    close: async () => {
      await Promise.all([healthy, expiringSoon, expired, otherHost].map((s) => s.server.close()));
      await ca.dispose();
    },
  };
}

/** A clock `days` (fractional) before the certificate's end, so whole days to expiry are exact. */
export function clockBeforeExpiry(validToMs: number, days: number) {
  return { nowMs: () => validToMs - days * DAY_MS };
}
