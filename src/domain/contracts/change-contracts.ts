import { AppError, conflict, notFound } from '../../errors.ts';
import { newId } from '../../ids.ts';
import { isUniqueViolation } from '../../storage/database.ts';
import type { ContractsTable, Executor } from '../../storage/schema.ts';
import { findClientRow } from '../clients/find-client.ts';
import type { Actor, Ctx } from '../context.ts';
import { findPlan } from '../plans/read-plans.ts';
import { requireRole } from '../shared/permissions.ts';
import { addDays, localDate } from '../shared/time.ts';
import { invalidField, parseInput } from '../shared/validation.ts';
import { cancellationLastDay } from './periods.ts';
import { findContract } from './read-contracts.ts';
import { type Contract, cancelContractSchema, createContractSchema, updateContractSchema } from './schemas.ts';

const DEFAULT_TRIAL_DAYS = 14;

async function checkAddons(db: Executor, addonIds: string[]) {
  const unique = [...new Set(addonIds)];
  if (unique.length === 0) return unique;
  const found = await db
    .selectFrom('addons')
    .select('id')
    .where('id', 'in', unique)
    .where('archived_at', 'is', null)
    .execute();
  const missing = unique.filter((id) => !found.some((f) => f.id === id));
  if (missing.length > 0) {
    throw invalidField('addonIds', `unknown or archived add-on ${missing.join(', ')}`);
  }
  return unique;
}

async function replaceAddons(trx: Executor, contractId: string, addonIds: string[]) {
  await trx.deleteFrom('contract_addons').where('contract_id', '=', contractId).execute();
  for (const addonId of addonIds) {
    await trx.insertInto('contract_addons').values({ contract_id: contractId, addon_id: addonId }).execute();
  }
}

export async function createContract(ctx: Ctx, actor: Actor, input: unknown): Promise<Contract> {
  requireRole(actor, 'admin', 'sign or change contracts');
  const data = parseInput(createContractSchema, input);
  const client = await findClientRow(ctx.db, data.clientId);
  if (client.archived_at !== null) throw conflict('The client is archived; restore it before signing a contract');
  const plan = await findPlan(ctx.db, data.planId);
  if (!plan) throw notFound('Plan');
  if (plan.archivedAt) throw conflict(`The plan ${plan.name} is archived and cannot be sold`);
  const addonIds = await checkAddons(ctx.db, data.addonIds);
  const nowMs = ctx.clock.now();
  const startDate = data.startDate ?? localDate(nowMs, client.time_zone);
  if (data.status === 'active' && data.trialEndsOn) throw invalidField('trialEndsOn', 'only a trial has a trial end');
  const trialEndsOn = data.status === 'trial' ? (data.trialEndsOn ?? addDays(startDate, DEFAULT_TRIAL_DAYS)) : null;
  if (trialEndsOn !== null && trialEndsOn < startDate) {
    throw invalidField('trialEndsOn', 'must not be before the start date');
  }
  const row: ContractsTable = {
    id: newId('ctr'),
    client_id: client.id,
    plan_version_id: plan.versionId,
    billing_period: data.billingPeriod,
    status: data.status,
    start_date: startDate,
    trial_ends_on: trialEndsOn,
    cancellation_notice_days: data.cancellationNoticeDays ?? plan.cancellationNoticeDays,
    cancel_requested_at: null,
    ends_on: null,
    created_at: nowMs,
    updated_at: nowMs,
  };
  try {
    await ctx.db.transaction().execute(async (trx) => {
      await trx.insertInto('contracts').values(row).execute();
      await replaceAddons(trx, row.id, addonIds);
    });
  } catch (err) {
    if (isUniqueViolation(err))
      throw conflict('The client already has a live contract; end or change that one instead');
    throw err;
  }
  return findContract(ctx.db, row.id);
}

export async function updateContract(ctx: Ctx, actor: Actor, id: string, input: unknown): Promise<Contract> {
  requireRole(actor, 'admin', 'sign or change contracts');
  const patch = parseInput(updateContractSchema, input);
  const current = await findContract(ctx.db, id);
  if (current.status === 'ended') throw conflict('The contract has ended and can no longer be changed');
  if (patch.trialEndsOn !== undefined && current.status !== 'trial') {
    throw conflict('Only a contract in trial has a trial end date');
  }
  if (patch.trialEndsOn !== undefined && patch.trialEndsOn < current.startDate) {
    throw invalidField('trialEndsOn', 'must not be before the start date');
  }
  const addonIds = patch.addonIds ? await checkAddons(ctx.db, patch.addonIds) : undefined;
  await ctx.db.transaction().execute(async (trx) => {
    const res = await trx
      .updateTable('contracts')
      .set({
        ...(patch.billingPeriod !== undefined && { billing_period: patch.billingPeriod }),
        ...(patch.trialEndsOn !== undefined && { trial_ends_on: patch.trialEndsOn }),
        ...(patch.cancellationNoticeDays !== undefined && { cancellation_notice_days: patch.cancellationNoticeDays }),
        updated_at: ctx.clock.now(),
      })
      .where('id', '=', id)
      .where('status', '<>', 'ended')
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw conflict('The contract has ended and can no longer be changed');
    if (addonIds) await replaceAddons(trx, id, addonIds);
  });
  return findContract(ctx.db, id);
}

/** Moves a contract between states only from the states named; a concurrent change makes the loser a conflict. */
async function transition(
  ctx: Ctx,
  id: string,
  from: ContractsTable['status'][],
  set: Partial<ContractsTable>,
  verb: string,
): Promise<Contract> {
  const current = await findContract(ctx.db, id);
  const res = await ctx.db
    .updateTable('contracts')
    .set({ ...set, updated_at: ctx.clock.now() })
    .where('id', '=', id)
    .where('status', 'in', from)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) {
    const now = await findContract(ctx.db, id);
    throw new AppError('conflict', `Cannot ${verb} a contract that is ${now.status ?? current.status}`);
  }
  return findContract(ctx.db, id);
}

export async function activateContract(ctx: Ctx, actor: Actor, id: string): Promise<Contract> {
  requireRole(actor, 'admin', 'sign or change contracts');
  return transition(ctx, id, ['trial'], { status: 'active', trial_ends_on: null }, 'activate');
}

/**
 * A trial ends at once. A paid contract moves to `cancelling` and ends on the last day of the
 * billing period in which its notice runs out, unless an admin waives the notice.
 */
export async function cancelContract(ctx: Ctx, actor: Actor, id: string, input: unknown = {}): Promise<Contract> {
  requireRole(actor, 'admin', 'sign or change contracts');
  const data = parseInput(cancelContractSchema, input);
  const contract = await findContract(ctx.db, id);
  const client = await findClientRow(ctx.db, contract.clientId);
  const nowMs = ctx.clock.now();
  const today = localDate(nowMs, client.time_zone);
  if (contract.status === 'trial') {
    return transition(ctx, id, ['trial'], { status: 'ended', ends_on: today, cancel_requested_at: nowMs }, 'cancel');
  }
  const earliest = cancellationLastDay(
    contract.startDate,
    contract.billingPeriod,
    today,
    contract.cancellationNoticeDays,
  );
  const lastDay = data.lastDay ?? earliest;
  if (lastDay < today) throw invalidField('lastDay', 'must not be in the past');
  if (lastDay < earliest && !data.waiveNotice) {
    throw invalidField(
      'lastDay',
      `the notice period allows ending on ${earliest} at the earliest; set waiveNotice to end sooner`,
    );
  }
  return transition(
    ctx,
    id,
    ['active'],
    { status: 'cancelling', ends_on: lastDay, cancel_requested_at: nowMs },
    'cancel',
  );
}

export async function resumeContract(ctx: Ctx, actor: Actor, id: string): Promise<Contract> {
  requireRole(actor, 'admin', 'sign or change contracts');
  return transition(ctx, id, ['cancelling'], { status: 'active', ends_on: null, cancel_requested_at: null }, 'resume');
}

/** Ends a contract now (today in the client's zone). */
export async function endContract(ctx: Ctx, actor: Actor, id: string): Promise<Contract> {
  requireRole(actor, 'admin', 'sign or change contracts');
  const contract = await findContract(ctx.db, id);
  const client = await findClientRow(ctx.db, contract.clientId);
  const today = localDate(ctx.clock.now(), client.time_zone);
  return transition(ctx, id, ['trial', 'active', 'cancelling'], { status: 'ended', ends_on: today }, 'end');
}
