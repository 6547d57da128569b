/** Every outgoing request (SMTP, webhook, Slack) is bounded by this. */
export const SEND_TIMEOUT_MS = 10_000;

export type OutgoingMail = {
  to: string[];
  subject: string;
  text: string;
  html: string;
  /** One-click unsubscribe (RFC 8058): sent as List-Unsubscribe with List-Unsubscribe-Post. */
  listUnsubscribeUrl?: string;
};

/**
 * The ways an alert leaves Steward, implemented in src/integrations. Each resolves when the
 * receiver accepted the alert and throws (message = the reason, e.g. "HTTP 503") when it did not.
 */
export type AlertSenders = {
  /** 'stored' when no SMTP server is configured: the mail is kept for the console's outbox page. */
  sendMail(mail: OutgoingMail): Promise<{ delivery: 'sent' | 'stored' }>;
  /** POSTs the JSON body signed with the channel's secret, timestamped nowMs. */
  postWebhook(url: string, body: string, secret: string, nowMs: number): Promise<void>;
  postSlack(url: string, message: { text: string; blocks: unknown[] }): Promise<void>;
};
