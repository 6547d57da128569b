import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { inviteContactToPortal } from '../../domain/portal/invite-contact.ts';
import type { AppEnv } from '../env.ts';
import { defineRoute } from './define-route.ts';

const contactParams = z.object({ id: z.string().min(1).max(64), contactId: z.string().min(1).max(64) });

/** Strict: the API tests parse real responses with it. */
export const portalInvitationDoc = z
  .object({
    contactId: z.string(),
    email: z.string(),
    invitedAt: z.string().describe('ISO 8601 instant, UTC'),
    delivery: z.enum(['sent', 'stored']).describe("'stored' when no SMTP server is configured: see the outbox"),
  })
  .strict();

export function portalInviteRoutes(r: OpenAPIHono<AppEnv>) {
  defineRoute(
    r,
    {
      method: 'post',
      path: '/clients/{id}/contacts/{contactId}/portal-invite',
      tag: 'Clients',
      summary:
        "Invite a contact to the client portal: mails a one-time link (7 days) to set a password, in the contact's language. 409 naming the plans with a portal when the client's plan has none",
      params: contactParams,
      response: portalInvitationDoc,
      status: 201,
      errors: [404, 409],
    },
    (c, { params }) =>
      inviteContactToPortal(c.var.ctx, c.var.actor, c.var.sendMail, {
        clientId: params.id,
        contactId: params.contactId,
        baseUrl: c.var.publicUrl ?? new URL(c.req.url).origin,
      }),
  );
}
