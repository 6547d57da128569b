import { z } from 'zod';
import type { AlertOutboxTable, MailMessagesTable } from '../../storage/schema.ts';
import { isoOrNull } from '../clients/schemas.ts';
import type { Ctx } from '../context.ts';
import { decodeCursor, type Page, pageQuerySchema, toPage } from '../shared/pagination.ts';
import { parseInput } from '../shared/validation.ts';
import type { AlertPayload } from './alert-payload.ts';
import { alertSubject } from './render-alert.ts';

// Read models for the console's outbox pages: queued/sent/failed alerts and the mail log. Newest first.

export const listAlertOutboxQuerySchema = pageQuerySchema.extend({
  status: z.enum(['pending', 'sent', 'failed', 'cancelled']).optional(),
  incidentId: z.string().max(64).optional(),
  channelId: z.string().max(64).optional(),
});

export const listMailMessagesQuerySchema = pageQuerySchema.extend({
  status: z.enum(['sent', 'stored']).optional(),
});

export type OutboxAlert = {
  id: string;
  eventKind: string;
  status: AlertOutboxTable['status'];
  channel: { id: string; kind: string; name: string };
  incidentId: string | null;
  monitorId: string | null;
  /** The subject line the alert carries (what it says). */
  summary: string;
  attempts: number;
  nextAttemptAt: string | null;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
};

export type MailMessage = {
  id: string;
  alertId: string | null;
  to: string;
  subject: string;
  textBody: string;
  htmlBody: string | null;
  status: MailMessagesTable['status'];
  createdAt: string;
};

function summaryOf(payloadJson: string): string {
  try {
    return alertSubject(JSON.parse(payloadJson) as AlertPayload);
  } catch {
    return '(unreadable payload)';
  }
}

export async function listAlertOutbox(ctx: Ctx, query: unknown = {}): Promise<Page<OutboxAlert>> {
  const f = parseInput(listAlertOutboxQuerySchema, query);
  const after = decodeCursor(f.cursor);
  let q = ctx.db
    .selectFrom('alert_outbox')
    .innerJoin('alert_channels', 'alert_channels.id', 'alert_outbox.channel_id')
    .selectAll('alert_outbox')
    .select(['alert_channels.kind as channelKind', 'alert_channels.name as channelName']);
  if (f.status) q = q.where('alert_outbox.status', '=', f.status);
  if (f.incidentId) q = q.where('alert_outbox.incident_id', '=', f.incidentId);
  if (f.channelId) q = q.where('alert_outbox.channel_id', '=', f.channelId);
  if (after) {
    q = q.where((eb) =>
      eb.or([
        eb('alert_outbox.created_at', '<', after.createdAt),
        eb.and([eb('alert_outbox.created_at', '=', after.createdAt), eb('alert_outbox.id', '<', after.id)]),
      ]),
    );
  }
  const rows = await q
    .orderBy('alert_outbox.created_at', 'desc')
    .orderBy('alert_outbox.id', 'desc')
    .limit(f.limit + 1)
    .execute();
  return toPage(rows, f.limit, (r) => ({
    id: r.id,
    eventKind: r.event_kind,
    status: r.status,
    channel: { id: r.channel_id, kind: r.channelKind, name: r.channelName },
    incidentId: r.incident_id,
    monitorId: r.monitor_id,
    summary: summaryOf(r.payload),
    attempts: r.attempts,
    nextAttemptAt: r.status === 'pending' ? new Date(r.next_attempt_at).toISOString() : null,
    lastError: r.last_error,
    createdAt: new Date(r.created_at).toISOString(),
    sentAt: isoOrNull(r.sent_at),
  }));
}

export async function listMailMessages(ctx: Ctx, query: unknown = {}): Promise<Page<MailMessage>> {
  const f = parseInput(listMailMessagesQuerySchema, query);
  const after = decodeCursor(f.cursor);
  let q = ctx.db.selectFrom('mail_messages').selectAll();
  if (f.status) q = q.where('status', '=', f.status);
  if (after) {
    q = q.where((eb) =>
      eb.or([
        eb('created_at', '<', after.createdAt),
        eb.and([eb('created_at', '=', after.createdAt), eb('id', '<', after.id)]),
      ]),
    );
  }
  const rows = await q
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(f.limit + 1)
    .execute();
  return toPage(rows, f.limit, (r) => ({
    id: r.id,
    alertId: r.alert_id,
    to: r.to_address,
    subject: r.subject,
    textBody: r.text_body,
    htmlBody: r.html_body,
    status: r.status,
    createdAt: new Date(r.created_at).toISOString(),
  }));
}
