import { notFound } from '../../errors.ts';
import { newId } from '../../ids.ts';
import type { IncidentUpdatesTable } from '../../storage/schema.ts';
import type { Actor, Ctx } from '../context.ts';
import { parseInput } from '../shared/validation.ts';
import { type IncidentUpdate, postIncidentUpdateSchema, toIncidentUpdate } from './incident-update-schemas.ts';

/**
 * What staff tell the public about an incident: a status (investigating → identified → monitoring →
 * resolved) and a message, optionally a public title. Allowed on any incident, whether or not a
 * published page shows it yet: the update appears on every page whose components cover the
 * incident's monitor, including pages set up later. Technicians may post (day-to-day work).
 */
export async function postIncidentUpdate(
  ctx: Ctx,
  actor: Actor,
  incidentId: string,
  input: unknown,
): Promise<IncidentUpdate> {
  const data = parseInput(postIncidentUpdateSchema, input);
  const incident = await ctx.db.selectFrom('incidents').select('id').where('id', '=', incidentId).executeTakeFirst();
  if (!incident) throw notFound('Incident');
  const nowMs = ctx.clock.now();
  const userId = actor.kind === 'user' ? actor.userId : null;
  const row: IncidentUpdatesTable = {
    id: newId('iup'),
    incident_id: incident.id,
    status: data.status,
    message: data.message,
    posted_by: userId,
    posted_at: nowMs,
  };
  await ctx.db.transaction().execute(async (trx) => {
    await trx.insertInto('incident_updates').values(row).execute();
    if (data.title === undefined) return;
    const title = { title: data.title, updated_by: userId, updated_at: nowMs };
    await trx
      .insertInto('incident_public')
      .values({ incident_id: incident.id, ...title })
      .onConflict((oc) => oc.column('incident_id').doUpdateSet(title))
      .execute();
  });
  return toIncidentUpdate(row);
}
