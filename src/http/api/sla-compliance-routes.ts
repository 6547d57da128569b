import type { OpenAPIHono } from '@hono/zod-openapi';
import { complianceQuerySchema, monthlyCompliance } from '../../domain/sla/compliance.ts';
import { boardQuerySchema, readSlaBoard } from '../../domain/sla/sla-board.ts';
import type { AppEnv } from '../env.ts';
import { defineRoute } from './define-route.ts';
import { monthlyComplianceDoc, slaBoardDoc } from './sla-compliance-doc-schemas.ts';

const tag = 'SLA compliance';

export function slaComplianceRoutes(r: OpenAPIHono<AppEnv>) {
  defineRoute(
    r,
    {
      method: 'get',
      path: '/sla/compliance',
      tag,
      summary:
        "A month's SLA compliance per client (all clients with sites, or clientId): the month in the client's zone; per site uptime (maintenance excluded), downtime and incidents; per incident its clocks; % within target; the service credit, computed on the site with the lowest uptime. A past month gives the same figures every time",
      query: complianceQuerySchema,
      response: monthlyComplianceDoc,
      errors: [404],
    },
    (c, { query }) => monthlyCompliance(c.var.ctx, c.var.actor, query),
  );
  defineRoute(
    r,
    {
      method: 'get',
      path: '/sla/board',
      tag,
      summary:
        "The SLA board across clients for a month (default: the current one in the agency's zone): clocks at risk now, incidents breached in the month, credits due per currency, and a row per client",
      query: boardQuerySchema,
      response: slaBoardDoc,
    },
    (c, { query }) => readSlaBoard(c.var.ctx, c.var.actor, query),
  );
}
