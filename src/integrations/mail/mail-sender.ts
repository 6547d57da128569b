import nodemailer from 'nodemailer';
import type { OutgoingMail } from '../../domain/alerts/senders.ts';

export type MailSender = { sendMail(mail: OutgoingMail): Promise<{ delivery: 'sent' | 'stored' }> };

/**
 * SMTP through nodemailer when a server is configured (STEWARD_SMTP_URL). Without one, mail is
 * only recorded by the caller as 'stored' and shown in the admin console's outbox.
 */
export function createMailSender(options: {
  smtpUrl: string | undefined;
  from: string;
  timeoutMs: number;
}): MailSender {
  const { smtpUrl } = options;
  if (!smtpUrl) return { sendMail: async () => ({ delivery: 'stored' }) };
  const transport = nodemailer.createTransport({
    url: smtpUrl,
    connectionTimeout: options.timeoutMs,
    greetingTimeout: options.timeoutMs,
    socketTimeout: options.timeoutMs,
  });
  return {
    async sendMail(mail) {
      // The signal bounds the whole exchange; aborting closes the connection before the server
      // accepts the message, so a timed-out attempt is not also a delivered one.
      await transport.sendMail({
        from: options.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        ...(mail.listUnsubscribeUrl && {
          list: { unsubscribe: { url: mail.listUnsubscribeUrl, comment: 'Unsubscribe' } },
          headers: { 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
        }),
        signal: AbortSignal.timeout(options.timeoutMs),
      });
      return { delivery: 'sent' };
    },
  };
}
