import type { OpenAPIHono } from '@hono/zod-openapi';
import { createSlaPolicy, setSlaPolicyArchived, updateSlaPolicy } from '../../domain/sla/change-policies.ts';
import { getSlaPolicy, listSlaPolicies } from '../../domain/sla/policies.ts';
import {
  createSlaPolicySchema,
  listSlaPoliciesQuerySchema,
  updateSlaPolicySchema,
} from '../../domain/sla/policy-schemas.ts';
import type { AppEnv } from '../env.ts';
import { defineRoute, idParams } from './define-route.ts';
import { listOf } from './doc-schemas.ts';
import { slaPolicyDoc } from './sla-policy-doc-schemas.ts';

const tag = 'SLA policies';

export function slaPolicyRoutes(r: OpenAPIHono<AppEnv>) {
  defineRoute(
    r,
    {
      method: 'get',
      path: '/sla/policies',
      tag,
      summary: 'SLA policies by name (archived=true|false|all), with their calendar and the plans selling them',
      query: listSlaPoliciesQuerySchema,
      response: listOf(slaPolicyDoc),
    },
    async (c, { query }) => ({ data: await listSlaPolicies(c.var.ctx, query) }),
  );
  defineRoute(
    r,
    {
      method: 'post',
      path: '/sla/policies',
      tag,
      summary:
        'Create an SLA policy (owner/admin). Left out: no targets, warning at 75 %, credit 10 % of the fee per started 0.1 % below the commitment, capped at 50 %; targets count 24/7 under the 24/7 calendar, business hours otherwise',
      body: createSlaPolicySchema,
      response: slaPolicyDoc,
      status: 201,
    },
    (c, { body }) => createSlaPolicy(c.var.ctx, c.var.actor, body),
  );
  defineRoute(
    r,
    {
      method: 'get',
      path: '/sla/policies/{id}',
      tag,
      summary: 'Get an SLA policy',
      params: idParams,
      response: slaPolicyDoc,
      errors: [404],
    },
    (c, { params }) => getSlaPolicy(c.var.ctx, params.id),
  );
  defineRoute(
    r,
    {
      method: 'patch',
      path: '/sla/policies/{id}',
      tag,
      summary:
        'Change an SLA policy (owner/admin); severityTargets is replaced whole. Takes effect at once: the clocks of all incidents under this policy are recomputed from their history',
      params: idParams,
      body: updateSlaPolicySchema,
      response: slaPolicyDoc,
      errors: [404, 409],
    },
    (c, { params, body }) => updateSlaPolicy(c.var.ctx, c.var.actor, params.id, body),
  );
  defineRoute(
    r,
    {
      method: 'post',
      path: '/sla/policies/{id}/archive',
      tag,
      summary:
        "Archive an SLA policy: plans can no longer choose it; contracts on older plan versions keep it. Refused (409) while a plan's current version sells it",
      params: idParams,
      response: slaPolicyDoc,
      errors: [404, 409],
    },
    (c, { params }) => setSlaPolicyArchived(c.var.ctx, c.var.actor, params.id, true),
  );
  defineRoute(
    r,
    {
      method: 'post',
      path: '/sla/policies/{id}/restore',
      tag,
      summary: 'Restore an archived SLA policy; refused (409) while its calendar is archived',
      params: idParams,
      response: slaPolicyDoc,
      errors: [404, 409],
    },
    (c, { params }) => setSlaPolicyArchived(c.var.ctx, c.var.actor, params.id, false),
  );
}
