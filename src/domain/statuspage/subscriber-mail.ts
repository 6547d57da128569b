import { translator } from '../../i18n/catalog.ts';
import { formatDateTimeIn, formatDurationMinutes } from '../../i18n/format.ts';
import { statusPageCatalog } from '../../i18n/status-page.ts';
import type { Executor } from '../../storage/schema.ts';
import type { OutgoingMail } from '../alerts/senders.ts';
import { logMail } from '../shared/mail-log.ts';
import type { Locale } from '../shared/validation.ts';

/** How mail leaves Steward (SMTP, or 'stored' for the console's outbox); built in src/integrations. */
export type SendMail = (mail: OutgoingMail) => Promise<{ delivery: 'sent' | 'stored' }>;

export type MailText = ReturnType<typeof mailText>;

/** The page's language and zone, for mail. */
export function mailText(locale: Locale, timeZone: string) {
  const t = translator(statusPageCatalog, locale);
  const list = new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' });
  return {
    t,
    dateTime: (ms: number) => formatDateTimeIn(locale, timeZone, ms),
    duration: (ms: number) => formatDurationMinutes(locale, Math.max(1, Math.round(ms / 60_000))),
    list: (items: string[]) => list.format(items),
  };
}

/**
 * A subscriber message: plain text and the same as simple HTML, the one-click unsubscribe link
 * in the body and in List-Unsubscribe (with List-Unsubscribe-Post, RFC 8058).
 */
export function subscriberMail(p: {
  to: string;
  text: MailText;
  pageTitle: string;
  subject: string;
  paragraphs: string[];
  detailsUrl?: string;
  unsubscribeUrl: string;
}): OutgoingMail {
  const { t } = p.text;
  const lines = [
    ...p.paragraphs,
    ...(p.detailsUrl ? [t('mailDetails', { url: p.detailsUrl })] : []),
    '--',
    t('mailWhy', { title: p.pageTitle }),
    t('mailUnsubscribe', { url: p.unsubscribeUrl }),
  ];
  const html = `<!doctype html><html><body style="font-family:sans-serif;line-height:1.5">${lines
    .map((l) => (l === '--' ? '<hr>' : `<p>${linkify(l)}</p>`))
    .join('')}</body></html>`;
  return {
    to: [p.to],
    subject: p.subject,
    text: `${lines.join('\n\n')}\n`,
    html,
    listUnsubscribeUrl: p.unsubscribeUrl,
  };
}

/** Sends and records the message in the mail log (the console's outbox). */
export async function sendAndLog(db: Executor, send: SendMail, mail: OutgoingMail, nowMs: number): Promise<void> {
  const { delivery } = await send(mail);
  await logMail(db, mail, delivery, nowMs);
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

function linkify(line: string): string {
  return escapeHtml(line).replace(/https?:\/\/[^\s<]+/g, (url) => `<a href="${url}">${url}</a>`);
}
