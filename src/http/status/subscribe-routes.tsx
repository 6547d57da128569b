import type { Context } from 'hono';
import type { Ctx } from '../../domain/context.ts';
import { findServablePage, toPublicPage } from '../../domain/statuspage/public-page.ts';
import type { PublicPageKey } from '../../domain/statuspage/public-types.ts';
import { mailText, type SendMail, sendAndLog, subscriberMail } from '../../domain/statuspage/subscriber-mail.ts';
import {
  confirmSubscription,
  findByUnsubscribeToken,
  findPendingByToken,
  forgetConfirmation,
  normalizeEmail,
  requestSubscription,
  unsubscribe,
} from '../../domain/statuspage/subscribers.ts';
import { toAppError } from '../errors.ts';
import { clientIp } from '../pages/session.ts';
import { createIpRateLimiter, type IpRateLimiter } from './ip-rate-limit.ts';
import { pageText } from './page-text.ts';
import { HONEYPOT_FIELD, NoticePage, SubscribeAgainPage } from './subscribe-views.tsx';

export type SubscribeDeps = {
  ctx: Ctx;
  trustProxy?: boolean;
  /** Sends confirmation mail; without it mail is only logged for the console's outbox. */
  sendMail?: SendMail;
  limiter?: IpRateLimiter;
  logger?: { warn(obj: object, msg: string): void };
};

const CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src https: http: data:; base-uri 'none'; form-action 'self'";
const TOKEN = '[A-Za-z0-9_-]{10,100}';
const CONFIRM_PATH = new RegExp(`^/subscribe/confirm/(${TOKEN})$`);
const UNSUBSCRIBE_PATH = new RegExp(`^/unsubscribe/(${TOKEN})$`);
/** A person mistyping a few times passes; a script filling the form does not. */
const SUBSCRIBES_PER_IP = { limit: 10, windowMs: 15 * 60_000 };

const storeOnly: SendMail = async () => ({ delivery: 'stored' });

/**
 * Subscribe, confirm and unsubscribe under a page (/status/<slug>/… or a custom domain's root).
 * Returns null for any other path so the caller answers it. No session: the subscribe form is
 * guarded by an Origin check, a honeypot field and a per-IP limit; the other two by their secrets.
 */
export function createSubscribeHandler(deps: SubscribeDeps) {
  const limiter = deps.limiter ?? createIpRateLimiter(SUBSCRIBES_PER_IP);
  const send = deps.sendMail ?? storeOnly;

  return async function handle(c: Context, key: PublicPageKey, home: string, base: string, subPath: string) {
    const method = c.req.method;
    const ours = subPath === '/subscribe' || CONFIRM_PATH.test(subPath) || UNSUBSCRIBE_PATH.test(subPath);
    if (!ours) return null;
    if (method !== 'GET' && method !== 'POST') return c.text('Method not allowed', 405, { Allow: 'GET, POST' });
    const servable = await findServablePage(deps.ctx.db, key);
    if (!servable) return null;
    const row = servable.row;
    const page = toPublicPage(servable);
    const text = pageText(page.language, page.timeZone);
    const frame = { page, text, links: { home } };
    const { t } = text;
    const html = (node: unknown, status: 200 | 400 | 403 | 404 | 429 = 200) => {
      c.header('Cache-Control', 'no-store');
      c.header('Content-Security-Policy', CSP);
      c.header('X-Content-Type-Options', 'nosniff');
      // The URL holds a secret: no referrer to other sites. Not 'no-referrer': Chromium would then send
      // "Origin: null" with the confirm button's POST, and sameOrigin() would refuse it.
      c.header('Referrer-Policy', 'same-origin');
      return c.html(`<!doctype html>${node}`, status);
    };

    if (subPath === '/subscribe') {
      if (method !== 'POST') return c.redirect(home || '/', 303);
      if (!sameOrigin(c, base)) return c.text('Cross-origin form posts are refused', 403);
      const form = await c.req.parseBody();
      const typed = typeof form.email === 'string' ? form.email.slice(0, 300) : '';
      const answered = () =>
        html(NoticePage({ ...frame, heading: t('subscribeHeading'), message: t('subscribeSent') }));
      if (typeof form[HONEYPOT_FIELD] === 'string' && form[HONEYPOT_FIELD] !== '') return answered();
      const allowed = limiter.take(clientIp(c, deps), deps.ctx.clock.now());
      if (!allowed.ok) {
        c.header('Retry-After', String(allowed.retryAfterS));
        return html(SubscribeAgainPage({ ...frame, email: typed, error: t('subscribeLimited') }), 429);
      }
      const email = normalizeEmail(typed);
      if (!email) return html(SubscribeAgainPage({ ...frame, email: typed, error: t('subscribeInvalid') }), 400);
      const owed = await requestSubscription(deps.ctx, { id: row.id, language: row.language }, email);
      if (owed) {
        const mt = mailText(row.language, row.time_zone);
        const mail = subscriberMail({
          to: email,
          text: mt,
          pageTitle: row.title,
          subject: mt.t('mailConfirmSubject', { title: row.title }),
          paragraphs: [
            `${mt.t('mailConfirmBody', { title: row.title })}\n${base}/subscribe/confirm/${owed.confirmToken}`,
            mt.t('mailConfirmIgnore'),
          ],
          unsubscribeUrl: `${base}/unsubscribe/${owed.unsubscribeToken}`,
        });
        try {
          await sendAndLog(deps.ctx.db, send, mail, deps.ctx.clock.now());
        } catch (err) {
          // Same answer as ever (it must not reveal the address); the visitor may simply try again.
          deps.logger?.warn({ err, pageId: row.id }, 'subscription confirmation mail failed');
          await forgetConfirmation(deps.ctx, owed.subscriberId);
        }
      }
      return answered();
    }

    try {
      const confirm = CONFIRM_PATH.exec(subPath);
      if (confirm) {
        const token = confirm[1] as string;
        // A link only shows a button: mail scanners that open links must not subscribe anyone.
        if (method === 'GET') {
          const sub = await findPendingByToken(deps.ctx, row.id, token);
          return html(
            NoticePage({
              ...frame,
              heading: t('confirmHeading'),
              message: t('confirmQuestion', { title: row.title, email: sub.email }),
              form: { action: `${home}${subPath}`, button: t('confirmButton') },
            }),
          );
        }
        if (!sameOrigin(c, base)) return c.text('Cross-origin form posts are refused', 403);
        await confirmSubscription(deps.ctx, row.id, token);
        return html(NoticePage({ ...frame, heading: t('confirmHeading'), message: t('confirmDone') }));
      }
      const token = UNSUBSCRIBE_PATH.exec(subPath)?.[1] as string;
      if (method === 'GET') {
        const sub = await findByUnsubscribeToken(deps.ctx, row.id, token);
        if (sub.status === 'unsubscribed')
          return html(NoticePage({ ...frame, heading: t('unsubscribeHeading'), message: t('unsubscribeDone') }));
        return html(
          NoticePage({
            ...frame,
            heading: t('unsubscribeHeading'),
            message: t('unsubscribeQuestion', { title: row.title, email: sub.email }),
            form: { action: `${home}${subPath}`, button: t('unsubscribeButton') },
          }),
        );
      }
      // No Origin check: RFC 8058 one-click POSTs come from the mail provider; the secret suffices.
      await unsubscribe(deps.ctx, row.id, token);
      return html(NoticePage({ ...frame, heading: t('unsubscribeHeading'), message: t('unsubscribeDone') }));
    } catch (err) {
      if (toAppError(err)?.code === 'not_found') return null;
      throw err;
    }
  };
}

/** The form was posted from this page's own address (the public URL or the custom domain). */
function sameOrigin(c: Context, base: string): boolean {
  const origin = c.req.header('origin');
  if (!origin || origin === 'null') return false;
  try {
    const host = new URL(origin).host;
    return host === new URL(base).host || host === c.req.header('host');
  } catch {
    return false;
  }
}
