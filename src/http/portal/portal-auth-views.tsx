import type { Locale } from '../../domain/shared/validation.ts';
import { translator } from '../../i18n/catalog.ts';
import { portalAuthCatalog } from '../../i18n/portal-auth.ts';
import type { PortalAgency } from './portal-env.ts';
import { PortalAuthLayout } from './portal-layout.tsx';

type Common = { locale: Locale; agency: PortalAgency; csrfToken: string };

const tr = (locale: Locale) => translator(portalAuthCatalog, locale);

function Csrf(p: { token: string }) {
  return <input type="hidden" name="_csrf" value={p.token} />;
}

function Message(p: { error?: string; notice?: string }) {
  return (
    <>
      {p.error && (
        <div class="error-summary" role="alert">
          {p.error}
        </div>
      )}
      {p.notice && (
        <p class="notice" role="status">
          {p.notice}
        </p>
      )}
    </>
  );
}

export function LoginView(p: Common & { email?: string; error?: string; notice?: string }) {
  const t = tr(p.locale);
  return (
    <PortalAuthLayout title={t('login.title')} locale={p.locale} agency={p.agency}>
      <div class="card">
        <h1>{t('login.title')}</h1>
        <p class="muted">{t('login.intro')}</p>
        <Message error={p.error} notice={p.notice} />
        <form method="post" action="/portal/login">
          <Csrf token={p.csrfToken} />
          <div class="field">
            <label for="email">{t('login.email')}</label>
            <input id="email" name="email" type="email" value={p.email} required autocomplete="username" />
          </div>
          <div class="field">
            <label for="password">{t('login.password')}</label>
            <input id="password" name="password" type="password" required autocomplete="current-password" />
          </div>
          <button class="btn block" type="submit">
            {t('login.submit')}
          </button>
        </form>
        <p class="alt">
          {t('login.or')} <a href={`/portal/login/link?lang=${p.locale}`}>{t('login.linkInstead')}</a>
        </p>
      </div>
    </PortalAuthLayout>
  );
}

export function LinkRequestView(p: Common & { sent?: boolean }) {
  const t = tr(p.locale);
  return (
    <PortalAuthLayout title={t('link.title')} locale={p.locale} agency={p.agency}>
      <div class="card">
        <h1>{t('link.title')}</h1>
        {p.sent ? (
          <p class="notice" role="status">
            {t('link.sent')}
          </p>
        ) : (
          <>
            <p class="muted">{t('link.intro')}</p>
            <form method="post" action="/portal/login/link">
              <Csrf token={p.csrfToken} />
              <input type="hidden" name="lang" value={p.locale} />
              <div class="field">
                <label for="email">{t('login.email')}</label>
                <input id="email" name="email" type="email" required autocomplete="email" />
              </div>
              <button class="btn block" type="submit">
                {t('link.submit')}
              </button>
            </form>
          </>
        )}
        <p class="alt">
          <a href={`/portal/login?lang=${p.locale}`}>{t('link.backToPassword')}</a>
        </p>
      </div>
    </PortalAuthLayout>
  );
}

/** The page a mailed link opens: one button, so a mail scanner fetching the link does not use it up. */
export function LinkConfirmView(p: Common & { token: string; company: string }) {
  const t = tr(p.locale);
  return (
    <PortalAuthLayout title={t('link.confirmTitle')} locale={p.locale} agency={p.agency}>
      <div class="card">
        <h1>{t('link.confirmTitle')}</h1>
        <p>{t('link.confirmIntro', { company: p.company })}</p>
        <form method="post" action="/portal/link">
          <Csrf token={p.csrfToken} />
          <input type="hidden" name="token" value={p.token} />
          <button class="btn block" type="submit">
            {t('link.confirmSubmit')}
          </button>
        </form>
      </div>
    </PortalAuthLayout>
  );
}

export function ChooseCompanyView(p: Common & { choices: Array<{ clientName: string; token: string }> }) {
  const t = tr(p.locale);
  return (
    <PortalAuthLayout title={t('choose.title')} locale={p.locale} agency={p.agency}>
      <div class="card">
        <h1>{t('choose.title')}</h1>
        <p>{t('choose.intro')}</p>
        <form method="post" action="/portal/link">
          <Csrf token={p.csrfToken} />
          <ul class="choices">
            {p.choices.map((ch) => (
              <li>
                <button class="btn secondary block" type="submit" name="token" value={ch.token}>
                  {ch.clientName}
                </button>
              </li>
            ))}
          </ul>
        </form>
      </div>
    </PortalAuthLayout>
  );
}

export function InviteView(p: Common & { token: string; name: string; company: string; error?: string }) {
  const t = tr(p.locale);
  return (
    <PortalAuthLayout title={t('invite.title')} locale={p.locale} agency={p.agency}>
      <div class="card">
        <h1>{t('invite.title')}</h1>
        <p>{t('invite.intro', { name: p.name, company: p.company })}</p>
        <Message error={p.error} />
        <form method="post" action={`/portal/invite/${p.token}`}>
          <Csrf token={p.csrfToken} />
          <div class="field">
            <label for="password">{t('invite.password')}</label>
            <input
              id="password"
              name="password"
              type="password"
              required
              minlength={10}
              autocomplete="new-password"
              aria-describedby="password-hint"
            />
            <p class="hint" id="password-hint">
              {t('invite.passwordHint')}
            </p>
          </div>
          <div class="field">
            <label for="confirm">{t('invite.confirm')}</label>
            <input id="confirm" name="confirm" type="password" required minlength={10} autocomplete="new-password" />
          </div>
          <button class="btn block" type="submit">
            {t('invite.submit')}
          </button>
        </form>
      </div>
    </PortalAuthLayout>
  );
}

/** A dead link, a refused form, a missing page: said in the visitor's language, nothing more. */
export function PortalMessageView(p: { locale: Locale; agency: PortalAgency; title: string; message: string }) {
  const t = tr(p.locale);
  return (
    <PortalAuthLayout title={p.title} locale={p.locale} agency={p.agency}>
      <div class="card">
        <h1>{p.title}</h1>
        <p>{p.message}</p>
        <p>
          <a href={`/portal/login?lang=${p.locale}`}>{t('error.backHome')}</a>
        </p>
      </div>
    </PortalAuthLayout>
  );
}
