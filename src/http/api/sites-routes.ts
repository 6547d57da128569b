import type { OpenAPIHono } from '@hono/zod-openapi';
import { pageQuerySchema } from '../../domain/shared/pagination.ts';
import {
  createSite,
  createSiteSchema,
  getSite,
  listSites,
  listSitesQuerySchema,
  setSiteArchived,
  updateSite,
  updateSiteSchema,
} from '../../domain/sites/sites.ts';
import type { AppEnv } from '../env.ts';
import { defineRoute, idParams } from './define-route.ts';
import { pageOf, siteDoc } from './doc-schemas.ts';

const tag = 'Sites';

export function siteRoutes(r: OpenAPIHono<AppEnv>) {
  defineRoute(
    r,
    {
      method: 'get',
      path: '/sites',
      tag,
      summary: 'List sites (filter by clientId, cms, q; archived=true|false|all)',
      query: pageQuerySchema.extend(listSitesQuerySchema.shape),
      response: pageOf(siteDoc),
    },
    (c, { query }) => listSites(c.var.ctx, query),
  );
  defineRoute(
    r,
    {
      method: 'post',
      path: '/sites',
      tag,
      summary: 'Add a site to a client (URL is normalised; duplicates per client are refused)',
      body: createSiteSchema,
      response: siteDoc,
      status: 201,
      errors: [404, 409],
    },
    (c, { body }) => createSite(c.var.ctx, c.var.actor, body),
  );
  defineRoute(
    r,
    {
      method: 'get',
      path: '/sites/{id}',
      tag,
      summary: "Get a site, with the plan derived from its client's live contract",
      params: idParams,
      response: siteDoc,
      errors: [404],
    },
    (c, { params }) => getSite(c.var.ctx, params.id),
  );
  defineRoute(
    r,
    {
      method: 'patch',
      path: '/sites/{id}',
      tag,
      summary: 'Update a site',
      params: idParams,
      body: updateSiteSchema,
      response: siteDoc,
      errors: [404, 409],
    },
    (c, { params, body }) => updateSite(c.var.ctx, c.var.actor, params.id, body),
  );
  defineRoute(
    r,
    {
      method: 'post',
      path: '/sites/{id}/archive',
      tag,
      summary: 'Archive a site',
      params: idParams,
      response: siteDoc,
      errors: [404],
    },
    (c, { params }) => setSiteArchived(c.var.ctx, c.var.actor, params.id, true),
  );
  defineRoute(
    r,
    {
      method: 'post',
      path: '/sites/{id}/restore',
      tag,
      summary: 'Restore an archived site',
      params: idParams,
      response: siteDoc,
      errors: [404, 409],
    },
    (c, { params }) => setSiteArchived(c.var.ctx, c.var.actor, params.id, false),
  );
}
