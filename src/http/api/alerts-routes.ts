import type { OpenAPIHono } from '@hono/zod-openapi';
import {
  createAlertChannelSchema,
  listAlertChannelsQuerySchema,
  updateAlertChannelSchema,
} from '../../domain/alerts/channel-schemas.ts';
import {
  archiveAlertChannel,
  createAlertChannel,
  getAlertChannel,
  listAlertChannels,
  rotateWebhookSecret,
  updateAlertChannel,
} from '../../domain/alerts/channels.ts';
import {
  listAlertOutbox,
  listAlertOutboxQuerySchema,
  listMailMessages,
  listMailMessagesQuerySchema,
} from '../../domain/alerts/read-outbox.ts';
import type { AppEnv } from '../env.ts';
import { defineRoute, idParams } from './define-route.ts';
import { listOf, pageOf } from './doc-schemas.ts';
import {
  alertChannelDoc,
  createdAlertChannelDoc,
  mailMessageDoc,
  outboxAlertDoc,
  webhookSecretDoc,
} from './monitoring-doc-schemas.ts';

const tag = 'Alerts';

/** Alert channels (owners and admins manage them; everyone can read them) and the delivery outbox. */
export function alertRoutes(r: OpenAPIHono<AppEnv>) {
  defineRoute(
    r,
    {
      method: 'get',
      path: '/alert-channels',
      tag,
      summary: 'List alert channels (clientId=<id> or clientId=agency; archived=true|false|all)',
      query: listAlertChannelsQuerySchema,
      response: listOf(alertChannelDoc),
    },
    async (c, { query }) => ({ data: await listAlertChannels(c.var.ctx, query) }),
  );
  defineRoute(
    r,
    {
      method: 'post',
      path: '/alert-channels',
      tag,
      summary:
        'Add an alert channel: email {addresses}, webhook {url} (JSON, signed with HMAC-SHA256; the secret is returned once) or slack {url}; without clientId it serves every client. Which kinds a site uses follows its plan. Owners and admins only.',
      body: createAlertChannelSchema,
      response: createdAlertChannelDoc,
      status: 201,
      errors: [404],
    },
    async (c, { body }) => {
      const { channel, secret } = await createAlertChannel(c.var.ctx, c.var.actor, body);
      return { ...channel, secret };
    },
  );
  defineRoute(
    r,
    {
      method: 'get',
      path: '/alert-channels/{id}',
      tag,
      summary: 'Get an alert channel',
      params: idParams,
      response: alertChannelDoc,
      errors: [404],
    },
    (c, { params }) => getAlertChannel(c.var.ctx, params.id),
  );
  defineRoute(
    r,
    {
      method: 'patch',
      path: '/alert-channels/{id}',
      tag,
      summary: 'Rename, enable/disable or retarget an alert channel (owners and admins)',
      params: idParams,
      body: updateAlertChannelSchema,
      response: alertChannelDoc,
      errors: [404, 409],
    },
    (c, { params, body }) => updateAlertChannel(c.var.ctx, c.var.actor, params.id, body),
  );
  defineRoute(
    r,
    {
      method: 'post',
      path: '/alert-channels/{id}/archive',
      tag,
      summary:
        'Archive an alert channel: its queued alerts are cancelled, sent ones stay on record (owners and admins)',
      params: idParams,
      response: alertChannelDoc,
      errors: [404, 409],
    },
    async (c, { params }) => {
      await archiveAlertChannel(c.var.ctx, c.var.actor, params.id);
      return getAlertChannel(c.var.ctx, params.id);
    },
  );
  defineRoute(
    r,
    {
      method: 'post',
      path: '/alert-channels/{id}/rotate-secret',
      tag,
      summary:
        'A new signing secret for a webhook channel (returned once); the old one stops working (owners and admins)',
      params: idParams,
      response: webhookSecretDoc,
      errors: [404, 409],
    },
    (c, { params }) => rotateWebhookSecret(c.var.ctx, c.var.actor, params.id),
  );
  defineRoute(
    r,
    {
      method: 'get',
      path: '/alert-outbox',
      tag,
      summary: 'Alert deliveries, newest first: status, attempts, last error (filter by status, incidentId, channelId)',
      query: listAlertOutboxQuerySchema,
      response: pageOf(outboxAlertDoc),
    },
    (c, { query }) => listAlertOutbox(c.var.ctx, query),
  );
  defineRoute(
    r,
    {
      method: 'get',
      path: '/mail-messages',
      tag,
      summary: 'Alert e-mails, newest first; status=stored are kept here because no SMTP server is configured',
      query: listMailMessagesQuerySchema,
      response: pageOf(mailMessageDoc),
    },
    (c, { query }) => listMailMessages(c.var.ctx, query),
  );
}
