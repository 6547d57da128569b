import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import {
  addonInputSchema,
  createAddon,
  getAddon,
  listAddons,
  setAddonArchived,
  updateAddon,
  updateAddonSchema,
} from '../../domain/contracts/addons.ts';
import { createPlan, setPlanArchived, updatePlan } from '../../domain/plans/change-plans.ts';
import {
  getPlan,
  getPlanVersion,
  listPlans,
  listPlansQuerySchema,
  listPlanVersions,
} from '../../domain/plans/read-plans.ts';
import { createPlanSchema, updatePlanSchema } from '../../domain/plans/schemas.ts';
import type { AppEnv } from '../env.ts';
import { defineRoute, idParams } from './define-route.ts';
import { addonDoc, listOf, planDoc, planVersionDoc } from './doc-schemas.ts';

const tag = 'Plans';

export function planRoutes(r: OpenAPIHono<AppEnv>) {
  defineRoute(
    r,
    {
      method: 'get',
      path: '/plans',
      tag,
      summary: 'The plan catalogue in tier order (archived=true|false|all)',
      query: listPlansQuerySchema,
      response: listOf(planDoc),
    },
    async (c, { query }) => ({ data: await listPlans(c.var.ctx, query) }),
  );
  defineRoute(
    r,
    {
      method: 'post',
      path: '/plans',
      tag,
      summary: 'Create a plan (owner/admin)',
      body: createPlanSchema,
      response: planDoc,
      status: 201,
      errors: [409],
    },
    (c, { body }) => createPlan(c.var.ctx, c.var.actor, body),
  );
  defineRoute(
    r,
    {
      method: 'get',
      path: '/plans/{id}',
      tag,
      summary: 'Get a plan by id or code',
      params: idParams,
      response: planDoc,
      errors: [404],
    },
    (c, { params }) => getPlan(c.var.ctx, params.id),
  );
  defineRoute(
    r,
    {
      method: 'patch',
      path: '/plans/{id}',
      tag,
      summary: 'Change a plan: makes a new version; contracts keep the version they signed (owner/admin)',
      params: idParams,
      body: updatePlanSchema,
      response: planDoc,
      errors: [404, 409],
    },
    (c, { params, body }) => updatePlan(c.var.ctx, c.var.actor, params.id, body),
  );
  defineRoute(
    r,
    {
      method: 'get',
      path: '/plans/{id}/versions',
      tag,
      summary: "A plan's versions, newest first",
      params: idParams,
      response: listOf(planVersionDoc),
      errors: [404],
    },
    async (c, { params }) => ({ data: await listPlanVersions(c.var.ctx, params.id) }),
  );
  defineRoute(
    r,
    {
      method: 'get',
      path: '/plan-versions/{id}',
      tag,
      summary: 'Get one plan version',
      params: idParams,
      response: planVersionDoc,
      errors: [404],
    },
    (c, { params }) => getPlanVersion(c.var.ctx, params.id),
  );
  defineRoute(
    r,
    {
      method: 'post',
      path: '/plans/{id}/archive',
      tag,
      summary: 'Stop selling a plan (existing contracts continue)',
      params: idParams,
      response: planDoc,
      errors: [404],
    },
    (c, { params }) => setPlanArchived(c.var.ctx, c.var.actor, params.id, true),
  );
  defineRoute(
    r,
    {
      method: 'post',
      path: '/plans/{id}/restore',
      tag,
      summary: 'Sell an archived plan again',
      params: idParams,
      response: planDoc,
      errors: [404],
    },
    (c, { params }) => setPlanArchived(c.var.ctx, c.var.actor, params.id, false),
  );

  const addonTag = 'Add-ons';
  defineRoute(
    r,
    {
      method: 'get',
      path: '/addons',
      tag: addonTag,
      summary: 'List add-on modules',
      query: z.object({}),
      response: listOf(addonDoc),
    },
    async (c) => ({ data: await listAddons(c.var.ctx) }),
  );
  defineRoute(
    r,
    {
      method: 'post',
      path: '/addons',
      tag: addonTag,
      summary: 'Create an add-on (owner/admin)',
      body: addonInputSchema,
      response: addonDoc,
      status: 201,
    },
    (c, { body }) => createAddon(c.var.ctx, c.var.actor, body),
  );
  defineRoute(
    r,
    {
      method: 'get',
      path: '/addons/{id}',
      tag: addonTag,
      summary: 'Get an add-on',
      params: idParams,
      response: addonDoc,
      errors: [404],
    },
    (c, { params }) => getAddon(c.var.ctx, params.id),
  );
  defineRoute(
    r,
    {
      method: 'patch',
      path: '/addons/{id}',
      tag: addonTag,
      summary: 'Update an add-on (owner/admin)',
      params: idParams,
      body: updateAddonSchema,
      response: addonDoc,
      errors: [404],
    },
    (c, { params, body }) => updateAddon(c.var.ctx, c.var.actor, params.id, body),
  );
  defineRoute(
    r,
    {
      method: 'post',
      path: '/addons/{id}/archive',
      tag: addonTag,
      summary: 'Archive an add-on',
      params: idParams,
      response: addonDoc,
      errors: [404],
    },
    (c, { params }) => setAddonArchived(c.var.ctx, c.var.actor, params.id, true),
  );
  defineRoute(
    r,
    {
      method: 'post',
      path: '/addons/{id}/restore',
      tag: addonTag,
      summary: 'Restore an add-on',
      params: idParams,
      response: addonDoc,
      errors: [404],
    },
    (c, { params }) => setAddonArchived(c.var.ctx, c.var.actor, params.id, false),
  );
}
