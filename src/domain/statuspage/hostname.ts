import { domainToASCII } from 'node:url';
import { z } from 'zod';

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/**
 * A host name as browsers send it in `Host`: lowercase ASCII (IDN as punycode), no port, no
 * trailing dot. Returns null for anything that is not a public DNS name (IP addresses,
 * "localhost", single labels, ports, paths).
 */
export function normalizeHostname(input: string): string | null {
  const trimmed = input.trim().replace(/\.$/, '');
  if (trimmed === '' || trimmed.length > 253 || /[/:@\s[\]]/.test(trimmed)) return null;
  const ascii = domainToASCII(trimmed);
  if (!ascii || ascii.length > 253) return null;
  const labels = ascii.split('.');
  if (labels.length < 2 || !labels.every((l) => LABEL.test(l))) return null;
  // The last label of a DNS name is never all digits, which also rules out IPv4 addresses.
  if (/^\d+$/.test(labels[labels.length - 1] as string)) return null;
  if (ascii === 'localhost' || ascii.endsWith('.localhost')) return null;
  return ascii;
}

/** The host part of a `Host` header value ("Status.Acme.example:8443" → "status.acme.example"), or null. */
export function hostFromHeader(value: string | undefined | null): string | null {
  if (!value) return null;
  const first = value.split(',')[0]?.trim() ?? '';
  if (first.startsWith('[')) return null; // an IPv6 literal is never a custom domain
  const host = first.replace(/:\d{1,5}$/, '');
  return normalizeHostname(host);
}

export const hostnameSchema = z
  .string()
  .max(300)
  .transform((v, ctx) => {
    const host = normalizeHostname(v);
    if (host === null) {
      ctx.addIssue({ code: 'custom', message: 'must be a domain name such as status.example.com' });
      return z.NEVER;
    }
    return host;
  });
