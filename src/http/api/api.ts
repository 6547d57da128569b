import { OpenAPIHono } from '@hono/zod-openapi';
import { authenticateToken } from '../../domain/users/tokens.ts';
import { AppError } from '../../errors.ts';
import type { AppEnv } from '../env.ts';
import { adminRoutes } from './admin-routes.ts';
import { alertRoutes } from './alerts-routes.ts';
import { clientRoutes } from './clients-routes.ts';
import { componentRoutes } from './components-routes.ts';
import { contractRoutes } from './contracts-routes.ts';
import { hourRoutes } from './hours-routes.ts';
import { incidentRoutes } from './incidents-routes.ts';
import { ingestKeyRoutes } from './ingest-keys-routes.ts';
import { maintenanceRoutes } from './maintenance-routes.ts';
import { monitorRoutes } from './monitoring-routes.ts';
import { planRoutes } from './plans-routes.ts';
import { portalInviteRoutes } from './portal-invite-routes.ts';
import { reportRoutes } from './reports-routes.ts';
import { siteRoutes } from './sites-routes.ts';
import { slaCalendarRoutes } from './sla-calendars-routes.ts';
import { slaComplianceRoutes } from './sla-compliance-routes.ts';
import { slaPolicyRoutes } from './sla-policies-routes.ts';
import { statusPageRoutes } from './status-pages-routes.ts';
import { statusSubscriberRoutes } from './status-subscribers-routes.ts';
import { supportRequestRoutes } from './support-requests-routes.ts';
import { workEntryRoutes } from './work-entries-routes.ts';

/** The REST API under /api/v1: bearer tokens only (no cookies, so no CSRF surface). */
export function createApi() {
  const api = new OpenAPIHono<AppEnv>();

  api.use('*', async (c, next) => {
    if (c.req.path.endsWith('/openapi.json')) return next();
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match?.[1]) throw new AppError('unauthenticated', 'Send an API token as Authorization: Bearer <token>');
    const auth = await authenticateToken(c.var.ctx, match[1]);
    if (!auth) throw new AppError('unauthenticated', 'The API token is unknown or revoked');
    c.set('actor', auth.actor);
    c.set('user', auth.user);
    return next();
  });

  api.openAPIRegistry.registerComponent('securitySchemes', 'bearerAuth', {
    type: 'http',
    scheme: 'bearer',
    description: 'An API token from `npx steward token create` or the admin console',
  });

  clientRoutes(api);
  siteRoutes(api);
  planRoutes(api);
  contractRoutes(api);
  adminRoutes(api);
  monitorRoutes(api);
  incidentRoutes(api);
  maintenanceRoutes(api);
  alertRoutes(api);
  slaCalendarRoutes(api);
  slaPolicyRoutes(api);
  slaComplianceRoutes(api);
  statusPageRoutes(api);
  supportRequestRoutes(api);
  statusSubscriberRoutes(api);
  portalInviteRoutes(api);
  reportRoutes(api);
  ingestKeyRoutes(api);
  hourRoutes(api);
  componentRoutes(api);
  workEntryRoutes(api);

  api.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Steward API',
      version: '1.0.0',
      description:
        'Errors are {"error":{"code","message","details?"}}. Money is integer minor units; instants are ISO 8601 UTC; dates are YYYY-MM-DD.',
    },
    servers: [{ url: '/api/v1' }],
  });
  return api;
}
