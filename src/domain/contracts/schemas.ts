import { z } from 'zod';
import type { ContractsTable } from '../../storage/schema.ts';
import { isoOrNull } from '../clients/schemas.ts';
import { isoDateSchema } from '../shared/validation.ts';

const id = z.string().min(1).max(64);

export const createContractSchema = z
  .object({
    clientId: id,
    /** A plan id or code; the contract signs its current version. */
    planId: id,
    billingPeriod: z.enum(['monthly', 'annual']).default('monthly'),
    status: z.enum(['trial', 'active']).default('active'),
    startDate: isoDateSchema.optional(),
    trialEndsOn: isoDateSchema.optional(),
    cancellationNoticeDays: z.number().int().min(0).max(365).optional(),
    addonIds: z.array(id).max(20).default([]),
  })
  .strict();

export const updateContractSchema = z
  .object({
    billingPeriod: z.enum(['monthly', 'annual']),
    trialEndsOn: isoDateSchema,
    cancellationNoticeDays: z.number().int().min(0).max(365),
    addonIds: z.array(id).max(20),
  })
  .partial()
  .strict();

export const cancelContractSchema = z
  .object({
    /** The contract's last day; defaults to the end of the period in which the notice runs out. */
    lastDay: isoDateSchema.optional(),
    /** Lets an admin end earlier than the notice period allows. */
    waiveNotice: z.boolean().default(false),
  })
  .strict();

export const listContractsQuerySchema = z.object({
  clientId: id.optional(),
  status: z.enum(['trial', 'active', 'cancelling', 'ended']).optional(),
});

export type Contract = {
  id: string;
  clientId: string;
  planId: string;
  planCode: string;
  planName: string;
  planVersionId: string;
  planVersion: number;
  billingPeriod: 'monthly' | 'annual';
  status: ContractsTable['status'];
  startDate: string;
  trialEndsOn: string | null;
  cancellationNoticeDays: number;
  cancelRequestedAt: string | null;
  endsOn: string | null;
  addonIds: string[];
  createdAt: string;
  updatedAt: string;
};

export type ContractRow = ContractsTable & {
  plan_id: string;
  plan_code: string;
  plan_name: string;
  plan_version: number;
};

export function toContract(r: ContractRow, addonIds: string[]): Contract {
  return {
    id: r.id,
    clientId: r.client_id,
    planId: r.plan_id,
    planCode: r.plan_code,
    planName: r.plan_name,
    planVersionId: r.plan_version_id,
    planVersion: r.plan_version,
    billingPeriod: r.billing_period,
    status: r.status,
    startDate: r.start_date,
    trialEndsOn: r.trial_ends_on,
    cancellationNoticeDays: r.cancellation_notice_days,
    cancelRequestedAt: isoOrNull(r.cancel_requested_at),
    endsOn: r.ends_on,
    addonIds,
    createdAt: new Date(r.created_at).toISOString(),
    updatedAt: new Date(r.updated_at).toISOString(),
  };
}
