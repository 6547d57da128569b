import { conflict, notFound } from '../../errors.ts';
import { newId } from '../../ids.ts';
import type { Executor, SlaCalendarsTable } from '../../storage/schema.ts';
import type { Actor, Ctx } from '../context.ts';
import { requireRole } from '../shared/permissions.ts';
import { parseInput } from '../shared/validation.ts';
import {
  createCalendarSchema,
  listCalendarsQuerySchema,
  type SlaCalendar,
  type SlaCalendarDetail,
  toCalendar,
  toHoliday,
  updateCalendarSchema,
} from './calendar-schemas.ts';

// SLA calendars: list, read, create, change, archive. Holidays are in holidays.ts.

const CHANGE = 'change SLA calendars';

export async function listCalendars(ctx: Ctx, query: unknown = {}): Promise<SlaCalendar[]> {
  const { archived } = parseInput(listCalendarsQuerySchema, query);
  let q = ctx.db.selectFrom('sla_calendars').selectAll().orderBy('name').orderBy('id');
  if (archived === 'false') q = q.where('archived_at', 'is', null);
  if (archived === 'true') q = q.where('archived_at', 'is not', null);
  const rows = await q.execute();
  const counts = new Map<string, number>();
  if (rows.length > 0) {
    const grouped = await ctx.db
      .selectFrom('sla_holidays')
      .select(['calendar_id', (eb) => eb.fn.countAll().as('n')])
      .where(
        'calendar_id',
        'in',
        rows.map((r) => r.id),
      )
      .groupBy('calendar_id')
      .execute();
    for (const g of grouped) counts.set(g.calendar_id, Number(g.n));
  }
  return rows.map((r) => toCalendar(r, counts.get(r.id) ?? 0));
}

export async function findCalendarRow(db: Executor, id: string): Promise<SlaCalendarsTable> {
  const row = await db.selectFrom('sla_calendars').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('SLA calendar');
  return row;
}

/** The built-in 24/7 calendar is what "wall-clock time" means; changing it would change every such clock. */
export function assertEditable(row: SlaCalendarsTable): void {
  if (row.kind === '24x7') {
    throw conflict(`The built-in ${row.name} calendar cannot be changed: every minute of every day counts under it`);
  }
}

export async function getCalendar(ctx: Ctx, id: string): Promise<SlaCalendarDetail> {
  return readDetail(ctx.db, await findCalendarRow(ctx.db, id));
}

async function readDetail(db: Executor, row: SlaCalendarsTable): Promise<SlaCalendarDetail> {
  const holidays = await db
    .selectFrom('sla_holidays')
    .select(['on_date', 'name', 'source'])
    .where('calendar_id', '=', row.id)
    .orderBy('on_date')
    .execute();
  const policies = await policiesUsing(db, row.id);
  return { ...toCalendar(row, holidays.length), holidays: holidays.map(toHoliday), policies };
}

function policiesUsing(db: Executor, calendarId: string) {
  return db
    .selectFrom('sla_policies')
    .select(['id', 'name'])
    .where('calendar_id', '=', calendarId)
    .where('archived_at', 'is', null)
    .orderBy('name')
    .orderBy('id')
    .execute();
}

export async function createCalendar(ctx: Ctx, actor: Actor, input: unknown): Promise<SlaCalendarDetail> {
  requireRole(actor, 'admin', CHANGE);
  const data = parseInput(createCalendarSchema, input);
  const nowMs = ctx.clock.now();
  const row: SlaCalendarsTable = {
    id: newId('cal'),
    name: data.name,
    kind: 'business',
    time_zone: data.timeZone,
    weekly_hours: JSON.stringify(data.weeklyHours),
    created_at: nowMs,
    updated_at: nowMs,
    archived_at: null,
  };
  await ctx.db.insertInto('sla_calendars').values(row).execute();
  return readDetail(ctx.db, row);
}

/** Clocks are recomputed from the history, so a change applies to open and past incidents alike. */
export async function updateCalendar(ctx: Ctx, actor: Actor, id: string, input: unknown): Promise<SlaCalendarDetail> {
  requireRole(actor, 'admin', CHANGE);
  const patch = parseInput(updateCalendarSchema, input);
  const row = await findCalendarRow(ctx.db, id);
  assertEditable(row);
  const changes: Partial<SlaCalendarsTable> = {};
  if (patch.name !== undefined && patch.name !== row.name) changes.name = patch.name;
  if (patch.timeZone !== undefined && patch.timeZone !== row.time_zone) changes.time_zone = patch.timeZone;
  const hours = patch.weeklyHours && JSON.stringify(patch.weeklyHours);
  if (hours !== undefined && hours !== row.weekly_hours) changes.weekly_hours = hours;
  if (Object.keys(changes).length === 0) return readDetail(ctx.db, row);
  const updated = { ...row, ...changes, updated_at: ctx.clock.now() };
  await ctx.db
    .updateTable('sla_calendars')
    .set({ ...changes, updated_at: updated.updated_at })
    .where('id', '=', row.id)
    .where('kind', '=', 'business')
    .execute();
  return readDetail(ctx.db, updated);
}

/**
 * Archiving hides a calendar from new policies; one still in use by a policy that is not archived
 * is refused, naming the policies, since their clocks would count under a retired calendar.
 */
export async function setCalendarArchived(
  ctx: Ctx,
  actor: Actor,
  id: string,
  archived: boolean,
): Promise<SlaCalendarDetail> {
  requireRole(actor, 'admin', CHANGE);
  return ctx.db.transaction().execute(async (trx) => {
    const row = await findCalendarRow(trx, id);
    assertEditable(row);
    if (archived === (row.archived_at !== null)) return readDetail(trx, row);
    if (archived) {
      const users = await policiesUsing(trx, row.id);
      if (users.length > 0) {
        const names = users.map((p) => `“${p.name}”`).join(', ');
        const which = `${users.length === 1 ? 'policy' : 'policies'} ${names}`;
        throw conflict(`${row.name} is used by the SLA ${which}: move them to another calendar first`, {
          policies: users,
        });
      }
    }
    const nowMs = ctx.clock.now();
    const archivedAt = archived ? nowMs : null;
    await trx
      .updateTable('sla_calendars')
      .set({ archived_at: archivedAt, updated_at: nowMs })
      .where('id', '=', row.id)
      .where('archived_at', archived ? 'is' : 'is not', null)
      .execute();
    return readDetail(trx, { ...row, archived_at: archivedAt, updated_at: nowMs });
  });
}
