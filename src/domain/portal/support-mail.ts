import { translator } from '../../i18n/catalog.ts';
import { portalCatalog } from '../../i18n/portal.ts';
import type { Executor } from '../../storage/schema.ts';
import type { OutgoingMail } from '../alerts/senders.ts';
import type { Ctx } from '../context.ts';
import { logMail } from '../shared/mail-log.ts';
import { LOCALES, type Locale } from '../shared/validation.ts';
import type { SupportRequestDetail } from './support-request-schemas.ts';

/** How support mail leaves Steward: the mail sender (SMTP or the stored outbox) and where links point. */
export type SupportMailDeps = {
  sendMail(mail: OutgoingMail): Promise<{ delivery: 'sent' | 'stored' }>;
  /** Origin people reach Steward at ("https://steward.agency.example"), for links in the mail. */
  baseUrl: string;
};

/**
 * The agency hears of new requests and contact replies by e-mail to every active owner and admin:
 * they are the people who answer clients, and it needs no setup. (Alert channels are for outages
 * and often point at chat or on-call tools, where a support thread does not belong.)
 */
async function agencyRecipients(db: Executor): Promise<string[]> {
  const rows = await db
    .selectFrom('users')
    .select('email')
    .where('role', 'in', ['owner', 'admin'])
    .where('archived_at', 'is', null)
    .orderBy('email')
    .execute();
  return rows.map((r) => r.email);
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] ?? ch);

function html(paragraphs: string[], link: { href: string; label: string }) {
  const body = paragraphs.map((p) => `<p style="white-space:pre-wrap">${escapeHtml(p)}</p>`).join('');
  return `${body}<p><a href="${escapeHtml(link.href)}">${escapeHtml(link.label)}</a></p>`;
}

/** To the agency: a contact opened a request or replied to one (in English, the console's language). */
export async function agencyMail(
  db: Executor,
  baseUrl: string,
  request: SupportRequestDetail,
  kind: 'opened' | 'replied',
  body: string,
): Promise<OutgoingMail | null> {
  const to = await agencyRecipients(db);
  if (to.length === 0) return null;
  const t = translator(portalCatalog, 'en');
  const href = `${baseUrl}/admin/support/${request.id}`;
  const who = request.contactName ?? request.clientName;
  const subject = t(kind === 'opened' ? 'mail.agencyOpened.subject' : 'mail.agencyReplied.subject', {
    client: request.clientName,
    subject: request.subject,
  });
  const lines = [
    t(kind === 'opened' ? 'mail.agencyOpened.intro' : 'mail.agencyReplied.intro', {
      name: who,
      client: request.clientName,
    }),
    `${t('support.urgency')}: ${t(`urgency.${request.urgency}`)}${request.siteName ? ` · ${request.siteName}` : ''}`,
    body,
  ];
  const label = t('mail.openInConsole');
  return { to, subject, text: `${lines.join('\n\n')}\n\n${label}: ${href}\n`, html: html(lines, { href, label }) };
}

/** To the contact who opened the request: staff answered, in the contact's language, with a portal link. */
export async function contactMail(
  db: Executor,
  baseUrl: string,
  request: SupportRequestDetail,
  body: string,
): Promise<OutgoingMail | null> {
  if (!request.contactId) return null;
  const contact = await db
    .selectFrom('client_contacts')
    .select(['email', 'language', 'archived_at'])
    .where('id', '=', request.contactId)
    .executeTakeFirst();
  if (!contact || contact.archived_at !== null) return null;
  const locale: Locale = (LOCALES as readonly string[]).includes(contact.language)
    ? (contact.language as Locale)
    : 'en';
  const t = translator(portalCatalog, locale);
  const href = `${baseUrl}/portal/support/${request.id}`;
  const lines = [t('mail.staffReplied.intro', { subject: request.subject }), body];
  const label = t('mail.viewInPortal');
  return {
    to: [contact.email],
    subject: t('mail.staffReplied.subject', { subject: request.subject }),
    text: `${lines.join('\n\n')}\n\n${label}: ${href}\n`,
    html: html(lines, { href, label }),
  };
}

/**
 * Sends after the change is committed and records each mail in mail_messages (the console's
 * outbox). A failed send must not undo the request or reply: it is kept as 'stored' there.
 */
export async function deliverSupportMail(ctx: Ctx, deps: SupportMailDeps | undefined, mail: OutgoingMail | null) {
  if (!mail) return null;
  let status: 'sent' | 'stored' = 'stored';
  if (deps) {
    try {
      status = (await deps.sendMail(mail)).delivery;
    } catch {
      status = 'stored';
    }
  }
  await logMail(ctx.db, mail, status, ctx.clock.now());
  return status;
}
