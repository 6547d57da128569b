import { AppError } from '../../errors.ts';
import { newSecret, sha256Hex } from '../../ids.ts';
import type { ClientContactsTable, Executor, PortalTokensTable } from '../../storage/schema.ts';

export type PortalTokenPurpose = PortalTokensTable['purpose'];

/** How long a mailed secret works: an invitation a week, a sign-in link a quarter of an hour. */
export const TOKEN_TTL_MS: Record<PortalTokenPurpose, number> = {
  invite: 7 * 24 * 3_600_000,
  sign_in: 15 * 60_000,
};

/** A contact a portal token may sign in: both the contact and the client are live. */
export type PortalTokenHolder = ClientContactsTable & { client_name: string };

export const tokenUnusable = (purpose: PortalTokenPurpose) =>
  new AppError('not_found', purpose === 'invite' ? 'Invitation not found or expired' : 'Link not found or expired', {
    purpose,
  });

/** Stores the SHA-256 of a fresh secret and returns the secret, which only the mail carries. */
export async function issuePortalToken(
  db: Executor,
  contactId: string,
  purpose: PortalTokenPurpose,
  nowMs: number,
): Promise<string> {
  const secret = newSecret(purpose === 'invite' ? 'pinv' : 'plnk');
  await db
    .insertInto('portal_tokens')
    .values({
      token_hash: sha256Hex(secret),
      contact_id: contactId,
      purpose,
      created_at: nowMs,
      expires_at: nowMs + TOKEN_TTL_MS[purpose],
      used_at: null,
    })
    .execute();
  return secret;
}

function holderQuery(db: Executor, secret: string, purpose: PortalTokenPurpose, nowMs: number) {
  return db
    .selectFrom('portal_tokens')
    .innerJoin('client_contacts', 'client_contacts.id', 'portal_tokens.contact_id')
    .innerJoin('clients', 'clients.id', 'client_contacts.client_id')
    .selectAll('client_contacts')
    .select('clients.name as client_name')
    .where('portal_tokens.token_hash', '=', sha256Hex(secret))
    .where('portal_tokens.purpose', '=', purpose)
    .where('portal_tokens.used_at', 'is', null)
    .where('portal_tokens.expires_at', '>', nowMs)
    .where('client_contacts.archived_at', 'is', null)
    .where('clients.archived_at', 'is', null);
}

/** The contact behind a still-usable token, without using it (to show the page the link opens). */
export async function peekPortalToken(
  db: Executor,
  secret: string,
  purpose: PortalTokenPurpose,
  nowMs: number,
): Promise<PortalTokenHolder> {
  const row = await holderQuery(db, secret, purpose, nowMs).executeTakeFirst();
  if (!row) throw tokenUnusable(purpose);
  return row;
}

/**
 * Uses a token once: a conditional update claims it, so two concurrent uses get one success and
 * one not_found. Call inside the transaction that acts on the contact.
 */
export async function consumePortalToken(
  db: Executor,
  secret: string,
  purpose: PortalTokenPurpose,
  nowMs: number,
): Promise<PortalTokenHolder> {
  const holder = await peekPortalToken(db, secret, purpose, nowMs);
  const res = await db
    .updateTable('portal_tokens')
    .set({ used_at: nowMs })
    .where('token_hash', '=', sha256Hex(secret))
    .where('used_at', 'is', null)
    .where('expires_at', '>', nowMs)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) throw tokenUnusable(purpose);
  return holder;
}
