import { notFound } from '../../errors.ts';
import type { IncidentsTable } from '../../storage/schema.ts';
import type { Actor, Ctx } from '../context.ts';

export async function findIncident(ctx: Ctx, id: string): Promise<IncidentsTable> {
  const row = await ctx.db.selectFrom('incidents').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Incident');
  return row;
}

/** The id kept on the incident row for who did it: the user, or "system" for the command line. */
export const actorId = (actor: Actor) => (actor.kind === 'user' ? actor.userId : 'system');
