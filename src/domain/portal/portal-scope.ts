import { notFound } from '../../errors.ts';
import type { Executor, IncidentsTable, SitesTable } from '../../storage/schema.ts';

/**
 * What every portal read and write is bound to: one client. Portal functions take the scope, never
 * a bare client id from a request, and look every row up through it, so another client's id is
 * simply "not found" (404), never someone else's data.
 */
export type PortalScope = { readonly clientId: string };

/** A contact acting in the portal (support requests are written in their name). */
export type PortalActorScope = PortalScope & { readonly contactId: string };

export async function scopedSite(db: Executor, scope: PortalScope, siteId: string): Promise<SitesTable> {
  const site = await db
    .selectFrom('sites')
    .selectAll()
    .where('id', '=', siteId)
    .where('client_id', '=', scope.clientId)
    .where('archived_at', 'is', null)
    .executeTakeFirst();
  if (!site) throw notFound('Site');
  return site;
}

export async function scopedIncident(db: Executor, scope: PortalScope, incidentId: string): Promise<IncidentsTable> {
  const incident = await db
    .selectFrom('incidents')
    .selectAll()
    .where('id', '=', incidentId)
    .where('client_id', '=', scope.clientId)
    .executeTakeFirst();
  if (!incident) throw notFound('Incident');
  return incident;
}

/** The client's live sites, by name. */
export async function scopedSites(db: Executor, scope: PortalScope): Promise<SitesTable[]> {
  return db
    .selectFrom('sites')
    .selectAll()
    .where('client_id', '=', scope.clientId)
    .where('archived_at', 'is', null)
    .orderBy('name')
    .orderBy('id')
    .execute();
}

/** The client's IANA zone: portal days and months are counted in it. */
export async function scopedTimeZone(db: Executor, scope: PortalScope): Promise<string> {
  const row = await db.selectFrom('clients').select('time_zone').where('id', '=', scope.clientId).executeTakeFirst();
  if (!row) throw notFound('Client');
  return row.time_zone;
}
