import { z } from 'zod';
import { notFound } from '../../errors.ts';
import type { Actor, Ctx } from '../context.ts';
import { inTransaction } from '../incidents/incident-lifecycle.ts';
import { requireRole } from '../shared/permissions.ts';
import { parseInput } from '../shared/validation.ts';
import { requirePlanFeature } from '../statuspage/plan-gate.ts';
import { agencyName, type SendMail, sendPortalMail } from './portal-mail.ts';
import { issuePortalToken } from './portal-tokens.ts';

const inviteSchema = z.object({
  clientId: z.string().min(1).max(100),
  contactId: z.string().min(1).max(100),
  /** Where the portal is reached, e.g. https://steward.agency.example (no trailing slash). */
  baseUrl: z.string().url().max(500),
});

export type PortalInvitation = { contactId: string; email: string; invitedAt: string; delivery: 'sent' | 'stored' };

/**
 * Invites a contact to the portal: a one-time link (7 days) to set a password, in the contact's
 * language. Refused (409) when the client's live plan has no portal, naming the plans that do.
 * Inviting again sends a fresh link; earlier ones keep working until used or expired.
 */
export async function inviteContactToPortal(
  ctx: Ctx,
  actor: Actor,
  sendMail: SendMail,
  input: unknown,
): Promise<PortalInvitation> {
  requireRole(actor, 'technician', 'invite contacts to the portal');
  const { clientId, contactId, baseUrl } = parseInput(inviteSchema, input);
  const client = await ctx.db
    .selectFrom('clients')
    .select(['id', 'name'])
    .where('id', '=', clientId)
    .where('archived_at', 'is', null)
    .executeTakeFirst();
  if (!client) throw notFound('Client');
  const contact = await ctx.db
    .selectFrom('client_contacts')
    .select(['id', 'name', 'email', 'language'])
    .where('id', '=', contactId)
    .where('client_id', '=', client.id)
    .where('archived_at', 'is', null)
    .executeTakeFirst();
  if (!contact) throw notFound('Contact');
  await requirePlanFeature(ctx.db, client, 'clientPortal');
  const nowMs = ctx.clock.now();
  const secret = await inTransaction(ctx.db, async (trx) => {
    await trx.updateTable('client_contacts').set({ portal_invited_at: nowMs }).where('id', '=', contact.id).execute();
    return issuePortalToken(trx, contact.id, 'invite', nowMs);
  });
  const delivery = await sendPortalMail(ctx, sendMail, {
    kind: 'invite',
    to: contact.email,
    language: contact.language,
    contactName: contact.name,
    companyName: client.name,
    agencyName: await agencyName(ctx),
    url: `${baseUrl.replace(/\/+$/, '')}/portal/invite/${secret}`,
  });
  return { contactId: contact.id, email: contact.email, invitedAt: new Date(nowMs).toISOString(), delivery };
}
