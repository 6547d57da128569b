import { z } from 'zod';
import { notFound } from '../../errors.ts';
import type { Executor } from '../../storage/schema.ts';
import type { Ctx } from '../context.ts';
import { parseInput } from '../shared/validation.ts';
import { planSlaSummaries } from '../sla/plan-sla.ts';
import { type Plan, type PlanVersion, toPlan, toPlanVersion } from './schemas.ts';

export const listPlansQuerySchema = z.object({
  archived: z.enum(['true', 'false', 'all']).default('false'),
});

/** The catalogue is small (a handful of tiers), so it is returned whole, in tier order. */
export async function listPlans(ctx: Ctx, query: unknown = {}): Promise<Plan[]> {
  const { archived } = parseInput(listPlansQuerySchema, query);
  let q = ctx.db
    .selectFrom('plans')
    .innerJoin('plan_versions', 'plan_versions.id', 'plans.current_version_id')
    .selectAll('plan_versions')
    .select([
      'plans.id as p_id',
      'plans.code as p_code',
      'plans.position as p_position',
      'plans.created_at as p_created_at',
      'plans.archived_at as p_archived_at',
      'plans.current_version_id as p_current_version_id',
    ])
    .orderBy('plans.position')
    .orderBy('plans.code');
  if (archived === 'false') q = q.where('plans.archived_at', 'is', null);
  if (archived === 'true') q = q.where('plans.archived_at', 'is not', null);
  const rows = await q.execute();
  const slas = await planSlaSummaries(
    ctx.db,
    rows.map((r) => r.sla_policy_id),
  );
  return rows.map((r) =>
    toPlan(
      {
        id: r.p_id,
        code: r.p_code,
        position: r.p_position,
        created_at: r.p_created_at,
        archived_at: r.p_archived_at,
        current_version_id: r.p_current_version_id,
      },
      r,
      (r.sla_policy_id && slas.get(r.sla_policy_id)) || null,
    ),
  );
}

export async function findPlan(db: Executor, idOrCode: string): Promise<Plan | undefined> {
  const plan = await db
    .selectFrom('plans')
    .selectAll()
    .where((eb) => eb.or([eb('id', '=', idOrCode), eb('code', '=', idOrCode)]))
    .executeTakeFirst();
  if (!plan) return undefined;
  const version = await db
    .selectFrom('plan_versions')
    .selectAll()
    .where('id', '=', plan.current_version_id)
    .executeTakeFirstOrThrow();
  const slas = await planSlaSummaries(db, [version.sla_policy_id]);
  return toPlan(plan, version, (version.sla_policy_id && slas.get(version.sla_policy_id)) || null);
}

/** A plan by id or by its code ("premium"). */
export async function getPlan(ctx: Ctx, idOrCode: string): Promise<Plan> {
  const plan = await findPlan(ctx.db, idOrCode);
  if (!plan) throw notFound('Plan');
  return plan;
}

export async function listPlanVersions(ctx: Ctx, planId: string): Promise<PlanVersion[]> {
  const plan = await getPlan(ctx, planId);
  const rows = await ctx.db
    .selectFrom('plan_versions')
    .selectAll()
    .where('plan_id', '=', plan.id)
    .orderBy('version', 'desc')
    .execute();
  return rows.map(toPlanVersion);
}

export async function getPlanVersion(ctx: Ctx, versionId: string): Promise<PlanVersion> {
  const row = await ctx.db.selectFrom('plan_versions').selectAll().where('id', '=', versionId).executeTakeFirst();
  if (!row) throw notFound('Plan version');
  return toPlanVersion(row);
}
