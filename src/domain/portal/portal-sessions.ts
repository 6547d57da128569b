import { newSecret, sha256Hex } from '../../ids.ts';
import type { Ctx } from '../context.ts';
import { LOCALES, type Locale } from '../shared/validation.ts';

export const PORTAL_SESSION_TTL_MS = 30 * 24 * 3_600_000;

/** One contact of one client, signed in to the portal (same shape as the portal's PortalContact). */
export type PortalIdentity = {
  contactId: string;
  clientId: string;
  clientName: string;
  name: string;
  email: string;
  language: Locale;
  timeZone: string;
};

export type PortalSession = { portal: PortalIdentity; csrfToken: string; expiresAt: number };
export type OpenedPortalSession = PortalSession & { token: string };

const asLocale = (value: string): Locale => ((LOCALES as readonly string[]).includes(value) ? (value as Locale) : 'en');

/** Opens a session for a contact (already checked to be live) and records the sign-in. */
export async function openPortalSession(ctx: Ctx, contactId: string): Promise<OpenedPortalSession> {
  const token = newSecret('psess');
  const csrfToken = newSecret('csrf');
  const nowMs = ctx.clock.now();
  const contact = await ctx.db
    .selectFrom('client_contacts')
    .select(['id', 'client_id'])
    .where('id', '=', contactId)
    .executeTakeFirstOrThrow();
  await ctx.db
    .insertInto('portal_sessions')
    .values({
      id: sha256Hex(token),
      contact_id: contact.id,
      client_id: contact.client_id,
      csrf_token: csrfToken,
      created_at: nowMs,
      expires_at: nowMs + PORTAL_SESSION_TTL_MS,
    })
    .execute();
  await ctx.db
    .updateTable('client_contacts')
    .set({ portal_last_sign_in_at: nowMs })
    .where('id', '=', contactId)
    .execute();
  // Expired sessions are swept at sign-in, like staff sessions: rare and cheap.
  await ctx.db.deleteFrom('portal_sessions').where('expires_at', '<', nowMs).execute();
  const session = await resolvePortalSession(ctx, token);
  if (!session) throw new Error('portal session vanished right after it was opened');
  return { ...session, token };
}

/**
 * The contact behind a portal cookie, or undefined when it is unknown or expired, or the contact or
 * its client was archived since (checked on every request, so archiving cuts access at once).
 */
export async function resolvePortalSession(ctx: Ctx, token: string): Promise<PortalSession | undefined> {
  const row = await ctx.db
    .selectFrom('portal_sessions')
    .innerJoin('client_contacts', 'client_contacts.id', 'portal_sessions.contact_id')
    .innerJoin('clients', 'clients.id', 'portal_sessions.client_id')
    .select([
      'portal_sessions.csrf_token as csrfToken',
      'portal_sessions.expires_at as expiresAt',
      'client_contacts.id as contactId',
      'client_contacts.client_id as contactClientId',
      'client_contacts.name as name',
      'client_contacts.email as email',
      'client_contacts.language as language',
      'client_contacts.archived_at as contactArchivedAt',
      'clients.id as clientId',
      'clients.name as clientName',
      'clients.time_zone as timeZone',
      'clients.archived_at as clientArchivedAt',
    ])
    .where('portal_sessions.id', '=', sha256Hex(token))
    .executeTakeFirst();
  if (!row || row.expiresAt <= ctx.clock.now()) return undefined;
  if (row.contactArchivedAt !== null || row.clientArchivedAt !== null) return undefined;
  if (row.contactClientId !== row.clientId) return undefined; // a contact never moves, but never trust it
  return {
    portal: {
      contactId: row.contactId,
      clientId: row.clientId,
      clientName: row.clientName,
      name: row.name,
      email: row.email,
      language: asLocale(row.language),
      timeZone: row.timeZone,
    },
    csrfToken: row.csrfToken,
    expiresAt: row.expiresAt,
  };
}

export async function signOutPortal(ctx: Ctx, token: string): Promise<void> {
  await ctx.db.deleteFrom('portal_sessions').where('id', '=', sha256Hex(token)).execute();
}
