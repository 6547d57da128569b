import { isIP } from 'node:net';
import { createSecureContext } from 'node:tls';
import { z } from 'zod';
import { parseJsonPath } from './json-path.ts';

export const DEFAULT_TIMEOUT_MS = 10_000;
export const MAX_TIMEOUT_MS = 60_000;

const timeoutMsSchema = z.number().int().min(100).max(MAX_TIMEOUT_MS).default(DEFAULT_TIMEOUT_MS);

const HOSTNAME =
  /^(?=.{1,253}$)([a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9])?)(\.[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9])?)*\.?$/i;

const hostSchema = z
  .string()
  .trim()
  .refine((v) => isIP(v) !== 0 || HOSTNAME.test(v), { message: 'must be a host name or an IP address' });

const portSchema = z.number().int().min(1).max(65_535);

/** "200-299" or "301": an inclusive range of HTTP status codes. */
export const statusRangeSchema = z
  .string()
  .trim()
  .regex(/^[1-5]\d\d(-[1-5]\d\d)?$/, 'must be a status code or a range such as 200-299')
  .refine(
    (v) => {
      const [low, high = low] = v.split('-');
      return Number(low) <= Number(high);
    },
    { message: 'range must go from low to high' },
  );

const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9a-z-]+$/i;
// undici owns these (connection reuse, framing); a monitor setting them would break the measurement.
const RESERVED_HEADERS = new Set([
  'connection',
  'keep-alive',
  'transfer-encoding',
  'upgrade',
  'expect',
  'content-length',
]);

const headersSchema = z
  .record(
    z
      .string()
      .regex(HEADER_NAME, 'must be a valid header name')
      .refine((name) => !RESERVED_HEADERS.has(name.toLowerCase()), { message: 'is set by the probe itself' }),
    z
      .string()
      .max(8_192)
      .regex(/^[^\r\n\0]*$/, 'must not contain line breaks'),
  )
  .default({});

/** PEM of one or more extra trusted CA certificates, added to Node's default roots. */
export const caPemSchema = z
  .string()
  .max(65_536)
  .refine(
    (pem) => {
      if (!pem.includes('-----BEGIN CERTIFICATE-----')) return false;
      try {
        createSecureContext({ ca: pem });
        return true;
      } catch {
        return false;
      }
    },
    { message: 'must be PEM-encoded CA certificates' },
  );

export const HTTP_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;

export const httpProbeConfigSchema = z
  .object({
    url: z.url({ protocol: /^https?$/, message: 'must be an http:// or https:// URL' }).max(2_048),
    method: z.enum(HTTP_METHODS).default('GET'),
    headers: headersSchema,
    body: z.string().max(65_536).optional(),
    expectedStatus: z.array(statusRangeSchema).min(1).max(20).default(['200-399']),
    keyword: z
      .object({ text: z.string().min(1).max(1_000), mode: z.enum(['present', 'absent']).default('present') })
      .optional(),
    jsonPath: z
      .object({
        path: z
          .string()
          .max(500)
          .refine((p) => parseJsonPath(p) !== null, { message: 'must be a path such as $.status or data.items[0].ok' }),
        equals: z.union([z.string(), z.number(), z.boolean(), z.null()]),
      })
      .optional(),
    maxResponseMs: z.number().int().min(1).max(MAX_TIMEOUT_MS).optional(),
    followRedirects: z.number().int().min(0).max(10).default(5),
    timeoutMs: timeoutMsSchema,
    verifyTls: z.boolean().default(true),
    ca: caPemSchema.optional(),
  })
  .refine((c) => !(c.method === 'HEAD' && c.body !== undefined), {
    message: 'a HEAD request cannot have a body',
    path: ['body'],
  });

export const tcpProbeConfigSchema = z.object({
  host: hostSchema,
  port: portSchema,
  timeoutMs: timeoutMsSchema,
});

export const DNS_RECORD_TYPES = ['A', 'AAAA', 'CNAME', 'MX', 'TXT', 'NS'] as const;

/** "ip" or "ip:port"; IPv6 with a port is written "[::1]:53". */
const resolverSchema = z
  .string()
  .trim()
  .refine(
    (v) => {
      const match = /^\[([^\]]+)\](?::(\d{1,5}))?$/.exec(v) ?? /^([^:]+)(?::(\d{1,5}))?$/.exec(v);
      if (!match) return isIP(v) === 6;
      const port = match[2] === undefined ? 53 : Number(match[2]);
      return isIP(match[1] ?? '') !== 0 && port >= 1 && port <= 65_535;
    },
    { message: 'must be a resolver address such as 1.1.1.1, 127.0.0.1:5353 or [::1]:53' },
  );

export const dnsProbeConfigSchema = z.object({
  hostname: z
    .string()
    .trim()
    .refine((v) => HOSTNAME.test(v), { message: 'must be a host name' }),
  recordType: z.enum(DNS_RECORD_TYPES).default('A'),
  expected: z.string().trim().min(1).max(1_000).optional(),
  resolver: resolverSchema.optional(),
  timeoutMs: timeoutMsSchema,
});

export const tlsProbeConfigSchema = z.object({
  host: hostSchema,
  port: portSchema.default(443),
  servername: z
    .string()
    .trim()
    .refine((v) => HOSTNAME.test(v) && isIP(v) === 0, { message: 'must be a host name' })
    .optional(),
  warnDays: z.array(z.number().int().min(0).max(365)).min(1).max(10).default([21, 7, 1]),
  timeoutMs: timeoutMsSchema,
  ca: caPemSchema.optional(),
});

export type HttpProbeConfig = z.output<typeof httpProbeConfigSchema>;
export type TcpProbeConfig = z.output<typeof tcpProbeConfigSchema>;
export type DnsProbeConfig = z.output<typeof dnsProbeConfigSchema>;
export type TlsProbeConfig = z.output<typeof tlsProbeConfigSchema>;
export type DnsRecordType = (typeof DNS_RECORD_TYPES)[number];
