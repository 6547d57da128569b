import { z } from 'zod';
import { notFound } from '../../errors.ts';
import { newId, newSecret, sha256Hex } from '../../ids.ts';
import type { Executor, StatusSubscribersTable } from '../../storage/schema.ts';
import type { Ctx } from '../context.ts';
import { inTransaction } from '../incidents/incident-lifecycle.ts';

// Double opt-in. The confirmation secret is kept only as its SHA-256; when it was sent (for the
// 48 h expiry and the 10 min re-send limit) is the 'confirmation' row in subscriber_notifications,
// whose dedupe key carries a 10-minute bucket so concurrent requests claim one send between them.

export const CONFIRM_TTL_MS = 48 * 3_600_000;
export const RESEND_AFTER_MS = 10 * 60_000;
const CONFIRMATION = 'confirmation';

const emailSchema = z.email().max(254);

/** The address as stored (trimmed, lowercased), or null when it is not a plausible e-mail address. */
export function normalizeEmail(input: unknown): string | null {
  if (typeof input !== 'string') return null;
  const email = input.trim().toLowerCase();
  return emailSchema.safeParse(email).success ? email : null;
}

export type ConfirmationToSend = {
  subscriberId: string;
  email: string;
  confirmToken: string;
  unsubscribeToken: string;
};

/**
 * Asks for a subscription. Returns the confirmation to mail, or null when nothing is sent (already
 * confirmed, or a confirmation went out less than 10 minutes ago). The caller answers the same
 * either way, so the form never tells whether an address is subscribed.
 */
export async function requestSubscription(
  ctx: Ctx,
  page: { id: string; language: StatusSubscribersTable['language'] },
  email: string,
): Promise<ConfirmationToSend | null> {
  const nowMs = ctx.clock.now();
  const existing = await ctx.db
    .selectFrom('status_subscribers')
    .selectAll()
    .where('page_id', '=', page.id)
    .where('email', '=', email)
    .executeTakeFirst();
  if (existing?.status === 'confirmed') return null;
  if (existing) {
    const lastMs = await lastConfirmationAt(ctx.db, existing.id);
    if (lastMs !== null && nowMs - lastMs < RESEND_AFTER_MS) return null;
  }
  const confirmToken = newSecret('sconf');
  return inTransaction(ctx.db, async (trx) => {
    let sub: StatusSubscribersTable;
    if (existing) {
      const res = await trx
        .updateTable('status_subscribers')
        .set({ status: 'pending', confirm_token_hash: sha256Hex(confirmToken), language: page.language })
        .where('id', '=', existing.id)
        .where('status', '=', existing.status)
        .executeTakeFirst();
      if (Number(res.numUpdatedRows) !== 1) return null;
      sub = existing;
    } else {
      sub = {
        id: newId('ssub'),
        page_id: page.id,
        email,
        language: page.language,
        status: 'pending',
        confirm_token_hash: sha256Hex(confirmToken),
        unsubscribe_token: newSecret('sunsub'),
        created_at: nowMs,
        confirmed_at: null,
        unsubscribed_at: null,
      };
      const res = await trx
        .insertInto('status_subscribers')
        .values(sub)
        .onConflict((oc) => oc.doNothing())
        .executeTakeFirst();
      if (Number(res.numInsertedOrUpdatedRows ?? 0n) !== 1) return null;
    }
    const claimed = await trx
      .insertInto('subscriber_notifications')
      .values({
        dedupe_key: `${CONFIRMATION}:${sub.id}:${Math.floor(nowMs / RESEND_AFTER_MS)}`,
        subscriber_id: sub.id,
        event_kind: CONFIRMATION,
        created_at: nowMs,
      })
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    if (Number(claimed.numInsertedOrUpdatedRows ?? 0n) !== 1) throw new LostRace();
    return { subscriberId: sub.id, email, confirmToken, unsubscribeToken: sub.unsubscribe_token };
  }).catch((err) => {
    if (err instanceof LostRace) return null;
    throw err;
  });
}

class LostRace extends Error {}

/** Forgets a confirmation whose mail could not be sent, so the visitor may ask again at once. */
export async function forgetConfirmation(ctx: Ctx, subscriberId: string): Promise<void> {
  const lastMs = await lastConfirmationAt(ctx.db, subscriberId);
  if (lastMs === null) return;
  await ctx.db
    .deleteFrom('subscriber_notifications')
    .where('subscriber_id', '=', subscriberId)
    .where('event_kind', '=', CONFIRMATION)
    .where('created_at', '=', lastMs)
    .execute();
}

async function lastConfirmationAt(db: Executor, subscriberId: string): Promise<number | null> {
  const row = await db
    .selectFrom('subscriber_notifications')
    .select((eb) => eb.fn.max('created_at').as('last'))
    .where('subscriber_id', '=', subscriberId)
    .where('event_kind', '=', CONFIRMATION)
    .executeTakeFirst();
  return row?.last == null ? null : Number(row.last);
}

/** The pending subscriber of this page holding this unexpired confirmation secret; 404 otherwise. */
export async function findPendingByToken(ctx: Ctx, pageId: string, token: string): Promise<StatusSubscribersTable> {
  const sub = await ctx.db
    .selectFrom('status_subscribers')
    .selectAll()
    .where('page_id', '=', pageId)
    .where('confirm_token_hash', '=', sha256Hex(token))
    .where('status', '=', 'pending')
    .executeTakeFirst();
  if (!sub) throw notFound('Subscription');
  const sentMs = await lastConfirmationAt(ctx.db, sub.id);
  if (sentMs === null || ctx.clock.now() - sentMs > CONFIRM_TTL_MS) throw notFound('Subscription');
  return sub;
}

export async function confirmSubscription(ctx: Ctx, pageId: string, token: string): Promise<void> {
  const sub = await findPendingByToken(ctx, pageId, token);
  const res = await ctx.db
    .updateTable('status_subscribers')
    .set({ status: 'confirmed', confirmed_at: ctx.clock.now(), confirm_token_hash: null })
    .where('id', '=', sub.id)
    .where('confirm_token_hash', '=', sha256Hex(token))
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) throw notFound('Subscription');
}

/** The subscriber of this page whose messages carry this unsubscribe secret; 404 otherwise. */
export async function findByUnsubscribeToken(ctx: Ctx, pageId: string, token: string) {
  const sub = await ctx.db
    .selectFrom('status_subscribers')
    .selectAll()
    .where('page_id', '=', pageId)
    .where('unsubscribe_token', '=', token)
    .executeTakeFirst();
  if (!sub) throw notFound('Subscription');
  return sub;
}

/** One click, no questions: idempotent, so a mail client's automatic POST and a person's agree. */
export async function unsubscribe(ctx: Ctx, pageId: string, token: string): Promise<void> {
  const sub = await findByUnsubscribeToken(ctx, pageId, token);
  if (sub.status === 'unsubscribed') return;
  await ctx.db
    .updateTable('status_subscribers')
    .set({ status: 'unsubscribed', unsubscribed_at: ctx.clock.now(), confirm_token_hash: null })
    .where('id', '=', sub.id)
    .where('status', '!=', 'unsubscribed')
    .execute();
}
