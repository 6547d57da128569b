import type { Child } from 'hono/jsx';
import type { Locale } from '../../domain/shared/validation.ts';
import { translator } from '../../i18n/catalog.ts';
import { portalAuthCatalog } from '../../i18n/portal-auth.ts';
import type { PortalAgency, PortalContact } from './portal-env.ts';
import { PORTAL_STYLES } from './portal-styles.ts';

export type PortalSection = 'overview' | 'incidents' | 'sla' | 'plan' | 'support';

const NAV: Array<{ key: PortalSection; href: string }> = [
  { key: 'overview', href: '/portal' },
  { key: 'incidents', href: '/portal/incidents' },
  { key: 'sla', href: '/portal/sla' },
  { key: 'plan', href: '/portal/plan' },
  { key: 'support', href: '/portal/support' },
];

function Document(p: { title: string; locale: Locale; agency: PortalAgency; head: Child; children: Child }) {
  const t = translator(portalAuthCatalog, p.locale);
  return (
    <html lang={p.locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{`${p.title} · ${p.agency.name}`}</title>
        {/* Raw: PORTAL_STYLES is a constant, never user input. */}
        <style dangerouslySetInnerHTML={{ __html: PORTAL_STYLES }} />
      </head>
      <body>
        <a class="skip" href="#main">
          {t('skipToContent')}
        </a>
        <header class="p-header">{p.head}</header>
        <main id="main">{p.children}</main>
      </body>
    </html>
  );
}

function Brand(p: { agency: PortalAgency; locale: Locale; href: string }) {
  const t = translator(portalAuthCatalog, p.locale);
  return (
    <a class="p-brand" href={p.href}>
      {p.agency.logoUrl && <img src={p.agency.logoUrl} alt="" />}
      <span>
        {p.agency.name}
        <small>{t('portalName')}</small>
      </span>
    </a>
  );
}

/** The signed-in portal's page shell: agency branding, navigation, the contact and sign-out. */
export function PortalLayout(p: {
  title: string;
  portal: PortalContact;
  csrfToken: string;
  active?: PortalSection;
  flash?: string;
  children: Child;
}) {
  const locale = p.portal.language;
  const t = translator(portalAuthCatalog, locale);
  const agency = p.portal.agency ?? { name: 'Steward', logoUrl: null };
  const head = (
    <>
      <div class="p-bar">
        <Brand agency={agency} locale={locale} href="/portal" />
        <form method="post" action="/portal/logout" class="p-who">
          <input type="hidden" name="_csrf" value={p.csrfToken} />
          <span>{t('signedInAs', { name: p.portal.name, company: p.portal.clientName })}</span>
          <button type="submit" class="link">
            {t('signOut')}
          </button>
        </form>
      </div>
      <nav class="p-nav" aria-label={t('nav.label')}>
        <ul>
          {NAV.map((n) => (
            <li>
              <a href={n.href} aria-current={p.active === n.key ? 'page' : undefined}>
                {t(`nav.${n.key}`)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
    </>
  );
  return (
    <Document title={p.title} locale={locale} agency={agency} head={head}>
      {p.flash && (
        <p class="flash" role="status">
          {p.flash}
        </p>
      )}
      {p.children}
    </Document>
  );
}

/** The shell of the pages before sign-in (sign-in, link, invitation): branding only. */
export function PortalAuthLayout(p: { title: string; locale: Locale; agency: PortalAgency; children: Child }) {
  const head = (
    <div class="p-bar">
      <Brand agency={p.agency} locale={p.locale} href="/portal/login" />
    </div>
  );
  return (
    <Document title={p.title} locale={p.locale} agency={p.agency} head={head}>
      <div class="auth">{p.children}</div>
    </Document>
  );
}
