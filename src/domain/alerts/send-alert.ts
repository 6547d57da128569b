import type { AlertChannelsTable, AlertOutboxTable, MailMessagesTable } from '../../storage/schema.ts';
import type { AlertPayload } from './alert-payload.ts';
import { emailRecipients } from './channel-schemas.ts';
import { renderAlertMail, renderSlackMessage, renderWebhookBody } from './render-alert.ts';
import type { AlertSenders } from './senders.ts';

/** Sends one alert through its channel; for e-mail, returns the mail to record in the mail log. */
export async function sendAlert(
  senders: AlertSenders,
  row: Pick<AlertOutboxTable, 'id'>,
  channel: AlertChannelsTable,
  payload: AlertPayload,
  nowMs: number,
  consoleUrl?: string,
): Promise<Omit<MailMessagesTable, 'id' | 'created_at'> | null> {
  switch (channel.kind) {
    case 'email': {
      const to = emailRecipients(channel.target);
      const mail = renderAlertMail(payload, consoleUrl);
      const { delivery } = await senders.sendMail({ to, ...mail });
      return {
        alert_id: row.id,
        to_address: to.join(', '),
        subject: mail.subject,
        text_body: mail.text,
        html_body: mail.html,
        status: delivery,
      };
    }
    case 'webhook':
      if (!channel.secret) throw new Error('the webhook channel has no signing secret');
      await senders.postWebhook(channel.target, renderWebhookBody(row.id, payload), channel.secret, nowMs);
      return null;
    case 'slack':
      await senders.postSlack(channel.target, renderSlackMessage(payload, consoleUrl));
      return null;
  }
}
