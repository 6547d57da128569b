import type { Ctx } from '../context.ts';

export type CalendarChoice = {
  id: string;
  name: string;
  kind: 'business' | '24x7';
  timeZone: string;
  archived: boolean;
};

/** Calendars to pick from in a policy form (archived ones flagged, so a form can still show its current one). */
export async function listCalendarChoices(ctx: Ctx): Promise<CalendarChoice[]> {
  const rows = await ctx.db
    .selectFrom('sla_calendars')
    .select(['id', 'name', 'kind', 'time_zone', 'archived_at'])
    .orderBy('name')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    kind: r.kind,
    timeZone: r.time_zone,
    archived: r.archived_at !== null,
  }));
}
