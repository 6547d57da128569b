import type { OpenAPIHono } from '@hono/zod-openapi';
import {
  acknowledgeIncident,
  addIncidentNote,
  noteSchema,
  resolveIncidentManually,
  resolveSchema,
} from '../../domain/incidents/incident-actions.ts';
import { getIncident, listIncidents, listIncidentsQuerySchema } from '../../domain/incidents/read-incidents.ts';
import type { AppEnv } from '../env.ts';
import { defineRoute, idParams } from './define-route.ts';
import { listOf } from './doc-schemas.ts';
import { incidentDetailDoc, incidentDoc } from './monitoring-doc-schemas.ts';

const tag = 'Incidents';

export function incidentRoutes(r: OpenAPIHono<AppEnv>) {
  defineRoute(
    r,
    {
      method: 'get',
      path: '/incidents',
      tag,
      summary: 'List incidents, newest first (filter by status, clientId, siteId, monitorId; limit ≤ 500)',
      query: listIncidentsQuerySchema,
      response: listOf(incidentDoc),
    },
    async (c, { query }) => ({ data: await listIncidents(c.var.ctx, query) }),
  );
  defineRoute(
    r,
    {
      method: 'get',
      path: '/incidents/{id}',
      tag,
      summary: 'Get an incident with its timeline of events (oldest first)',
      params: idParams,
      response: incidentDetailDoc,
      errors: [404],
    },
    (c, { params }) => getIncident(c.var.ctx, params.id),
  );
  defineRoute(
    r,
    {
      method: 'post',
      path: '/incidents/{id}/acknowledge',
      tag,
      summary: 'Acknowledge an incident: you are on it. Only the first acknowledgement counts; a second one is a 409',
      params: idParams,
      response: incidentDetailDoc,
      errors: [404, 409],
    },
    async (c, { params }) => {
      await acknowledgeIncident(c.var.ctx, c.var.actor, params.id);
      return getIncident(c.var.ctx, params.id);
    },
  );
  defineRoute(
    r,
    {
      method: 'post',
      path: '/incidents/{id}/notes',
      tag,
      summary: "Add a note to an incident's timeline",
      params: idParams,
      body: noteSchema,
      response: incidentDetailDoc,
      status: 201,
      errors: [404],
    },
    async (c, { params, body }) => {
      await addIncidentNote(c.var.ctx, c.var.actor, params.id, body);
      return getIncident(c.var.ctx, params.id);
    },
  );
  defineRoute(
    r,
    {
      method: 'post',
      path: '/incidents/{id}/resolve',
      tag,
      summary: 'Resolve an open incident by hand (e.g. a false alarm), optionally with a note; a resolved one is a 409',
      params: idParams,
      body: resolveSchema,
      bodyOptional: true,
      response: incidentDetailDoc,
      errors: [404, 409],
    },
    async (c, { params, body }) => {
      await resolveIncidentManually(c.var.ctx, c.var.actor, params.id, body);
      return getIncident(c.var.ctx, params.id);
    },
  );
}
