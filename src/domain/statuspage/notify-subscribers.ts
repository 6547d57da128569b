import type { Executor, StatusPagesTable } from '../../storage/schema.ts';
import type { Ctx } from '../context.ts';
import { findServablePage } from './public-page.ts';
import { collectSubscriberEvents } from './subscriber-events.ts';
import { mailText, type SendMail, sendAndLog, subscriberMail } from './subscriber-mail.ts';

/** Events older than this are not mailed any more (a worker that was down for hours sends no stale news). */
export const NOTIFY_LOOKBACK_MS = 6 * 3_600_000;

export type NotifyOptions = {
  send: SendMail;
  /** STEWARD_PUBLIC_URL: links for pages without a custom domain. */
  publicUrl?: string;
  logger?: { warn(obj: object, msg: string): void };
};

export type NotifyOutcome = { sent: number; failed: number };

/**
 * One sweep: every recent event of every page with confirmed subscribers, mailed to each
 * subscriber confirmed before it happened. A row in subscriber_notifications (primary key
 * "<event>:<subscriber>") is claimed before sending, so overlapping sweeps and workers send once;
 * a failed send gives the claim back and the next sweep retries.
 */
export async function notifySubscribers(ctx: Ctx, o: NotifyOptions): Promise<NotifyOutcome> {
  const nowMs = ctx.clock.now();
  const outcome: NotifyOutcome = { sent: 0, failed: 0 };
  const pageIds = await ctx.db
    .selectFrom('status_subscribers')
    .select('page_id')
    .distinct()
    .where('status', '=', 'confirmed')
    .execute();
  for (const { page_id } of pageIds) {
    const row = await ctx.db
      .selectFrom('status_pages')
      .selectAll()
      .where('id', '=', page_id)
      .where('archived_at', 'is', null)
      .where('published', '=', 1)
      .executeTakeFirst();
    // A page taken offline (unpublished, archived, or its plan downgraded) sends nothing either.
    if (!row || !(await findServablePage(ctx.db, { slug: row.slug }))) continue;
    const base = await pageBaseUrl(ctx.db, row, o.publicUrl);
    if (!base) {
      o.logger?.warn(
        { pageId: row.id },
        'status page subscribers not notified: set STEWARD_PUBLIC_URL or attach a domain',
      );
      continue;
    }
    const events = await collectSubscriberEvents(ctx.db, row, nowMs - NOTIFY_LOOKBACK_MS, nowMs);
    if (events.length === 0) continue;
    const subscribers = await ctx.db
      .selectFrom('status_subscribers')
      .selectAll()
      .where('page_id', '=', row.id)
      .where('status', '=', 'confirmed')
      .execute();
    for (const event of events) {
      for (const sub of subscribers) {
        if (sub.confirmed_at === null || sub.confirmed_at > event.atMs) continue;
        const dedupeKey = `${event.key}:${sub.id}`;
        const claimed = await ctx.db
          .insertInto('subscriber_notifications')
          .values({ dedupe_key: dedupeKey, subscriber_id: sub.id, event_kind: event.kind, created_at: nowMs })
          .onConflict((oc) => oc.doNothing())
          .executeTakeFirst();
        if (Number(claimed.numInsertedOrUpdatedRows ?? 0n) !== 1) continue;
        const text = mailText(sub.language, row.time_zone);
        const body = event.render(text, row.title);
        const mail = subscriberMail({
          to: sub.email,
          text,
          pageTitle: row.title,
          subject: body.subject,
          paragraphs: body.paragraphs,
          detailsUrl: `${base}${body.detailsPath}`,
          unsubscribeUrl: `${base}/unsubscribe/${sub.unsubscribe_token}`,
        });
        try {
          await sendAndLog(ctx.db, o.send, mail, ctx.clock.now());
          outcome.sent++;
        } catch (err) {
          outcome.failed++;
          o.logger?.warn(
            { err, subscriberId: sub.id, event: event.key },
            'subscriber mail failed; retrying next sweep',
          );
          await ctx.db.deleteFrom('subscriber_notifications').where('dedupe_key', '=', dedupeKey).execute();
        }
      }
    }
  }
  return outcome;
}

/** Where the page lives for mail links: its first custom domain (HTTPS), else /status/<slug>. */
async function pageBaseUrl(db: Executor, page: StatusPagesTable, publicUrl: string | undefined) {
  const domain = await db
    .selectFrom('status_page_domains')
    .select('host')
    .where('page_id', '=', page.id)
    .orderBy('created_at')
    .orderBy('host')
    .executeTakeFirst();
  if (domain) return `https://${domain.host}`;
  return publicUrl ? `${publicUrl.replace(/\/+$/, '')}/status/${page.slug}` : null;
}
