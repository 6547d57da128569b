import { notFound } from '../../errors.ts';
import type { Executor, SlaPoliciesTable } from '../../storage/schema.ts';
import { isoOrNull } from '../clients/schemas.ts';
import type { Ctx } from '../context.ts';
import { parseInput } from '../shared/validation.ts';
import { listSlaPoliciesQuerySchema, type SlaPolicyView, termsOfRow } from './policy-schemas.ts';

// Reading policies, with the calendar they count in and the plans that sell them.

/** Policies by name (archived=true|false|all, default false). Anyone signed in may read them. */
export async function listSlaPolicies(ctx: Ctx, query: unknown = {}): Promise<SlaPolicyView[]> {
  const { archived } = parseInput(listSlaPoliciesQuerySchema, query);
  let q = ctx.db.selectFrom('sla_policies').selectAll().orderBy('name').orderBy('id');
  if (archived === 'false') q = q.where('archived_at', 'is', null);
  if (archived === 'true') q = q.where('archived_at', 'is not', null);
  return toViews(ctx.db, await q.execute());
}

export async function getSlaPolicy(ctx: Ctx, id: string): Promise<SlaPolicyView> {
  const row = await ctx.db.selectFrom('sla_policies').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('SLA policy');
  const [view] = await toViews(ctx.db, [row]);
  return view as SlaPolicyView;
}

/** Plans whose current version points at one of the policies, by policy id. */
export async function plansUsingPolicies(db: Executor, policyIds: string[]) {
  const byPolicy = new Map<string, SlaPolicyView['plans']>();
  if (policyIds.length === 0) return byPolicy;
  const rows = await db
    .selectFrom('plans')
    .innerJoin('plan_versions', 'plan_versions.id', 'plans.current_version_id')
    .select([
      'plans.id as id',
      'plans.code as code',
      'plan_versions.name as name',
      'plans.archived_at as archivedAt',
      'plan_versions.sla_policy_id as policyId',
    ])
    .where('plan_versions.sla_policy_id', 'in', policyIds)
    .orderBy('plans.position')
    .orderBy('plans.code')
    .execute();
  for (const r of rows) {
    if (!r.policyId) continue;
    const list = byPolicy.get(r.policyId) ?? [];
    list.push({ id: r.id, code: r.code, name: r.name, archived: r.archivedAt !== null });
    byPolicy.set(r.policyId, list);
  }
  return byPolicy;
}

async function toViews(db: Executor, rows: SlaPoliciesTable[]): Promise<SlaPolicyView[]> {
  if (rows.length === 0) return [];
  const calendarIds = [...new Set(rows.map((r) => r.calendar_id))];
  const calendars = new Map(
    (
      await db
        .selectFrom('sla_calendars')
        .select(['id', 'name', 'kind', 'time_zone'])
        .where('id', 'in', calendarIds)
        .execute()
    ).map((c) => [c.id, { id: c.id, name: c.name, kind: c.kind, timeZone: c.time_zone }]),
  );
  const plans = await plansUsingPolicies(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((row) => ({
    id: row.id,
    ...termsOfRow(row),
    // The foreign key guarantees the calendar; the fallback only keeps a broken row readable.
    calendar: calendars.get(row.calendar_id) ?? { id: row.calendar_id, name: '?', kind: 'business', timeZone: 'UTC' },
    plans: plans.get(row.id) ?? [],
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
    archivedAt: isoOrNull(row.archived_at),
  }));
}
