import { conflict, notFound } from '../../errors.ts';
import { newId, newSecret } from '../../ids.ts';
import type { AlertChannelsTable } from '../../storage/schema.ts';
import { findClientRow } from '../clients/find-client.ts';
import type { Actor, Ctx } from '../context.ts';
import { requireRole } from '../shared/permissions.ts';
import { invalidField, parseInput } from '../shared/validation.ts';
import {
  type AlertChannel,
  createAlertChannelSchema,
  listAlertChannelsQuerySchema,
  toAlertChannel,
  updateAlertChannelSchema,
} from './channel-schemas.ts';

// Where alerts go: agency-wide channels (client_id null) and a client's own ones. Which kinds a
// site actually uses is decided by its plan when an alert is queued (see site-channels.ts).

/** A webhook's signing secret: stored (it is needed to sign), shown only at creation and rotation. */
const newWebhookSecret = () => newSecret('whsec');

async function findChannelRow(ctx: Ctx, id: string): Promise<AlertChannelsTable> {
  const row = await ctx.db.selectFrom('alert_channels').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Alert channel');
  return row;
}

export async function getAlertChannel(ctx: Ctx, id: string): Promise<AlertChannel> {
  return toAlertChannel(await findChannelRow(ctx, id));
}

export async function listAlertChannels(ctx: Ctx, query: unknown = {}): Promise<AlertChannel[]> {
  const f = parseInput(listAlertChannelsQuerySchema, query);
  let q = ctx.db.selectFrom('alert_channels').selectAll();
  if (f.clientId === 'agency') q = q.where('client_id', 'is', null);
  else if (f.clientId) q = q.where('client_id', '=', f.clientId);
  if (f.archived === 'false') q = q.where('archived_at', 'is', null);
  if (f.archived === 'true') q = q.where('archived_at', 'is not', null);
  const rows = await q.orderBy('created_at').orderBy('id').execute();
  return rows.map(toAlertChannel);
}

export type CreatedAlertChannel = { channel: AlertChannel; secret: string | null };

export async function createAlertChannel(ctx: Ctx, actor: Actor, input: unknown): Promise<CreatedAlertChannel> {
  requireRole(actor, 'admin', 'manage alert channels');
  const data = parseInput(createAlertChannelSchema, input);
  if (data.clientId) {
    const client = await findClientRow(ctx.db, data.clientId);
    if (client.archived_at !== null) throw invalidField('clientId', 'the client is archived');
  }
  const target = data.kind === 'email' ? data.addresses.join(', ') : data.url;
  const secret = data.kind === 'webhook' ? newWebhookSecret() : null;
  const row: AlertChannelsTable = {
    id: newId('ach'),
    client_id: data.clientId ?? null,
    kind: data.kind,
    name: data.name ?? defaultName(data.kind, target),
    target,
    secret,
    enabled: data.enabled === false ? 0 : 1,
    created_at: ctx.clock.now(),
    archived_at: null,
  };
  await ctx.db.insertInto('alert_channels').values(row).execute();
  return { channel: toAlertChannel(row), secret };
}

function defaultName(kind: AlertChannelsTable['kind'], target: string): string {
  if (kind === 'email') return target.slice(0, 200);
  return `${kind === 'slack' ? 'Slack' : 'Webhook'} ${new URL(target).host}`;
}

export async function updateAlertChannel(ctx: Ctx, actor: Actor, id: string, input: unknown): Promise<AlertChannel> {
  requireRole(actor, 'admin', 'manage alert channels');
  const data = parseInput(updateAlertChannelSchema, input);
  const row = await findChannelRow(ctx, id);
  if (row.archived_at !== null) throw conflict('The alert channel is archived');
  if (data.addresses && row.kind !== 'email') throw invalidField('addresses', `a ${row.kind} channel has a url`);
  if (data.url && row.kind === 'email') throw invalidField('url', 'an e-mail channel has addresses');
  const target = data.addresses?.join(', ') ?? data.url;
  const changes = {
    ...(data.name !== undefined && { name: data.name }),
    ...(data.enabled !== undefined && { enabled: data.enabled ? 1 : 0 }),
    ...(target !== undefined && { target }),
  };
  // An empty patch changes nothing; an UPDATE with an empty SET list is not valid SQL.
  if (Object.keys(changes).length > 0) {
    await ctx.db.updateTable('alert_channels').set(changes).where('id', '=', id).execute();
  }
  return getAlertChannel(ctx, id);
}

/** Queued alerts for an archived channel are cancelled when due; sent ones stay on record. */
export async function archiveAlertChannel(ctx: Ctx, actor: Actor, id: string): Promise<void> {
  requireRole(actor, 'admin', 'manage alert channels');
  await findChannelRow(ctx, id);
  const res = await ctx.db
    .updateTable('alert_channels')
    .set({ archived_at: ctx.clock.now() })
    .where('id', '=', id)
    .where('archived_at', 'is', null)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) throw conflict('The alert channel is already archived');
}

/** A new signing secret for a webhook channel; the old one stops working at once. */
export async function rotateWebhookSecret(ctx: Ctx, actor: Actor, id: string): Promise<{ secret: string }> {
  requireRole(actor, 'admin', 'manage alert channels');
  const row = await findChannelRow(ctx, id);
  if (row.kind !== 'webhook') throw conflict('Only webhook channels have a signing secret');
  if (row.archived_at !== null) throw conflict('The alert channel is archived');
  const secret = newWebhookSecret();
  await ctx.db.updateTable('alert_channels').set({ secret }).where('id', '=', id).execute();
  return { secret };
}
