import type { Config } from '../config.ts';
import { type AlertSenders, SEND_TIMEOUT_MS } from '../domain/alerts/senders.ts';
import { postJson } from './http/post-json.ts';
import { createMailSender } from './mail/mail-sender.ts';
import { sendWebhook } from './webhook/send-webhook.ts';

/** The real senders: SMTP (or the stored outbox), signed webhooks, Slack incoming webhooks. */
export function createAlertSenders(
  config: Pick<Config, 'smtpUrl' | 'mailFrom'>,
  timeoutMs: number = SEND_TIMEOUT_MS,
): AlertSenders {
  const mail = createMailSender({ smtpUrl: config.smtpUrl, from: config.mailFrom, timeoutMs });
  return {
    sendMail: (m) => mail.sendMail(m),
    postWebhook: (url, body, secret, nowMs) => sendWebhook(url, body, secret, nowMs, timeoutMs),
    postSlack: (url, message) => postJson(url, JSON.stringify(message), {}, timeoutMs),
  };
}
