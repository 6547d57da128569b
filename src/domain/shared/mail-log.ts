import { newId } from '../../ids.ts';
import type { Executor } from '../../storage/schema.ts';
import type { OutgoingMail } from '../alerts/senders.ts';

/** Records a mail that left Steward (or was kept for the outbox page) in the mail log. */
export async function logMail(
  db: Executor,
  mail: Pick<OutgoingMail, 'to' | 'subject' | 'text' | 'html'>,
  status: 'sent' | 'stored',
  nowMs: number,
): Promise<void> {
  await db
    .insertInto('mail_messages')
    .values({
      id: newId('mail'),
      alert_id: null,
      to_address: mail.to.join(', '),
      subject: mail.subject,
      text_body: mail.text,
      html_body: mail.html,
      status,
      created_at: nowMs,
    })
    .execute();
}
