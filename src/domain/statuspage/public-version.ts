import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Ctx } from '../context.ts';
import { findPublishedPageRow } from './public-page.ts';
import type { PublicPageKey } from './public-types.ts';

/**
 * A cheap fingerprint of everything a public page is built from, in three queries: the page row
 * (moved by any edit of it, its components or domains), its monitors' statuses, and the latest
 * changes to their incidents, public updates and titles, the client's maintenance windows and
 * contracts. A public page cached under the same stamp is still right, except for what only time
 * changes (a maintenance window starting, a new day), which a short cache lifetime covers.
 * Undefined when no published page answers to the key.
 */
const max = (column: string) => sql<number | null>`max(${sql.ref(column)})`.as('v');
const count = sql<number>`count(*)`.as('v');

export async function publicStatusVersion(ctx: Ctx, key: PublicPageKey): Promise<string | undefined> {
  const page = await findPublishedPageRow(ctx.db, key);
  if (!page) return undefined;
  const componentTargets = ctx.db.selectFrom('status_page_components').where('page_id', '=', page.id);
  const monitorIds = ctx.db
    .selectFrom('monitors')
    .select('monitors.id')
    .where((eb) =>
      eb.or([
        eb('monitors.site_id', 'in', componentTargets.select('site_id').where('site_id', 'is not', null)),
        eb('monitors.id', 'in', componentTargets.select('monitor_id').where('monitor_id', 'is not', null)),
      ]),
    );
  const monitors = await ctx.db
    .selectFrom('monitors')
    .select(['id', 'status', 'enabled', 'archived_at', 'updated_at'])
    .where('id', 'in', monitorIds)
    .orderBy('id')
    .execute();
  const incidentIds = ctx.db.selectFrom('incidents').select('id').where('monitor_id', 'in', monitorIds);
  const stamps = await ctx.db
    .selectNoFrom((eb) => [
      eb.selectFrom('incidents').select(max('updated_at')).where('monitor_id', 'in', monitorIds).as('i_changed'),
      eb.selectFrom('incidents').select(count).where('monitor_id', 'in', monitorIds).as('i_count'),
      eb
        .selectFrom('incidents')
        .select(count)
        .where('monitor_id', 'in', monitorIds)
        .where('status', '=', 'open')
        .as('i_open'),
      eb.selectFrom('incident_updates').select(max('posted_at')).where('incident_id', 'in', incidentIds).as('u_posted'),
      eb.selectFrom('incident_updates').select(count).where('incident_id', 'in', incidentIds).as('u_count'),
      eb
        .selectFrom('incident_public')
        .select(max('updated_at'))
        .where('incident_id', 'in', incidentIds)
        .as('t_changed'),
      eb
        .selectFrom('maintenance_windows')
        .select(max('created_at'))
        .where('client_id', '=', page.client_id)
        .as('w_new'),
      eb
        .selectFrom('maintenance_windows')
        .select(max('archived_at'))
        .where('client_id', '=', page.client_id)
        .as('w_archived'),
      eb.selectFrom('contracts').select(max('updated_at')).where('client_id', '=', page.client_id).as('c_changed'),
    ])
    .executeTakeFirst();
  const fingerprint = JSON.stringify([page.id, page.updated_at, monitors, stamps]);
  return createHash('sha256').update(fingerprint).digest('base64url').slice(0, 22);
}
