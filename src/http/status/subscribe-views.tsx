import type { PublicPage } from '../../domain/statuspage/public-types.ts';
import type { PageText } from './page-text.ts';
import { type Links, StatusLayout } from './status-layout.tsx';

// The public subscription form and the small pages around it (answer, confirm, unsubscribe).
// Inline styles: the page's stylesheet is shared with every public view and owned elsewhere.

const INPUT =
  'display:block;width:100%;max-width:24rem;font:inherit;padding:.5rem .6rem;border:1px solid #6b7280;border-radius:6px;margin:.25rem 0 .6rem;';
const BUTTON =
  'font:inherit;font-weight:600;padding:.5rem 1rem;border:0;border-radius:6px;background:var(--accent);color:var(--on-accent);cursor:pointer;';
/** Off-screen, not display:none: bots that skip hidden inputs still fill this one; people never see it. */
const TRAP = 'position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden;';

export const HONEYPOT_FIELD = 'website';

export function SubscribeForm(p: { text: PageText; links: Links; email?: string; error?: string }) {
  const { t } = p.text;
  return (
    <section aria-labelledby="subscribe-h">
      <h2 id="subscribe-h">{t('subscribeHeading')}</h2>
      <form class="card" method="post" action={`${p.links.home}/subscribe`}>
        <p class="small muted" id="subscribe-hint" style="margin-top:0">
          {t('subscribeHint')}
        </p>
        <label for="subscribe-email">{t('subscribeEmailLabel')}</label>
        {p.error && (
          <p id="subscribe-error" role="alert" style="color:var(--major);margin:.2rem 0">
            {p.error}
          </p>
        )}
        <input
          id="subscribe-email"
          name="email"
          type="email"
          required
          maxlength={254}
          autocomplete="email"
          value={p.email}
          aria-describedby={p.error ? 'subscribe-hint subscribe-error' : 'subscribe-hint'}
          aria-invalid={p.error ? 'true' : undefined}
          style={INPUT}
        />
        <div style={TRAP} aria-hidden="true">
          <label for="subscribe-website">{t('subscribeTrap')}</label>
          <input id="subscribe-website" name={HONEYPOT_FIELD} type="text" tabindex={-1} autocomplete="off" />
        </div>
        <button type="submit" style={BUTTON}>
          {t('subscribeButton')}
        </button>
      </form>
    </section>
  );
}

type Frame = { page: PublicPage; text: PageText; links: Links };

/** A one-message page: the answer to a subscription, a confirmation or an unsubscription. */
export function NoticePage(p: Frame & { heading: string; message: string; form?: { action: string; button: string } }) {
  return (
    <StatusLayout page={p.page} text={p.text} links={p.links} title={`${p.heading} · ${p.page.title}`}>
      <section class="card" aria-labelledby="notice-h">
        <h2 id="notice-h" style="margin-top:0">
          {p.heading}
        </h2>
        <p role={p.form ? undefined : 'status'}>{p.message}</p>
        {p.form && (
          <form method="post" action={p.form.action}>
            <button type="submit" style={BUTTON}>
              {p.form.button}
            </button>
          </form>
        )}
        <p>
          <a href={p.links.home || '/'}>← {p.text.t('backToStatus')}</a>
        </p>
      </section>
    </StatusLayout>
  );
}

/** The subscription form alone, shown again with the problem (invalid address, too many requests). */
export function SubscribeAgainPage(p: Frame & { email: string; error: string }) {
  return (
    <StatusLayout
      page={p.page}
      text={p.text}
      links={p.links}
      title={`${p.text.t('subscribeHeading')} · ${p.page.title}`}
    >
      <SubscribeForm text={p.text} links={p.links} email={p.email} error={p.error} />
      <p>
        <a href={p.links.home || '/'}>← {p.text.t('backToStatus')}</a>
      </p>
    </StatusLayout>
  );
}
