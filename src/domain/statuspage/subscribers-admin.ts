import { notFound } from '../../errors.ts';
import type { StatusSubscribersTable } from '../../storage/schema.ts';
import type { Actor, Ctx } from '../context.ts';
import { inTransaction } from '../incidents/incident-lifecycle.ts';
import { requireRole } from '../shared/permissions.ts';
import { findPageRow } from './page-rows.ts';

export type SubscriberView = {
  id: string;
  email: string;
  language: StatusSubscribersTable['language'];
  status: StatusSubscribersTable['status'];
  createdAt: string;
  confirmedAt: string | null;
  unsubscribedAt: string | null;
};

export type SubscriberList = {
  counts: Record<StatusSubscribersTable['status'], number>;
  data: SubscriberView[];
};

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** A page's subscribers, newest first, with counts per status. No secrets. */
export async function listStatusPageSubscribers(ctx: Ctx, _actor: Actor, pageId: string): Promise<SubscriberList> {
  await findPageRow(ctx.db, pageId);
  const rows = await ctx.db
    .selectFrom('status_subscribers')
    .select(['id', 'email', 'language', 'status', 'created_at', 'confirmed_at', 'unsubscribed_at'])
    .where('page_id', '=', pageId)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
  const counts = { pending: 0, confirmed: 0, unsubscribed: 0 };
  for (const r of rows) counts[r.status]++;
  return {
    counts,
    data: rows.map((r) => ({
      id: r.id,
      email: r.email,
      language: r.language,
      status: r.status,
      createdAt: new Date(r.created_at).toISOString(),
      confirmedAt: iso(r.confirmed_at),
      unsubscribedAt: iso(r.unsubscribed_at),
    })),
  };
}

/** Deletes the subscriber and its notification log (the address is personal data); 404 across pages. */
export async function removeStatusPageSubscriber(
  ctx: Ctx,
  actor: Actor,
  pageId: string,
  subscriberId: string,
): Promise<void> {
  requireRole(actor, 'admin', 'change status pages');
  await findPageRow(ctx.db, pageId);
  await inTransaction(ctx.db, async (trx) => {
    const sub = await trx
      .selectFrom('status_subscribers')
      .select('id')
      .where('id', '=', subscriberId)
      .where('page_id', '=', pageId)
      .executeTakeFirst();
    if (!sub) throw notFound('Subscriber');
    await trx.deleteFrom('subscriber_notifications').where('subscriber_id', '=', sub.id).execute();
    await trx.deleteFrom('status_subscribers').where('id', '=', sub.id).execute();
  });
}
