import type { OpenAPIHono } from '@hono/zod-openapi';
import {
  acknowledgeIncident,
  addIncidentNote,
  noteSchema,
  pauseIncident,
  pauseSchema,
  resolveIncidentManually,
  resolveSchema,
  resumeIncident,
  setIncidentSeverity,
  severitySchema,
} from '../../domain/incidents/incident-actions.ts';
import {
  getIncident,
  getIncidentSla,
  listIncidents,
  listIncidentsQuerySchema,
} from '../../domain/incidents/read-incidents.ts';
import type { AppEnv } from '../env.ts';
import { defineRoute, idParams } from './define-route.ts';
import { listOf } from './doc-schemas.ts';
import { incidentDetailDoc, incidentDoc, incidentSlaReportDoc } from './monitoring-doc-schemas.ts';

const tag = 'Incidents';

export function incidentRoutes(r: OpenAPIHono<AppEnv>) {
  defineRoute(
    r,
    {
      method: 'get',
      path: '/incidents',
      tag,
      summary:
        'List incidents, newest first, each with its SLA clocks (filter by status, clientId, siteId, monitorId, and sla: at_risk = a running clock past its warning threshold, breached = a clock over its target; limit ≤ 500)',
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
  defineRoute(
    r,
    {
      method: 'get',
      path: '/incidents/{id}/sla',
      tag,
      summary: "An incident's SLA clocks as of now: per metric the target, elapsed, due time, state and margin",
      params: idParams,
      response: incidentSlaReportDoc,
      errors: [404],
    },
    (c, { params }) => getIncidentSla(c.var.ctx, params.id),
  );
  defineRoute(
    r,
    {
      method: 'post',
      path: '/incidents/{id}/pause',
      tag,
      summary:
        'Waiting for the client: the SLA clocks stop until it is resumed (or resolved). A paused or resolved incident is a 409',
      params: idParams,
      body: pauseSchema,
      bodyOptional: true,
      response: incidentDetailDoc,
      errors: [404, 409],
    },
    async (c, { params, body }) => {
      await pauseIncident(c.var.ctx, c.var.actor, params.id, body);
      return getIncident(c.var.ctx, params.id);
    },
  );
  defineRoute(
    r,
    {
      method: 'post',
      path: '/incidents/{id}/resume',
      tag,
      summary: 'The client answered: the SLA clocks run again. An incident that is not paused is a 409',
      params: idParams,
      response: incidentDetailDoc,
      errors: [404, 409],
    },
    async (c, { params }) => {
      await resumeIncident(c.var.ctx, c.var.actor, params.id);
      return getIncident(c.var.ctx, params.id);
    },
  );
  defineRoute(
    r,
    {
      method: 'post',
      path: '/incidents/{id}/severity',
      tag,
      summary:
        "Set the severity (critical, major, minor), which picks the SLA targets. Lowering it, or changing a resolved incident's, needs an admin (403); the same severity is a 409",
      params: idParams,
      body: severitySchema,
      response: incidentDetailDoc,
      errors: [404, 409],
    },
    async (c, { params, body }) => {
      await setIncidentSeverity(c.var.ctx, c.var.actor, params.id, body);
      return getIncident(c.var.ctx, params.id);
    },
  );
}
