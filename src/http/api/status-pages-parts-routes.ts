import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { addStatusPageComponent } from '../../domain/statuspage/add-component.ts';
import { attachDomainSchema, attachStatusPageDomain } from '../../domain/statuspage/attach-domain.ts';
import {
  addComponentSchema,
  reorderComponentsSchema,
  updateComponentSchema,
} from '../../domain/statuspage/component-schemas.ts';
import { detachStatusPageDomain } from '../../domain/statuspage/detach-domain.ts';
import { postIncidentUpdateSchema } from '../../domain/statuspage/incident-update-schemas.ts';
import { listIncidentUpdates } from '../../domain/statuspage/list-incident-updates.ts';
import { postIncidentUpdate } from '../../domain/statuspage/post-incident-update.ts';
import { removeStatusPageComponent } from '../../domain/statuspage/remove-component.ts';
import { reorderStatusPageComponents } from '../../domain/statuspage/reorder-components.ts';
import { updateStatusPageComponent } from '../../domain/statuspage/update-component.ts';
import type { AppEnv } from '../env.ts';
import { defineRoute, idParams } from './define-route.ts';
import { listOf } from './doc-schemas.ts';
import {
  incidentUpdateDoc,
  incidentUpdatesDoc,
  statusPageComponentDoc,
  statusPageDomainDoc,
} from './status-pages-doc-schemas.ts';

// A status page's components and custom domains, and the public updates of incidents.

const tag = 'Status pages';
const componentParams = z.object({ id: z.string().min(1).max(64), componentId: z.string().min(1).max(64) });
const hostParams = z.object({ id: z.string().min(1).max(64), host: z.string().min(1).max(300) });

export function statusPagePartRoutes(r: OpenAPIHono<AppEnv>) {
  componentRoutes(r);
  domainRoutes(r);
  incidentUpdateRoutes(r);
}

function componentRoutes(r: OpenAPIHono<AppEnv>) {
  defineRoute(
    r,
    {
      method: 'post',
      path: '/status-pages/{id}/components',
      tag,
      summary:
        "Show a site (its HTTP, TCP, DNS and TLS monitors) or one monitor of the page's client under a public name, optionally in a group; added last",
      params: idParams,
      body: addComponentSchema,
      response: statusPageComponentDoc,
      status: 201,
      errors: [404, 409],
    },
    (c, { params, body }) => addStatusPageComponent(c.var.ctx, c.var.actor, params.id, body),
  );
  defineRoute(
    r,
    {
      method: 'patch',
      path: '/status-pages/{id}/components/{componentId}',
      tag,
      summary: 'Change a component’s public name, group, or whether the public sees it',
      params: componentParams,
      body: updateComponentSchema,
      response: statusPageComponentDoc,
      errors: [404],
    },
    (c, { params, body }) => updateStatusPageComponent(c.var.ctx, c.var.actor, params.id, params.componentId, body),
  );
  defineRoute(
    r,
    {
      method: 'delete',
      path: '/status-pages/{id}/components/{componentId}',
      tag,
      summary: 'Remove a component from the page',
      params: componentParams,
      status: 204,
      errors: [404],
    },
    async (c, { params }) => {
      await removeStatusPageComponent(c.var.ctx, c.var.actor, params.id, params.componentId);
      return undefined;
    },
  );
  defineRoute(
    r,
    {
      method: 'post',
      path: '/status-pages/{id}/components/reorder',
      tag,
      summary: 'Set the display order: componentIds lists every component of the page once',
      params: idParams,
      body: reorderComponentsSchema,
      response: listOf(statusPageComponentDoc),
      errors: [404],
    },
    async (c, { params, body }) => ({
      data: await reorderStatusPageComponents(c.var.ctx, c.var.actor, params.id, body),
    }),
  );
}

function domainRoutes(r: OpenAPIHono<AppEnv>) {
  defineRoute(
    r,
    {
      method: 'post',
      path: '/status-pages/{id}/domains',
      tag,
      summary:
        'Serve the page on a custom domain (point it at Steward; see docs/custom-domains.md). A domain serves one page: 409 when attached anywhere already',
      params: idParams,
      body: attachDomainSchema,
      response: statusPageDomainDoc,
      status: 201,
      errors: [404, 409],
    },
    (c, { params, body }) => attachStatusPageDomain(c.var.ctx, c.var.actor, params.id, body),
  );
  defineRoute(
    r,
    {
      method: 'delete',
      path: '/status-pages/{id}/domains/{host}',
      tag,
      summary: 'Stop serving the page on a custom domain',
      params: hostParams,
      status: 204,
      errors: [404],
    },
    async (c, { params }) => {
      await detachStatusPageDomain(c.var.ctx, c.var.actor, params.id, params.host);
      return undefined;
    },
  );
}

function incidentUpdateRoutes(r: OpenAPIHono<AppEnv>) {
  defineRoute(
    r,
    {
      method: 'get',
      path: '/incidents/{id}/updates',
      tag,
      summary: 'The public updates of an incident (oldest first) and its public title',
      params: idParams,
      response: incidentUpdatesDoc,
      errors: [404],
    },
    (c, { params }) => listIncidentUpdates(c.var.ctx, params.id),
  );
  defineRoute(
    r,
    {
      method: 'post',
      path: '/incidents/{id}/updates',
      tag,
      summary:
        'Post a public update (investigating, identified, monitoring, resolved) shown on every status page that shows the incident; title optionally sets its public title',
      params: idParams,
      body: postIncidentUpdateSchema,
      response: incidentUpdateDoc,
      status: 201,
      errors: [404],
    },
    (c, { params, body }) => postIncidentUpdate(c.var.ctx, c.var.actor, params.id, body),
  );
}
