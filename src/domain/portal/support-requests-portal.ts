import { newId } from '../../ids.ts';
import type { Ctx } from '../context.ts';
import { parseInput } from '../shared/validation.ts';
import { type PortalActorScope, type PortalScope, scopedSite } from './portal-scope.ts';
import { agencyMail, deliverSupportMail, type SupportMailDeps } from './support-mail.ts';
import { loadRequestDetail, requestsQuery, toRequestView } from './support-request-rows.ts';
import { openSupportRequestSchema, supportReplySchema } from './support-request-schemas.ts';

/** The client's requests, open ones first, then newest activity first. */
export async function listPortalSupportRequests(ctx: Ctx, scope: PortalScope) {
  const rows = await requestsQuery(ctx.db)
    .where('r.client_id', '=', scope.clientId)
    .orderBy('r.updated_at', 'desc')
    .orderBy('r.id')
    .limit(200)
    .execute();
  const views = rows.map(toRequestView);
  return [...views.filter((v) => v.status !== 'closed'), ...views.filter((v) => v.status === 'closed')];
}

/** One of the client's requests with its thread; another client's id is not found. */
export function getPortalSupportRequest(ctx: Ctx, scope: PortalScope, id: string) {
  return loadRequestDetail(ctx.db, id, scope.clientId);
}

/** A contact opens a request; the agency is told by e-mail. */
export async function openPortalSupportRequest(
  ctx: Ctx,
  scope: PortalActorScope,
  input: unknown,
  mail?: SupportMailDeps,
) {
  const data = parseInput(openSupportRequestSchema, input);
  if (data.siteId) await scopedSite(ctx.db, scope, data.siteId);
  const id = newId('sup');
  const nowMs = ctx.clock.now();
  await ctx.db
    .insertInto('support_requests')
    .values({
      id,
      client_id: scope.clientId,
      site_id: data.siteId ?? null,
      contact_id: scope.contactId,
      subject: data.subject,
      description: data.description,
      urgency: data.urgency,
      status: 'open',
      created_at: nowMs,
      updated_at: nowMs,
      closed_at: null,
    })
    .execute();
  const detail = await loadRequestDetail(ctx.db, id, scope.clientId);
  if (mail)
    await deliverSupportMail(ctx, mail, await agencyMail(ctx.db, mail.baseUrl, detail, 'opened', data.description));
  return detail;
}

/**
 * A contact adds to the thread. It waits for staff again: an answered or closed request becomes
 * open (a reply to a closed request reopens it, rather than being lost).
 */
export async function replyAsContact(
  ctx: Ctx,
  scope: PortalActorScope,
  id: string,
  input: unknown,
  mail?: SupportMailDeps,
) {
  const { body } = parseInput(supportReplySchema, input);
  await loadRequestDetail(ctx.db, id, scope.clientId);
  const nowMs = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('support_messages')
      .values({
        id: newId('msg'),
        request_id: id,
        author_kind: 'contact',
        author_contact_id: scope.contactId,
        author_user_id: null,
        body,
        created_at: nowMs,
      })
      .execute();
    await trx
      .updateTable('support_requests')
      .set({ status: 'open', updated_at: nowMs, closed_at: null })
      .where('id', '=', id)
      .where('client_id', '=', scope.clientId)
      .execute();
  });
  const detail = await loadRequestDetail(ctx.db, id, scope.clientId);
  if (mail) await deliverSupportMail(ctx, mail, await agencyMail(ctx.db, mail.baseUrl, detail, 'replied', body));
  return detail;
}
