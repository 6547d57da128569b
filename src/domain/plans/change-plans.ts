import { conflict, invalid, notFound } from '../../errors.ts';
import { newId } from '../../ids.ts';
import { isUniqueViolation } from '../../storage/database.ts';
import type { Actor, Ctx } from '../context.ts';
import { requireRole } from '../shared/permissions.ts';
import { parseInput } from '../shared/validation.ts';
import { seedDefaultSla } from '../sla/seed-sla.ts';
import { defaultCatalogue } from './default-catalogue.ts';
import { findPlan, getPlan } from './read-plans.ts';
import {
  createPlanSchema,
  type Plan,
  type PlanTerms,
  planTermsSchema,
  toTerms,
  toVersionRow,
  updatePlanSchema,
} from './schemas.ts';

/** Seeds Basic/Standard/Premium on first start, when the catalogue is empty. */
export async function seedDefaultPlans(ctx: Ctx, currency: string, timeZone = 'UTC'): Promise<boolean> {
  const existing = await ctx.db.selectFrom('plans').select('id').limit(1).executeTakeFirst();
  if (existing) return false;
  try {
    await ctx.db.transaction().execute(async (trx) => {
      const sla = await seedDefaultSla(trx, ctx.clock.now(), timeZone);
      for (const [index, { code, terms }] of defaultCatalogue(currency, sla).entries()) {
        await insertPlan(trx, ctx.clock.now(), code, (index + 1) * 10, terms);
      }
    });
  } catch (err) {
    if (isUniqueViolation(err)) return false; // another process seeded first
    throw err;
  }
  return true;
}

async function insertPlan(trx: Ctx['db'], nowMs: number, code: string, position: number, terms: PlanTerms) {
  const planId = newId('plan');
  const versionId = newId('plv');
  await trx
    .insertInto('plans')
    .values({ id: planId, code, position, current_version_id: versionId, created_at: nowMs, archived_at: null })
    .execute();
  await trx
    .insertInto('plan_versions')
    .values(toVersionRow(terms, { id: versionId, planId, version: 1, createdAt: nowMs }))
    .execute();
  return planId;
}

export async function createPlan(ctx: Ctx, actor: Actor, input: unknown): Promise<Plan> {
  requireRole(actor, 'admin', 'change plans');
  const { code, position, ...rest } = parseInput(createPlanSchema, input);
  const terms = parseInput(planTermsSchema, {
    description: '',
    hourlyRateMinor: null,
    cancellationNoticeDays: 30,
    pricingModel: 'flat',
    slaPolicyId: null,
    ...rest,
  });
  checkPricing(terms);
  await checkSlaPolicy(ctx, terms.slaPolicyId);
  try {
    const id = await ctx.db.transaction().execute(async (trx) => {
      const last = await trx
        .selectFrom('plans')
        .select((eb) => eb.fn.max('position').as('p'))
        .executeTakeFirst();
      return insertPlan(trx, ctx.clock.now(), code, position ?? Number(last?.p ?? 0) + 10, terms);
    });
    return getPlan(ctx, id);
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict(`A plan with the code "${code}" already exists`);
    throw err;
  }
}

/**
 * Changes a plan's terms by adding a new version and pointing the plan at it.
 * Existing contracts keep the version they signed; nothing in use is ever edited in place.
 */
export async function updatePlan(ctx: Ctx, actor: Actor, planId: string, input: unknown): Promise<Plan> {
  requireRole(actor, 'admin', 'change plans');
  const { position, ...patch } = parseInput(updatePlanSchema, input);
  const current = await findPlan(ctx.db, planId);
  if (!current) throw notFound('Plan');
  const currentTerms = toTerms(
    await ctx.db.selectFrom('plan_versions').selectAll().where('id', '=', current.versionId).executeTakeFirstOrThrow(),
  );
  const terms = parseInput(planTermsSchema, { ...currentTerms, ...patch });
  checkPricing(terms);
  if (terms.slaPolicyId !== currentTerms.slaPolicyId) await checkSlaPolicy(ctx, terms.slaPolicyId);
  const termsChanged = JSON.stringify(terms) !== JSON.stringify(currentTerms);

  await ctx.db
    .transaction()
    .execute(async (trx) => {
      if (position !== undefined) {
        await trx.updateTable('plans').set({ position }).where('id', '=', current.id).execute();
      }
      if (!termsChanged) return;
      const versionId = newId('plv');
      const nowMs = ctx.clock.now();
      await trx
        .insertInto('plan_versions')
        .values(
          toVersionRow(terms, { id: versionId, planId: current.id, version: current.version + 1, createdAt: nowMs }),
        )
        .execute();
      // Conditional: if someone else changed the plan since we read it, the loser gets a conflict.
      const moved = await trx
        .updateTable('plans')
        .set({ current_version_id: versionId })
        .where('id', '=', current.id)
        .where('current_version_id', '=', current.versionId)
        .executeTakeFirst();
      if (Number(moved.numUpdatedRows) !== 1)
        throw conflict('The plan was changed by someone else; reload and try again');
    })
    .catch((err) => {
      if (isUniqueViolation(err)) throw conflict('The plan was changed by someone else; reload and try again');
      throw err;
    });
  return getPlan(ctx, current.id);
}

function checkPricing(terms: PlanTerms) {
  if (terms.pricingModel === 'hourly_minimum' && terms.hourlyRateMinor === null) {
    throw invalid('Invalid input (hourlyRateMinor: an hourly plan needs an hourly rate)', [
      { path: 'hourlyRateMinor', message: 'an hourly plan needs an hourly rate' },
    ]);
  }
}

async function checkSlaPolicy(ctx: Ctx, policyId: string | null) {
  if (policyId === null) return;
  const policy = await ctx.db
    .selectFrom('sla_policies')
    .select('id')
    .where('id', '=', policyId)
    .where('archived_at', 'is', null)
    .executeTakeFirst();
  if (!policy) {
    throw invalid('Invalid input (slaPolicyId: no such SLA policy)', [
      { path: 'slaPolicyId', message: 'no such SLA policy (or it is archived)' },
    ]);
  }
}

export async function setPlanArchived(ctx: Ctx, actor: Actor, planId: string, archived: boolean): Promise<Plan> {
  requireRole(actor, 'admin', 'change plans');
  const plan = await getPlan(ctx, planId);
  await ctx.db
    .updateTable('plans')
    .set({ archived_at: archived ? ctx.clock.now() : null })
    .where('id', '=', plan.id)
    .execute();
  return getPlan(ctx, plan.id);
}
