import { Hono } from 'hono';
import { getCookie } from 'hono/cookie';
import { csrf } from 'hono/csrf';
import { acceptPortalInvitation } from '../../domain/portal/accept-invitation.ts';
import type { SendMail } from '../../domain/portal/portal-mail.ts';
import { signOutPortal } from '../../domain/portal/portal-sessions.ts';
import { signInToPortal, signInWithPortalToken } from '../../domain/portal/portal-sign-in.ts';
import { peekPortalToken } from '../../domain/portal/portal-tokens.ts';
import { requestPortalSignInLink } from '../../domain/portal/request-sign-in-link.ts';
import { translator } from '../../i18n/catalog.ts';
import { portalAuthCatalog } from '../../i18n/portal-auth.ts';
import { statusByCode, toAppError } from '../errors.ts';
import { type ConsoleOptions, clientIp } from '../pages/session.ts';
import {
  ChooseCompanyView,
  InviteView,
  LinkConfirmView,
  LinkRequestView,
  LoginView,
  PortalMessageView,
} from './portal-auth-views.tsx';
import { registerPortalContent } from './portal-content.tsx';
import type { PortalEnv } from './portal-env.ts';
import { PortalLayout } from './portal-layout.tsx';
import { pickLocale, toLocale } from './portal-locale.ts';
import {
  clearPortalCookie,
  loadPortalSession,
  PORTAL_COOKIE,
  readAgency,
  requirePortalContact,
  setPortalCookie,
  setPortalFlash,
  takePortalFlash,
  verifyPortalCsrf,
} from './portal-session.ts';

export type PortalDeps = ConsoleOptions & { sendMail?: SendMail };

const storeOnly: SendMail = async () => ({ delivery: 'stored' });
const str = (v: unknown) => (typeof v === 'string' ? v : '');

/** The client portal under /portal: sign-in (password or mailed link), invitations, then the content pages. */
export function createPortal(deps: PortalDeps) {
  const app = new Hono<PortalEnv>();
  const sendMail = deps.sendMail ?? storeOnly;
  app.use('*', async (c, next) => {
    await next();
    c.header('Cache-Control', 'no-store');
    c.header('X-Frame-Options', 'DENY');
    c.header('Referrer-Policy', 'no-referrer'); // links carry one-time secrets
  });
  app.use('*', csrf());
  app.use('*', loadPortalSession(deps));
  app.use('*', verifyPortalCsrf);

  const baseUrl = (c: { var: PortalEnv['Variables']; req: { url: string } }) =>
    c.var.publicUrl ?? new URL(c.req.url).origin;

  app.get('/login', async (c) => {
    if (c.var.portal) return c.redirect('/portal', 303);
    const locale = pickLocale(c);
    const notice = takePortalFlash(c) === 'signedOut' ? translator(portalAuthCatalog, locale)('signedOut') : undefined;
    const agency = await readAgency(c);
    return c.html(<LoginView locale={locale} agency={agency} csrfToken={c.var.csrfToken} notice={notice} />);
  });

  app.post('/login', async (c) => {
    const form = await c.req.parseBody();
    const email = str(form.email);
    const locale = pickLocale(c, str(form.lang) || undefined);
    const t = translator(portalAuthCatalog, locale);
    const agency = await readAgency(c);
    try {
      const ip = clientIp(c, deps);
      const result = await signInToPortal(c.var.ctx, { email, password: str(form.password), ip });
      if (result.kind === 'signed_in') {
        setPortalCookie(c, deps, result.session.token);
        return c.redirect('/portal', 303);
      }
      return c.html(
        <ChooseCompanyView locale={locale} agency={agency} csrfToken={c.var.csrfToken} choices={result.choices} />,
      );
    } catch (err) {
      const e = toAppError(err);
      if (!e || !['unauthenticated', 'rate_limited', 'invalid'].includes(e.code)) throw err;
      let error = t('login.wrong');
      if (e.code === 'rate_limited') {
        const retryAfterS = (e.details as { retryAfterS?: number } | undefined)?.retryAfterS ?? 900;
        c.header('Retry-After', String(retryAfterS));
        error = t('login.throttled', { count: Math.ceil(retryAfterS / 60) });
      }
      const view = (
        <LoginView locale={locale} agency={agency} csrfToken={c.var.csrfToken} email={email} error={error} />
      );
      return c.html(view, e.code === 'rate_limited' ? 429 : 401);
    }
  });

  app.get('/login/link', async (c) => {
    const agency = await readAgency(c);
    return c.html(<LinkRequestView locale={pickLocale(c)} agency={agency} csrfToken={c.var.csrfToken} />);
  });

  app.post('/login/link', async (c) => {
    const form = await c.req.parseBody();
    const locale = pickLocale(c, str(form.lang) || undefined);
    try {
      await requestPortalSignInLink(c.var.ctx, sendMail, { email: str(form.email), baseUrl: baseUrl(c) });
    } catch (err) {
      // The answer must not differ for known addresses, so a failed send is logged, not shown.
      c.var.logger.error({ err }, 'portal sign-in link not sent');
    }
    const agency = await readAgency(c);
    return c.html(<LinkRequestView locale={locale} agency={agency} csrfToken={c.var.csrfToken} sent />);
  });

  app.get('/link/:token', async (c) => {
    const agency = await readAgency(c);
    try {
      const holder = await peekPortalToken(c.var.ctx.db, c.req.param('token'), 'sign_in', c.var.ctx.clock.now());
      const locale = toLocale(holder.language);
      return c.html(
        <LinkConfirmView
          locale={locale}
          agency={agency}
          csrfToken={c.var.csrfToken}
          token={c.req.param('token')}
          company={holder.client_name}
        />,
      );
    } catch (err) {
      if (toAppError(err)?.code !== 'not_found') throw err;
      return deadLink(c, 'link.invalid');
    }
  });

  app.post('/link', async (c) => {
    const form = await c.req.parseBody();
    try {
      const session = await signInWithPortalToken(c.var.ctx, str(form.token));
      setPortalCookie(c, deps, session.token);
      return c.redirect('/portal', 303);
    } catch (err) {
      if (toAppError(err)?.code !== 'not_found') throw err;
      return deadLink(c, 'link.invalid');
    }
  });

  app.get('/invite/:token', async (c) => {
    try {
      const holder = await peekPortalToken(c.var.ctx.db, c.req.param('token'), 'invite', c.var.ctx.clock.now());
      return c.html(
        <InviteView
          locale={toLocale(holder.language)}
          agency={await readAgency(c)}
          csrfToken={c.var.csrfToken}
          token={c.req.param('token')}
          name={holder.name}
          company={holder.client_name}
        />,
      );
    } catch (err) {
      if (toAppError(err)?.code !== 'not_found') throw err;
      return deadLink(c, 'invite.invalid');
    }
  });

  app.post('/invite/:token', async (c) => {
    const token = c.req.param('token');
    const form = await c.req.parseBody();
    const password = str(form.password);
    let holder: Awaited<ReturnType<typeof peekPortalToken>>;
    try {
      holder = await peekPortalToken(c.var.ctx.db, token, 'invite', c.var.ctx.clock.now());
    } catch (err) {
      if (toAppError(err)?.code !== 'not_found') throw err;
      return deadLink(c, 'invite.invalid');
    }
    const locale = toLocale(holder.language);
    const t = translator(portalAuthCatalog, locale);
    const again = async (error: string) =>
      c.html(
        <InviteView
          locale={locale}
          agency={await readAgency(c)}
          csrfToken={c.var.csrfToken}
          token={token}
          name={holder.name}
          company={holder.client_name}
          error={error}
        />,
        422,
      );
    if (password.length < 10) return again(t('invite.tooShort'));
    if (password.length > 200) return again(t('invite.tooLong'));
    if (password !== str(form.confirm)) return again(t('invite.mismatch'));
    try {
      const session = await acceptPortalInvitation(c.var.ctx, { token, password });
      setPortalCookie(c, deps, session.token);
      return c.redirect('/portal', 303);
    } catch (err) {
      if (toAppError(err)?.code !== 'not_found') throw err;
      return deadLink(c, 'invite.invalid');
    }
  });

  app.post('/logout', async (c) => {
    const token = getCookie(c, PORTAL_COOKIE);
    if (token) await signOutPortal(c.var.ctx, token);
    clearPortalCookie(c);
    setPortalFlash(c, 'signedOut');
    return c.redirect(`/portal/login?lang=${c.var.portal?.language ?? 'en'}`, 303);
  });

  // Everything else needs a signed-in contact; its pages read only that contact's client.
  app.use('*', requirePortalContact);
  registerPortalContent(app);
  app.all('*', (c) => {
    const t = translator(portalAuthCatalog, c.var.portal.language);
    return c.html(
      <PortalLayout title={t('error.title')} portal={c.var.portal} csrfToken={c.var.csrfToken}>
        <h1>{t('error.title')}</h1>
        <p>{t('error.notFound')}</p>
        <p>
          <a href="/portal">{t('error.backHome')}</a>
        </p>
      </PortalLayout>,
      404,
    );
  });

  app.onError(async (err, c) => {
    const e = toAppError(err);
    if (!e) c.var.logger?.error({ err }, 'unhandled error in portal');
    const locale = c.var.portal?.language ?? pickLocale(c);
    const t = translator(portalAuthCatalog, locale);
    const key =
      e?.code === 'not_found' ? 'error.notFound' : e?.code === 'forbidden' ? 'error.forbidden' : 'error.generic';
    const status = e ? statusByCode[e.code] : 500;
    const agency = await readAgency(c).catch(() => ({ name: 'Steward', logoUrl: null }));
    return c.html(
      <PortalMessageView locale={locale} agency={agency} title={t('error.title')} message={t(key)} />,
      status,
    );
  });

  return app;
}

async function deadLink(c: import('hono').Context<PortalEnv>, key: 'link.invalid' | 'invite.invalid') {
  const locale = pickLocale(c);
  const t = translator(portalAuthCatalog, locale);
  const agency = await readAgency(c);
  return c.html(<PortalMessageView locale={locale} agency={agency} title={t('error.title')} message={t(key)} />, 404);
}
