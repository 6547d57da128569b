import type { OpenAPIHono } from '@hono/zod-openapi';
import { archiveStatusPage } from '../../domain/statuspage/archive-page.ts';
import { createStatusPage } from '../../domain/statuspage/create-page.ts';
import { getStatusPage, listStatusPages, listStatusPagesQuerySchema } from '../../domain/statuspage/read-pages.ts';
import {
  createStatusPageSchema,
  updateBrandingSchema,
  updateStatusPageSchema,
} from '../../domain/statuspage/schemas.ts';
import { updateStatusPageBranding } from '../../domain/statuspage/update-branding.ts';
import { updateStatusPage } from '../../domain/statuspage/update-page.ts';
import type { AppEnv } from '../env.ts';
import { defineRoute, idParams } from './define-route.ts';
import { listOf } from './doc-schemas.ts';
import { statusPageDetailDoc, statusPageDoc } from './status-pages-doc-schemas.ts';
import { statusPagePartRoutes } from './status-pages-parts-routes.ts';

const tag = 'Status pages';

export function statusPageRoutes(r: OpenAPIHono<AppEnv>) {
  defineRoute(
    r,
    {
      method: 'get',
      path: '/status-pages',
      tag,
      summary: 'List live status pages (filter by clientId)',
      query: listStatusPagesQuerySchema,
      response: listOf(statusPageDoc),
    },
    async (c, { query }) => ({ data: await listStatusPages(c.var.ctx, query) }),
  );
  defineRoute(
    r,
    {
      method: 'post',
      path: '/status-pages',
      tag,
      summary:
        "Create an unpublished status page for a client whose plan includes one (409 naming the plans that do otherwise). Slug defaults to one made from the title, language and time zone to the client's",
      body: createStatusPageSchema,
      response: statusPageDoc,
      status: 201,
      errors: [404, 409],
    },
    (c, { body }) => createStatusPage(c.var.ctx, c.var.actor, body),
  );
  defineRoute(
    r,
    {
      method: 'get',
      path: '/status-pages/{id}',
      tag,
      summary: 'Get a status page with its components (display order) and custom domains',
      params: idParams,
      response: statusPageDetailDoc,
      errors: [404],
    },
    (c, { params }) => getStatusPage(c.var.ctx, params.id),
  );
  defineRoute(
    r,
    {
      method: 'patch',
      path: '/status-pages/{id}',
      tag,
      summary: 'Change title, slug, language, time zone or published; publishing needs a plan with a status page (409)',
      params: idParams,
      body: updateStatusPageSchema,
      response: statusPageDoc,
      errors: [404, 409],
    },
    (c, { params, body }) => updateStatusPage(c.var.ctx, c.var.actor, params.id, body),
  );
  defineRoute(
    r,
    {
      method: 'patch',
      path: '/status-pages/{id}/branding',
      tag,
      summary:
        'Change logo, favicon, colours (#rrggbb), footer links (http, https or mailto) and hidePoweredBy (only on plans that allow it: 409)',
      params: idParams,
      body: updateBrandingSchema,
      response: statusPageDoc,
      errors: [404, 409],
    },
    (c, { params, body }) => updateStatusPageBranding(c.var.ctx, c.var.actor, params.id, body),
  );
  defineRoute(
    r,
    {
      method: 'post',
      path: '/status-pages/{id}/archive',
      tag,
      summary: 'Take a page down for good: its slug is freed and its custom domains are detached',
      params: idParams,
      status: 204,
      errors: [404],
    },
    async (c, { params }) => {
      await archiveStatusPage(c.var.ctx, c.var.actor, params.id);
      return undefined;
    },
  );
  statusPagePartRoutes(r);
}
