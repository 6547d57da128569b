import type { OpenAPIHono } from '@hono/zod-openapi';
import {
  activateContract,
  cancelContract,
  createContract,
  endContract,
  resumeContract,
  updateContract,
} from '../../domain/contracts/change-contracts.ts';
import { getContract, listContracts } from '../../domain/contracts/read-contracts.ts';
import {
  cancelContractSchema,
  createContractSchema,
  listContractsQuerySchema,
  updateContractSchema,
} from '../../domain/contracts/schemas.ts';
import { pageQuerySchema } from '../../domain/shared/pagination.ts';
import type { AppEnv } from '../env.ts';
import { defineRoute, idParams } from './define-route.ts';
import { contractDoc, pageOf } from './doc-schemas.ts';

const tag = 'Contracts';

export function contractRoutes(r: OpenAPIHono<AppEnv>) {
  defineRoute(
    r,
    {
      method: 'get',
      path: '/contracts',
      tag,
      summary: 'List contracts (filter by clientId, status)',
      query: pageQuerySchema.extend(listContractsQuerySchema.shape),
      response: pageOf(contractDoc),
    },
    (c, { query }) => listContracts(c.var.ctx, query),
  );
  defineRoute(
    r,
    {
      method: 'post',
      path: '/contracts',
      tag,
      summary: "Sign a contract on a plan's current version (one live contract per client; owner/admin)",
      body: createContractSchema,
      response: contractDoc,
      status: 201,
      errors: [404, 409],
    },
    (c, { body }) => createContract(c.var.ctx, c.var.actor, body),
  );
  defineRoute(
    r,
    {
      method: 'get',
      path: '/contracts/{id}',
      tag,
      summary: 'Get a contract',
      params: idParams,
      response: contractDoc,
      errors: [404],
    },
    (c, { params }) => getContract(c.var.ctx, params.id),
  );
  defineRoute(
    r,
    {
      method: 'patch',
      path: '/contracts/{id}',
      tag,
      summary: 'Change billing period, notice, trial end or add-ons',
      params: idParams,
      body: updateContractSchema,
      response: contractDoc,
      errors: [404, 409],
    },
    (c, { params, body }) => updateContract(c.var.ctx, c.var.actor, params.id, body),
  );
  defineRoute(
    r,
    {
      method: 'post',
      path: '/contracts/{id}/activate',
      tag,
      summary: 'Convert a trial into a paid contract',
      params: idParams,
      response: contractDoc,
      errors: [404, 409],
    },
    (c, { params }) => activateContract(c.var.ctx, c.var.actor, params.id),
  );
  defineRoute(
    r,
    {
      method: 'post',
      path: '/contracts/{id}/cancel',
      tag,
      summary:
        'Give notice: a trial ends now; a paid contract ends at the end of the period in which the notice runs out',
      params: idParams,
      body: cancelContractSchema,
      bodyOptional: true,
      response: contractDoc,
      errors: [404, 409],
    },
    (c, { params, body }) => cancelContract(c.var.ctx, c.var.actor, params.id, body),
  );
  defineRoute(
    r,
    {
      method: 'post',
      path: '/contracts/{id}/resume',
      tag,
      summary: 'Withdraw a cancellation',
      params: idParams,
      response: contractDoc,
      errors: [404, 409],
    },
    (c, { params }) => resumeContract(c.var.ctx, c.var.actor, params.id),
  );
  defineRoute(
    r,
    {
      method: 'post',
      path: '/contracts/{id}/end',
      tag,
      summary: 'End a contract today',
      params: idParams,
      response: contractDoc,
      errors: [404, 409],
    },
    (c, { params }) => endContract(c.var.ctx, c.var.actor, params.id),
  );
}
