import type { PeerCertificate } from 'node:tls';
import type { TlsCertificateInfo } from './types.ts';

const DAY_MS = 86_400_000;

/** "CN=example.com, O=Example": the certificate's distinguished name, in the order it lists the fields. */
export function formatDistinguishedName(name: PeerCertificate['subject'] | undefined): string {
  if (!name) return '';
  return Object.entries(name)
    .map(([key, value]) => `${key}=${Array.isArray(value) ? value.join('+') : value}`)
    .join(', ');
}

export function describeCertificate(
  certificate: PeerCertificate,
  nowMs: number,
  authorized: boolean,
  authorizationError: string | null,
): TlsCertificateInfo {
  const validToMs = Date.parse(certificate.valid_to);
  return {
    validToMs,
    daysToExpiry: Math.floor((validToMs - nowMs) / DAY_MS),
    issuer: formatDistinguishedName(certificate.issuer),
    subject: formatDistinguishedName(certificate.subject),
    authorized,
    authorizationError,
  };
}
