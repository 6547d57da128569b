import { notFound } from '../../errors.ts';
import type { Ctx } from '../context.ts';
import { type IncidentUpdate, toIncidentUpdate } from './incident-update-schemas.ts';

/** The public updates of an incident, oldest first, with its public title (null: the generic one). */
export async function listIncidentUpdates(
  ctx: Ctx,
  incidentId: string,
): Promise<{ title: string | null; updates: IncidentUpdate[] }> {
  const incident = await ctx.db.selectFrom('incidents').select('id').where('id', '=', incidentId).executeTakeFirst();
  if (!incident) throw notFound('Incident');
  const [rows, pub] = await Promise.all([
    ctx.db
      .selectFrom('incident_updates')
      .selectAll()
      .where('incident_id', '=', incidentId)
      .orderBy('posted_at')
      .orderBy('id')
      .execute(),
    ctx.db.selectFrom('incident_public').select('title').where('incident_id', '=', incidentId).executeTakeFirst(),
  ]);
  return { title: pub?.title ?? null, updates: rows.map(toIncidentUpdate) };
}
