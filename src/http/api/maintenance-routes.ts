import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import {
  archiveMaintenanceWindow,
  createMaintenanceWindow,
  createMaintenanceWindowSchema,
  listMaintenanceWindows,
} from '../../domain/monitoring/maintenance-windows.ts';
import type { AppEnv } from '../env.ts';
import { defineRoute, idParams } from './define-route.ts';
import { listOf } from './doc-schemas.ts';
import { maintenanceWindowDoc } from './monitoring-doc-schemas.ts';

const tag = 'Maintenance windows';

export function maintenanceRoutes(r: OpenAPIHono<AppEnv>) {
  defineRoute(
    r,
    {
      method: 'get',
      path: '/maintenance-windows',
      tag,
      summary: 'List active maintenance windows (filter by clientId)',
      query: z.object({ clientId: z.string().max(64).optional() }),
      response: listOf(maintenanceWindowDoc),
    },
    async (c, { query }) => ({ data: await listMaintenanceWindows(c.var.ctx, query) }),
  );
  defineRoute(
    r,
    {
      method: 'post',
      path: '/maintenance-windows',
      tag,
      summary:
        "Schedule maintenance for a client (or one of its sites): kind=once with startsAt/endsAt, or kind=weekly with weekdays (1 = Monday), startLocal (HH:MM in the client's time zone) and durationMin. Checks continue, alerts are silenced, the time is excluded from uptime.",
      body: createMaintenanceWindowSchema,
      response: maintenanceWindowDoc,
      status: 201,
      errors: [404],
    },
    (c, { body }) => createMaintenanceWindow(c.var.ctx, c.var.actor, body),
  );
  defineRoute(
    r,
    {
      method: 'post',
      path: '/maintenance-windows/{id}/archive',
      tag,
      summary: 'End a maintenance window; past occurrences keep counting as maintenance',
      params: idParams,
      status: 204,
      errors: [404],
    },
    async (c, { params }) => {
      await archiveMaintenanceWindow(c.var.ctx, c.var.actor, params.id);
      return undefined;
    },
  );
}
