import type { Child } from 'hono/jsx';
import type { PublicPage } from '../../domain/statuspage/public-types.ts';
import type { PageText } from './page-text.ts';
import { brandVariables, STATUS_STYLES } from './status-styles.ts';

export type Links = {
  /** The page's own address: "/status/acme" or "" on a custom domain. */
  home: string;
};

/** The frame of every public page: brand header, main landmark, footer with links and feeds. */
export function StatusLayout(p: { page: PublicPage; text: PageText; links: Links; title: string; children: Child }) {
  const { page, text } = p;
  const home = p.links.home || '/';
  return (
    <html lang={page.language}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{p.title}</title>
        {page.faviconUrl && <link rel="icon" href={page.faviconUrl} />}
        <link
          rel="alternate"
          type="application/atom+xml"
          title={text.t('feedAtom')}
          href={`${p.links.home}/feed.atom`}
        />
        <link rel="alternate" type="application/rss+xml" title={text.t('feedRss')} href={`${p.links.home}/feed.rss`} />
        {/* Raw: constant CSS plus colours checked against #rrggbb; never free text. */}
        <style
          dangerouslySetInnerHTML={{ __html: brandVariables(page.brandColor, page.accentColor) + STATUS_STYLES }}
        />
      </head>
      <body>
        <a class="skip" href="#main">
          {text.t('skipToContent')}
        </a>
        <header class="masthead">
          <div class="inner">
            <h1>
              <a href={home}>{page.logoUrl ? <img src={page.logoUrl} alt={page.title} /> : page.title}</a>
            </h1>
          </div>
        </header>
        <main id="main">{p.children}</main>
        <footer>
          {page.footerLinks.length > 0 && (
            <nav aria-label={text.t('footerLinks')}>
              <ul>
                {page.footerLinks.map((l) => (
                  <li>
                    <a href={l.url} rel="noopener">
                      {l.label}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          )}
          <p class="feeds">
            {text.t('subscribe')}
            <a href={`${p.links.home}/feed.atom`}>{text.t('feedAtom')}</a>
            <a href={`${p.links.home}/feed.rss`}>{text.t('feedRss')}</a>
            <a href={`${p.links.home}/status.json`}>{text.t('statusJson')}</a>
          </p>
          <p>{text.t('timesIn', { zone: page.timeZone.replaceAll('_', ' ') })}</p>
          {page.showPoweredBy && <p class="powered">{text.t('poweredBy', { name: 'Steward' })}</p>}
        </footer>
      </body>
    </html>
  );
}
