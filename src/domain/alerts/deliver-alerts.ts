import { newId } from '../../ids.ts';
import type { AlertChannelsTable, AlertOutboxTable, IncidentsTable, MailMessagesTable } from '../../storage/schema.ts';
import type { Ctx } from '../context.ts';
import { appendIncidentEvent } from '../incidents/incident-events.ts';
import { inTransaction } from '../incidents/incident-lifecycle.ts';
import type { AlertPayload } from './alert-payload.ts';
import { MAX_DELIVERY_ATTEMPTS, retryDelayMs } from './backoff.ts';
import { claimAlert, DEFAULT_LOCK_MS } from './claim-alert.ts';
import { alertEventData, cancelQueuedAlert } from './outbox-rows.ts';
import { requeueDown } from './recovery-alerts.ts';
import { sendAlert } from './send-alert.ts';
import type { AlertSenders } from './senders.ts';
import { loadAlertSubject } from './site-channels.ts';

export type AlertLogger = {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
};

export type DeliveryOptions = {
  senders: AlertSenders;
  /** Base URL of the admin console, for links in alerts. */
  consoleUrl?: string;
  batchSize?: number;
  concurrency?: number;
  maxAttempts?: number;
  lockMs?: number;
  random?: () => number;
  logger?: AlertLogger;
};

export type DeliveryOutcome = 'sent' | 'retry' | 'failed' | 'cancelled' | 'skipped' | 'lost_claim';

/**
 * Delivers the alerts that are due: claim, re-check relevance, send, record. Returns what
 * happened to each row it looked at, in no particular order.
 */
export async function deliverDueAlerts(ctx: Ctx, options: DeliveryOptions): Promise<DeliveryOutcome[]> {
  const nowMs = ctx.clock.now();
  const due = await ctx.db
    .selectFrom('alert_outbox')
    .select('id')
    .where('status', '=', 'pending')
    .where('next_attempt_at', '<=', nowMs)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', nowMs)]))
    .orderBy('next_attempt_at')
    .orderBy('id')
    .limit(options.batchSize ?? 50)
    .execute();
  const queue = due.map((d) => d.id);
  const outcomes: DeliveryOutcome[] = [];
  const lane = async () => {
    for (let id = queue.shift(); id !== undefined; id = queue.shift())
      outcomes.push(await deliverAlert(ctx, id, options));
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency ?? 4, queue.length) }, lane));
  return outcomes;
}

/** One alert, start to finish. Safe to call from any number of workers at once. */
export async function deliverAlert(ctx: Ctx, id: string, options: DeliveryOptions): Promise<DeliveryOutcome> {
  const claim = await claimAlert(ctx, id, options.lockMs ?? DEFAULT_LOCK_MS);
  if (!claim) return 'skipped';
  const { row, lockedUntil } = claim;
  const channel = await ctx.db
    .selectFrom('alert_channels')
    .selectAll()
    .where('id', '=', row.channel_id)
    .executeTakeFirstOrThrow();
  const incident = row.incident_id
    ? ((await ctx.db.selectFrom('incidents').selectAll().where('id', '=', row.incident_id).executeTakeFirst()) ?? null)
    : null;
  const payload = JSON.parse(row.payload) as AlertPayload;
  const moot = whyMoot(row, payload, channel, incident);
  if (moot) {
    await inTransaction(ctx.db, (trx) => cancelQueuedAlert(trx, row, channel, moot, ctx.clock.now(), lockedUntil));
    return 'cancelled';
  }
  let mail: Omit<MailMessagesTable, 'id' | 'created_at'> | null;
  try {
    mail = await sendAlert(options.senders, row, channel, payload, ctx.clock.now(), options.consoleUrl);
  } catch (err) {
    return recordFailure(ctx, row, channel, lockedUntil, errorText(err), options);
  }
  // Recorded in the step that learned of the success: nothing in between can fail and resend.
  return recordSuccess(ctx, row, channel, lockedUntil, mail, options);
}

/** Why a queued alert should no longer go out, or null. */
function whyMoot(
  row: AlertOutboxTable,
  payload: AlertPayload,
  channel: AlertChannelsTable,
  incident: IncidentsTable | null,
) {
  if (channel.archived_at !== null) return 'the channel was archived';
  if (channel.enabled !== 1) return 'the channel was disabled';
  if (!incident) return null;
  if (row.event_kind === 'reminder') {
    if (incident.status !== 'open') return 'the incident was resolved';
    if (incident.acknowledged_at !== null) return 'the incident was acknowledged';
  }
  if (row.event_kind === 'sla_warning') {
    // A warning is a call to act before the target: moot once the clock it warned about stopped.
    const stopped =
      incident.status !== 'open' || (payload.sla?.metric === 'first_response' && incident.acknowledged_at !== null);
    if (stopped) return 'the SLA clock stopped before the warning went out';
  }
  if (row.event_kind === 'recovery') {
    if (incident.status !== 'resolved' || incident.reopen_count !== payload.incident?.reopenCount) {
      return 'the incident reopened within the flap grace period';
    }
  }
  return null;
}

async function recordSuccess(
  ctx: Ctx,
  row: AlertOutboxTable,
  channel: AlertChannelsTable,
  lockedUntil: number,
  mail: Omit<MailMessagesTable, 'id' | 'created_at'> | null,
  options: DeliveryOptions,
): Promise<DeliveryOutcome> {
  const nowMs = ctx.clock.now();
  return inTransaction(ctx.db, async (trx) => {
    // The mail log records what left Steward, even if this worker lost its claim meanwhile.
    if (mail)
      await trx
        .insertInto('mail_messages')
        .values({ id: newId('mail'), ...mail, created_at: nowMs })
        .execute();
    const res = await trx
      .updateTable('alert_outbox')
      .set({ status: 'sent', sent_at: nowMs, locked_until: null, last_error: null })
      .where('id', '=', row.id)
      .where('status', '=', 'pending')
      .where('locked_until', '=', lockedUntil)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) {
      options.logger?.warn({ alertId: row.id }, 'alert sent after its claim expired; another worker may send it too');
      return 'lost_claim';
    }
    if (!row.incident_id) return 'sent';
    await appendIncidentEvent(trx, {
      incidentId: row.incident_id,
      kind: 'alert_sent',
      actor: { kind: 'system' },
      atMs: nowMs,
      data: { ...alertEventData(row, channel), attempts: row.attempts, ...(mail && { mailDelivery: mail.status }) },
    });
    if (row.event_kind === 'recovery') {
      // Reopened while this recovery was in flight: this channel must hear it is down again.
      const incident = await trx
        .selectFrom('incidents')
        .selectAll()
        .where('id', '=', row.incident_id)
        .executeTakeFirstOrThrow();
      const subject = await loadAlertSubject(trx, incident.monitor_id);
      await requeueDown(trx, subject, incident, new Set([channel.id]), nowMs, nowMs);
    }
    return 'sent';
  });
}

async function recordFailure(
  ctx: Ctx,
  row: AlertOutboxTable,
  channel: AlertChannelsTable,
  lockedUntil: number,
  error: string,
  options: DeliveryOptions,
): Promise<DeliveryOutcome> {
  const nowMs = ctx.clock.now();
  const giveUp = row.attempts >= (options.maxAttempts ?? MAX_DELIVERY_ATTEMPTS);
  return inTransaction(ctx.db, async (trx) => {
    const res = await trx
      .updateTable('alert_outbox')
      .set({
        status: giveUp ? 'failed' : 'pending',
        next_attempt_at: giveUp ? row.next_attempt_at : nowMs + retryDelayMs(row.attempts, options.random),
        locked_until: null,
        last_error: error,
      })
      .where('id', '=', row.id)
      .where('status', '=', 'pending')
      .where('locked_until', '=', lockedUntil)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) return 'lost_claim';
    options.logger?.warn({ alertId: row.id, attempts: row.attempts, error, giveUp }, 'alert delivery failed');
    if (giveUp && row.incident_id) {
      await appendIncidentEvent(trx, {
        incidentId: row.incident_id,
        kind: 'alert_failed',
        actor: { kind: 'system' },
        atMs: nowMs,
        data: { ...alertEventData(row, channel), attempts: row.attempts, error },
      });
    }
    return giveUp ? 'failed' : 'retry';
  });
}

function errorText(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return message.slice(0, 500) || 'unknown error';
}
