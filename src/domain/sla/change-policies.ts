import { AppError, conflict, notFound } from '../../errors.ts';
import { newId } from '../../ids.ts';
import type { Executor } from '../../storage/schema.ts';
import type { Actor, Ctx } from '../context.ts';
import { requireRole } from '../shared/permissions.ts';
import { parseInput } from '../shared/validation.ts';
import { getSlaPolicy, plansUsingPolicies } from './policies.ts';
import { SEVERITIES } from './policy.ts';
import {
  compactSeverityTargets,
  createSlaPolicySchema,
  POLICY_DEFAULTS,
  rowOfTerms,
  type SlaPolicyTerms,
  type SlaPolicyView,
  slaPolicyTermsSchema,
  termsOfRow,
  updateSlaPolicySchema,
} from './policy-schemas.ts';

type CalendarKind = 'business' | '24x7';
type Issue = { path: string; message: string };

export async function createSlaPolicy(ctx: Ctx, actor: Actor, input: unknown): Promise<SlaPolicyView> {
  requireRole(actor, 'admin', 'change SLA policies');
  const data = parseInput(createSlaPolicySchema, input);
  const calendarKind = await usableCalendarKind(ctx.db, data.calendarId);
  // Under the 24/7 calendar every target is wall-clock time; elsewhere targets count business hours.
  const clock = calendarKind === '24x7' ? '24x7' : 'business';
  const terms = parseInput(slaPolicyTermsSchema, {
    ...POLICY_DEFAULTS,
    firstResponseClock: clock,
    resolutionClock: clock,
    ...data,
  });
  checkTerms(terms, calendarKind);
  const nowMs = ctx.clock.now();
  const id = newId('slp');
  await ctx.db
    .insertInto('sla_policies')
    .values(rowOfTerms(terms, { id, createdAt: nowMs, updatedAt: nowMs, archivedAt: null }))
    .execute();
  return getSlaPolicy(ctx, id);
}

/**
 * Changes a policy in place. Unlike plans, policies are not versioned: clocks are computed from each
 * incident's history under the policy as it is now, so a change applies to past incidents too.
 */
export async function updateSlaPolicy(ctx: Ctx, actor: Actor, id: string, input: unknown): Promise<SlaPolicyView> {
  requireRole(actor, 'admin', 'change SLA policies');
  const patch = parseInput(updateSlaPolicySchema, input);
  const row = await ctx.db.selectFrom('sla_policies').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('SLA policy');
  const current = termsOfRow(row);
  const terms = parseInput(slaPolicyTermsSchema, { ...current, ...patch });
  const calendarKind =
    terms.calendarId === current.calendarId
      ? await calendarKindOf(ctx.db, terms.calendarId)
      : await usableCalendarKind(ctx.db, terms.calendarId);
  checkTerms(terms, calendarKind);
  if (sameTerms(terms, current)) return getSlaPolicy(ctx, id);
  const next = rowOfTerms(terms, {
    id,
    createdAt: row.created_at,
    // Always moves forward, so the conditional update below catches a rival write even within one millisecond.
    updatedAt: Math.max(ctx.clock.now(), row.updated_at + 1),
    archivedAt: row.archived_at,
  });
  const { id: _id, created_at: _created, archived_at: _archived, ...changes } = next;
  // Conditional on what was read: two people editing at once must not silently merge their changes.
  const res = await ctx.db
    .updateTable('sla_policies')
    .set(changes)
    .where('id', '=', id)
    .where('updated_at', '=', row.updated_at)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1)
    throw conflict('The SLA policy was changed by someone else; reload and try again');
  return getSlaPolicy(ctx, id);
}

/**
 * Archiving hides a policy from plan forms; incidents under contracts signed on older plan versions
 * keep using it. A policy that a plan's current version sells cannot be archived.
 */
export async function setSlaPolicyArchived(
  ctx: Ctx,
  actor: Actor,
  id: string,
  archived: boolean,
): Promise<SlaPolicyView> {
  requireRole(actor, 'admin', 'change SLA policies');
  await ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('sla_policies')
      .innerJoin('sla_calendars', 'sla_calendars.id', 'sla_policies.calendar_id')
      .select([
        'sla_policies.name as name',
        'sla_calendars.name as calendarName',
        'sla_calendars.archived_at as calendarArchivedAt',
      ])
      .where('sla_policies.id', '=', id)
      .executeTakeFirst();
    if (!row) throw notFound('SLA policy');
    if (!archived) {
      // A live policy always counts in a live calendar (calendars in use cannot be archived either).
      if (row.calendarArchivedAt !== null) {
        throw conflict(
          `"${row.name}" counts in the archived calendar ${row.calendarName}; restore that calendar first`,
        );
      }
      await trx.updateTable('sla_policies').set({ archived_at: null }).where('id', '=', id).execute();
      return;
    }
    const plans = (await plansUsingPolicies(trx, [id])).get(id) ?? [];
    if (plans.length > 0) {
      const names = plans.map((p) => p.name).join(', ');
      throw conflict(
        `"${row.name}" is the SLA of ${names}; give ${plans.length > 1 ? 'those plans' : 'that plan'} another policy first`,
        {
          plans: plans.map((p) => ({ id: p.id, code: p.code, name: p.name })),
        },
      );
    }
    await trx
      .updateTable('sla_policies')
      .set({ archived_at: ctx.clock.now() })
      .where('id', '=', id)
      .where('archived_at', 'is', null)
      .execute();
  });
  return getSlaPolicy(ctx, id);
}

async function calendarKindOf(db: Executor, calendarId: string): Promise<CalendarKind> {
  const row = await db.selectFrom('sla_calendars').select('kind').where('id', '=', calendarId).executeTakeFirst();
  return row?.kind ?? 'business';
}

/** A new calendar for a policy must exist and not be archived. */
async function usableCalendarKind(db: Executor, calendarId: string): Promise<CalendarKind> {
  const row = await db
    .selectFrom('sla_calendars')
    .select('kind')
    .where('id', '=', calendarId)
    .where('archived_at', 'is', null)
    .executeTakeFirst();
  if (!row) throw invalidTerms([{ path: 'calendarId', message: 'no such calendar (or it is archived)' }]);
  return row.kind;
}

/** Rules across fields: something to measure, and no business-hours clock under the 24/7 calendar. */
function checkTerms(terms: SlaPolicyTerms, calendarKind: CalendarKind): void {
  const issues: Issue[] = [];
  const hasTarget = (key: 'firstResponseMinutes' | 'resolutionMinutes') =>
    terms[key] !== null || SEVERITIES.some((s) => typeof terms.severityTargets[s]?.[key] === 'number');
  const anyTarget = hasTarget('firstResponseMinutes') || hasTarget('resolutionMinutes');
  if (!anyTarget && terms.uptimeCommitmentBp === null) {
    issues.push({ path: 'firstResponseMinutes', message: 'a policy needs a target or an uptime commitment' });
  }
  if (calendarKind === '24x7') {
    for (const [key, clock] of [
      ['firstResponseMinutes', 'firstResponseClock'],
      ['resolutionMinutes', 'resolutionClock'],
    ] as const) {
      if (hasTarget(key) && terms[clock] === 'business') {
        issues.push({ path: clock, message: 'the 24/7 calendar has no business hours; count this target 24/7' });
      }
    }
  }
  if (issues.length > 0) throw invalidTerms(issues);
}

function invalidTerms(issues: Issue[]): AppError {
  const first = issues[0] as Issue;
  return new AppError('invalid', `Invalid input (${first.path}: ${first.message})`, issues);
}

function sameTerms(a: SlaPolicyTerms, b: SlaPolicyTerms): boolean {
  const canonical = (t: SlaPolicyTerms) =>
    JSON.stringify({ ...t, severityTargets: compactSeverityTargets(t.severityTargets) });
  return canonical(a) === canonical(b);
}
