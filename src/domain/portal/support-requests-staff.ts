import { conflict, notFound } from '../../errors.ts';
import { newId } from '../../ids.ts';
import type { Actor, Ctx } from '../context.ts';
import { parseInput } from '../shared/validation.ts';
import { scopedSite } from './portal-scope.ts';
import { contactMail, deliverSupportMail, type SupportMailDeps } from './support-mail.ts';
import { loadRequestDetail, requestsQuery, toRequestView } from './support-request-rows.ts';
import {
  listSupportRequestsQuerySchema,
  staffOpenSupportRequestSchema,
  supportReplySchema,
} from './support-request-schemas.ts';

// Staff side (console, API). Anyone signed in may read and answer support requests: it is the
// technicians' daily work, like incidents.

/** Requests by status ('active' = open or answered, the default), open ones first then by activity. */
export async function listSupportRequests(ctx: Ctx, _actor: Actor, query: unknown = {}) {
  const q = parseInput(listSupportRequestsQuerySchema, query);
  let sel = requestsQuery(ctx.db);
  if (q.status === 'active') sel = sel.where('r.status', 'in', ['open', 'answered']);
  else if (q.status !== 'all') sel = sel.where('r.status', '=', q.status);
  if (q.clientId) sel = sel.where('r.client_id', '=', q.clientId);
  const rows = await sel.orderBy('r.updated_at', 'desc').orderBy('r.id').limit(q.limit).execute();
  const views = rows.map(toRequestView);
  return [...views.filter((v) => v.status === 'open'), ...views.filter((v) => v.status !== 'open')];
}

export function getSupportRequest(ctx: Ctx, _actor: Actor, id: string) {
  return loadRequestDetail(ctx.db, id);
}

/** Staff open a request on a client's behalf (a phone call); no mail goes out. */
export async function openSupportRequestForClient(ctx: Ctx, _actor: Actor, input: unknown) {
  const data = parseInput(staffOpenSupportRequestSchema, input);
  const client = await ctx.db.selectFrom('clients').select('id').where('id', '=', data.clientId).executeTakeFirst();
  if (!client) throw notFound('Client');
  const scope = { clientId: client.id };
  if (data.siteId) await scopedSite(ctx.db, scope, data.siteId);
  if (data.contactId) {
    const contact = await ctx.db
      .selectFrom('client_contacts')
      .select('id')
      .where('id', '=', data.contactId)
      .where('client_id', '=', client.id)
      .executeTakeFirst();
    if (!contact) throw notFound('Contact');
  }
  const id = newId('sup');
  const nowMs = ctx.clock.now();
  await ctx.db
    .insertInto('support_requests')
    .values({
      id,
      client_id: client.id,
      site_id: data.siteId ?? null,
      contact_id: data.contactId ?? null,
      subject: data.subject,
      description: data.description,
      urgency: data.urgency,
      status: 'open',
      created_at: nowMs,
      updated_at: nowMs,
      closed_at: null,
    })
    .execute();
  return loadRequestDetail(ctx.db, id);
}

/** Staff answer; the contact gets the reply by e-mail. A closed request must be reopened first. */
export async function replyAsStaff(ctx: Ctx, actor: Actor, id: string, input: unknown, mail?: SupportMailDeps) {
  const { body } = parseInput(supportReplySchema, input);
  await loadRequestDetail(ctx.db, id);
  const nowMs = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const moved = await trx
      .updateTable('support_requests')
      .set({ status: 'answered', updated_at: nowMs })
      .where('id', '=', id)
      .where('status', 'in', ['open', 'answered'])
      .executeTakeFirst();
    if (Number(moved.numUpdatedRows) !== 1) throw conflict('The request is closed; reopen it to reply');
    await trx
      .insertInto('support_messages')
      .values({
        id: newId('msg'),
        request_id: id,
        author_kind: 'staff',
        author_contact_id: null,
        author_user_id: actor.kind === 'user' ? actor.userId : null,
        body,
        created_at: nowMs,
      })
      .execute();
  });
  const detail = await loadRequestDetail(ctx.db, id);
  if (mail) await deliverSupportMail(ctx, mail, await contactMail(ctx.db, mail.baseUrl, detail, body));
  return detail;
}

export async function closeSupportRequest(ctx: Ctx, _actor: Actor, id: string) {
  await loadRequestDetail(ctx.db, id);
  const nowMs = ctx.clock.now();
  const moved = await ctx.db
    .updateTable('support_requests')
    .set({ status: 'closed', closed_at: nowMs, updated_at: nowMs })
    .where('id', '=', id)
    .where('status', 'in', ['open', 'answered'])
    .executeTakeFirst();
  if (Number(moved.numUpdatedRows) !== 1) throw conflict('The request is already closed');
  return loadRequestDetail(ctx.db, id);
}

export async function reopenSupportRequest(ctx: Ctx, _actor: Actor, id: string) {
  await loadRequestDetail(ctx.db, id);
  const nowMs = ctx.clock.now();
  const moved = await ctx.db
    .updateTable('support_requests')
    .set({ status: 'open', closed_at: null, updated_at: nowMs })
    .where('id', '=', id)
    .where('status', '=', 'closed')
    .executeTakeFirst();
  if (Number(moved.numUpdatedRows) !== 1) throw conflict('The request is not closed');
  return loadRequestDetail(ctx.db, id);
}
