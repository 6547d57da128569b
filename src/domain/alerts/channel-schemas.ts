import { z } from 'zod';
import type { AlertChannelsTable } from '../../storage/schema.ts';
import { isoOrNull } from '../clients/schemas.ts';
import { emailSchema } from '../shared/validation.ts';

export const MAX_EMAIL_RECIPIENTS = 20;

const id = z.string().min(1).max(64);
const name = z.string().trim().min(1, 'must not be empty').max(200);

/** Webhook and Slack targets: an absolute http(s) URL without credentials in it. */
export const channelUrlSchema = z
  .string()
  .trim()
  .max(2000)
  .refine((v) => {
    try {
      const u = new URL(v);
      return (u.protocol === 'https:' || u.protocol === 'http:') && !u.username && !u.password;
    } catch {
      return false;
    }
  }, 'must be an http:// or https:// URL without user or password');

/** One address, or several as an array or separated by commas; stored normalised as "a@x, b@y". */
export const emailAddressesSchema = z
  .union([z.string(), z.array(z.string())])
  .transform((v) => (Array.isArray(v) ? v : v.split(',')).map((a) => a.trim()).filter((a) => a !== ''))
  .pipe(
    z
      .array(emailSchema)
      .min(1, 'needs at least one address')
      .max(MAX_EMAIL_RECIPIENTS, `at most ${MAX_EMAIL_RECIPIENTS} addresses`),
  )
  .transform((list) => [...new Set(list)]);

const scope = { clientId: id.nullable().optional(), name: name.optional(), enabled: z.boolean().optional() };

export const createAlertChannelSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('email'), ...scope, addresses: emailAddressesSchema }).strict(),
  z.object({ kind: z.literal('webhook'), ...scope, url: channelUrlSchema }).strict(),
  z.object({ kind: z.literal('slack'), ...scope, url: channelUrlSchema }).strict(),
]);

export const updateAlertChannelSchema = z
  .object({ name, enabled: z.boolean(), addresses: emailAddressesSchema, url: channelUrlSchema })
  .partial()
  .strict();

export const listAlertChannelsQuerySchema = z
  .object({
    /** A client's own channels; "agency" for the agency-wide ones. Neither: all. */
    clientId: id.optional(),
    archived: z.enum(['true', 'false', 'all']).default('false'),
  })
  .strict();

export type AlertChannel = {
  id: string;
  /** Null: agency-wide, used for every client's sites. */
  clientId: string | null;
  kind: AlertChannelsTable['kind'];
  name: string;
  /** The addresses ("a@x, b@y") or the URL; a Slack URL is itself a credential, so only its end is shown. */
  target: string;
  /** Whether a signing secret exists; the secret itself is shown only when created or rotated. */
  hasSecret: boolean;
  enabled: boolean;
  createdAt: string;
  archivedAt: string | null;
};

export const toAlertChannel = (r: AlertChannelsTable): AlertChannel => ({
  id: r.id,
  clientId: r.client_id,
  kind: r.kind,
  name: r.name,
  target: r.kind === 'slack' ? maskUrl(r.target) : r.target,
  hasSecret: r.secret !== null,
  enabled: r.enabled === 1,
  createdAt: new Date(r.created_at).toISOString(),
  archivedAt: isoOrNull(r.archived_at),
});

function maskUrl(url: string): string {
  const u = new URL(url);
  return `${u.origin}/…${url.slice(-4)}`;
}

/** The addresses of an e-mail channel's target. */
export const emailRecipients = (target: string) =>
  target
    .split(',')
    .map((a) => a.trim())
    .filter((a) => a !== '');
