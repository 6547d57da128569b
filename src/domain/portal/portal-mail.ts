import { translator } from '../../i18n/catalog.ts';
import { portalAuthCatalog } from '../../i18n/portal-auth.ts';
import type { OutgoingMail } from '../alerts/senders.ts';
import type { Ctx } from '../context.ts';
import { logMail } from '../shared/mail-log.ts';
import { LOCALES, type Locale } from '../shared/validation.ts';

/** Sends one mail: SMTP when configured, else 'stored' for the console's outbox. */
export type SendMail = (mail: OutgoingMail) => Promise<{ delivery: 'sent' | 'stored' }>;

export type PortalMailKind = 'invite' | 'link';

export type PortalMailInput = {
  kind: PortalMailKind;
  to: string;
  language: string;
  contactName: string;
  companyName: string;
  agencyName: string;
  url: string;
};

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] as string,
  );

/** The invitation or sign-in link mail, in the contact's language. */
export function renderPortalMail(input: PortalMailInput): OutgoingMail {
  const locale: Locale = (LOCALES as readonly string[]).includes(input.language) ? (input.language as Locale) : 'en';
  const t = translator(portalAuthCatalog, locale);
  const params = { name: input.contactName, company: input.companyName, agency: input.agencyName };
  const k = input.kind;
  const lines = [
    t(`mail.${k}.greeting`, params),
    t(`mail.${k}.body`, params),
    `${t(`mail.${k}.action`)}: ${input.url}`,
    t(`mail.${k}.expiry`),
    t('mail.ignore'),
  ];
  const [greeting, body, , expiry, ignore] = lines.map((l) => escapeHtml(l));
  const html = [
    `<p>${greeting}</p>`,
    `<p>${body}</p>`,
    `<p><a href="${escapeHtml(input.url)}">${escapeHtml(t(`mail.${k}.action`))}</a></p>`,
    `<p>${expiry}</p>`,
    `<p style="color:#555">${ignore}</p>`,
  ].join('\n');
  return { to: [input.to], subject: t(`mail.${k}.subject`, params), text: `${lines.join('\n\n')}\n`, html };
}

/** Sends a portal mail and records it in the mail log (the outbox page shows stored ones). */
export async function sendPortalMail(ctx: Ctx, sendMail: SendMail, input: PortalMailInput): Promise<'sent' | 'stored'> {
  const mail = renderPortalMail(input);
  const { delivery } = await sendMail(mail);
  // A sent mail's link is a live credential: the log keeps it only when the log is the delivery
  // (no SMTP: staff forward the mail from the outbox).
  const logged = delivery === 'sent' ? renderPortalMail({ ...input, url: redactSecret(input.url) }) : mail;
  await logMail(ctx.db, logged, delivery, ctx.clock.now());
  return delivery;
}

const redactSecret = (url: string) => url.replace(/[^/]+$/, '…');

export async function agencyName(ctx: Ctx): Promise<string> {
  const row = await ctx.db.selectFrom('agency_settings').select('name').executeTakeFirst();
  return row?.name ?? 'Steward';
}
