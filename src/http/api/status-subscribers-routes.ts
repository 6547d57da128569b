import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { LOCALES } from '../../domain/shared/validation.ts';
import { listStatusPageSubscribers, removeStatusPageSubscriber } from '../../domain/statuspage/subscribers-admin.ts';
import type { AppEnv } from '../env.ts';
import { defineRoute, idParams } from './define-route.ts';

// Staff view of a status page's e-mail subscribers (they subscribe themselves on the public page).

const tag = 'Status pages';
const ts = z.string().describe('ISO 8601 instant, UTC');
const STATUSES = ['pending', 'confirmed', 'unsubscribed'] as const;
const subscriberParams = z.object({ id: z.string().min(1).max(64), subscriberId: z.string().min(1).max(64) });

export const statusSubscriberDoc = z
  .object({
    id: z.string(),
    email: z.string(),
    language: z.enum(LOCALES),
    status: z.enum(STATUSES),
    createdAt: ts,
    confirmedAt: ts.nullable(),
    unsubscribedAt: ts.nullable(),
  })
  .strict();

const subscriberListDoc = z
  .object({
    counts: z
      .object({ pending: z.number().int(), confirmed: z.number().int(), unsubscribed: z.number().int() })
      .strict(),
    data: z.array(statusSubscriberDoc),
  })
  .strict();

export function statusSubscriberRoutes(r: OpenAPIHono<AppEnv>) {
  defineRoute(
    r,
    {
      method: 'get',
      path: '/status-pages/{id}/subscribers',
      tag,
      summary: 'The page’s e-mail subscribers (double opt-in: only confirmed ones are notified), with counts',
      params: idParams,
      response: subscriberListDoc,
      errors: [404],
    },
    (c, { params }) => listStatusPageSubscribers(c.var.ctx, c.var.actor, params.id),
  );
  defineRoute(
    r,
    {
      method: 'delete',
      path: '/status-pages/{id}/subscribers/{subscriberId}',
      tag,
      summary: 'Remove a subscriber and its notification log',
      params: subscriberParams,
      status: 204,
      errors: [404],
    },
    async (c, { params }) => {
      await removeStatusPageSubscriber(c.var.ctx, c.var.actor, params.id, params.subscriberId);
      return undefined;
    },
  );
}
