import type { OpenAPIHono } from '@hono/zod-openapi';
import {
  listSupportRequestsQuerySchema,
  staffOpenSupportRequestSchema,
  supportReplySchema,
} from '../../domain/portal/support-request-schemas.ts';
import {
  closeSupportRequest,
  getSupportRequest,
  listSupportRequests,
  openSupportRequestForClient,
  replyAsStaff,
} from '../../domain/portal/support-requests-staff.ts';
import type { AppEnv } from '../env.ts';
import { mailFor } from '../pages/support-pages.tsx';
import { defineRoute, idParams } from './define-route.ts';
import { listOf } from './doc-schemas.ts';
import { supportRequestDetailDoc, supportRequestDoc } from './support-requests-doc-schemas.ts';

const tag = 'Support requests';

export function supportRequestRoutes(r: OpenAPIHono<AppEnv>) {
  defineRoute(
    r,
    {
      method: 'get',
      path: '/support-requests',
      tag,
      summary:
        'List support requests (status: active = open or answered (default), open, answered, closed, all; clientId)',
      query: listSupportRequestsQuerySchema,
      response: listOf(supportRequestDoc),
    },
    async (c, { query }) => ({ data: await listSupportRequests(c.var.ctx, c.var.actor, query) }),
  );
  defineRoute(
    r,
    {
      method: 'post',
      path: '/support-requests',
      tag,
      summary: "Open a support request on a client's behalf (site and contact must be the client's); no e-mail is sent",
      body: staffOpenSupportRequestSchema,
      response: supportRequestDetailDoc,
      status: 201,
      errors: [404],
    },
    (c, { body }) => openSupportRequestForClient(c.var.ctx, c.var.actor, body),
  );
  defineRoute(
    r,
    {
      method: 'get',
      path: '/support-requests/{id}',
      tag,
      summary: 'Get a support request with its thread (oldest first)',
      params: idParams,
      response: supportRequestDetailDoc,
      errors: [404],
    },
    (c, { params }) => getSupportRequest(c.var.ctx, c.var.actor, params.id),
  );
  defineRoute(
    r,
    {
      method: 'post',
      path: '/support-requests/{id}/messages',
      tag,
      summary:
        'Reply as staff: the request becomes answered and the contact is e-mailed in their language with a portal link (409 when closed)',
      params: idParams,
      body: supportReplySchema,
      response: supportRequestDetailDoc,
      status: 201,
      errors: [404, 409],
    },
    (c, { params, body }) => replyAsStaff(c.var.ctx, c.var.actor, params.id, body, mailFor(c)),
  );
  defineRoute(
    r,
    {
      method: 'post',
      path: '/support-requests/{id}/close',
      tag,
      summary: 'Close a support request (409 when already closed); a contact reply reopens it',
      params: idParams,
      response: supportRequestDetailDoc,
      errors: [404, 409],
    },
    (c, { params }) => closeSupportRequest(c.var.ctx, c.var.actor, params.id),
  );
}
