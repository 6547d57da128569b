import { notFound } from '../../errors.ts';
import type { Executor, SupportRequestsTable } from '../../storage/schema.ts';
import type { SupportMessageView, SupportRequestDetail, SupportRequestView } from './support-request-schemas.ts';

const iso = (ms: number) => new Date(ms).toISOString();

/** Requests with the names of their client, site and contact, in one query. */
export function requestsQuery(db: Executor) {
  return db
    .selectFrom('support_requests as r')
    .innerJoin('clients as c', 'c.id', 'r.client_id')
    .leftJoin('sites as s', 's.id', 'r.site_id')
    .leftJoin('client_contacts as k', 'k.id', 'r.contact_id')
    .selectAll('r')
    .select(['c.name as client_name', 's.name as site_name', 'k.name as contact_name']);
}

type Row = SupportRequestsTable & { client_name: string; site_name: string | null; contact_name: string | null };

export function toRequestView(r: Row): SupportRequestView {
  return {
    id: r.id,
    clientId: r.client_id,
    clientName: r.client_name,
    siteId: r.site_id,
    siteName: r.site_name,
    contactId: r.contact_id,
    contactName: r.contact_name,
    subject: r.subject,
    description: r.description,
    urgency: r.urgency,
    status: r.status,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
    closedAt: r.closed_at === null ? null : iso(r.closed_at),
  };
}

/** One request with its thread (oldest first); clientId given: only within that client. */
export async function loadRequestDetail(db: Executor, id: string, clientId?: string): Promise<SupportRequestDetail> {
  let q = requestsQuery(db).where('r.id', '=', id);
  if (clientId !== undefined) q = q.where('r.client_id', '=', clientId);
  const row = await q.executeTakeFirst();
  if (!row) throw notFound('Support request');
  const messages = await db
    .selectFrom('support_messages as m')
    .leftJoin('client_contacts as k', 'k.id', 'm.author_contact_id')
    .leftJoin('users as u', 'u.id', 'm.author_user_id')
    .select(['m.id', 'm.author_kind', 'm.body', 'm.created_at', 'k.name as contact_name', 'u.name as user_name'])
    .where('m.request_id', '=', row.id)
    .orderBy('m.created_at')
    .orderBy('m.id')
    .execute();
  return {
    ...toRequestView(row),
    messages: messages.map(
      (m): SupportMessageView => ({
        id: m.id,
        authorKind: m.author_kind,
        authorName: (m.author_kind === 'staff' ? m.user_name : m.contact_name) ?? '',
        body: m.body,
        createdAt: iso(m.created_at),
      }),
    ),
  };
}
