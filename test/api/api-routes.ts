import { COMPONENT_API_ROUTES } from './components-routes-list.ts';
import { HOUR_API_ROUTES } from './hours-routes-list.ts';
import { INGEST_KEY_API_ROUTES } from './ingest-keys-routes-list.ts';
import { MONITORING_API_ROUTES } from './monitoring-routes-list.ts';
import { PORTAL_API_ROUTES } from './portal-routes-list.ts';
import { REPORT_API_ROUTES } from './reports-routes-list.ts';
import { SLA_CALENDAR_API_ROUTES } from './sla-calendar-routes-list.ts';
import { SLA_COMPLIANCE_API_ROUTES } from './sla-compliance-routes-list.ts';
import { SLA_POLICY_API_ROUTES } from './sla-policy-routes-list.ts';
import { STATUS_PAGE_API_ROUTES } from './status-pages-routes-list.ts';
import { STATUS_SUBSCRIBER_API_ROUTES } from './status-subscribers-routes-list.ts';
import { SUPPORT_REQUEST_API_ROUTES } from './support-requests-routes-list.ts';
import { WORK_ENTRY_API_ROUTES } from './work-entries-routes-list.ts';

/**
 * Every route of the REST API, as the OpenAPI document names them. openapi.test.ts checks that the
 * document lists exactly these, and errors/fuzz tests walk them, so a new route cannot slip in untested.
 */
export const API_ROUTES = [
  'GET /clients',
  'POST /clients',
  'GET /clients/{id}',
  'PATCH /clients/{id}',
  'POST /clients/{id}/archive',
  'POST /clients/{id}/restore',
  'GET /clients/{id}/contacts',
  'POST /clients/{id}/contacts',
  'PATCH /clients/{id}/contacts/{contactId}',
  'DELETE /clients/{id}/contacts/{contactId}',
  'GET /sites',
  'POST /sites',
  'GET /sites/{id}',
  'PATCH /sites/{id}',
  'POST /sites/{id}/archive',
  'POST /sites/{id}/restore',
  'GET /plans',
  'POST /plans',
  'GET /plans/{id}',
  'PATCH /plans/{id}',
  'GET /plans/{id}/versions',
  'GET /plan-versions/{id}',
  'POST /plans/{id}/archive',
  'POST /plans/{id}/restore',
  'GET /addons',
  'POST /addons',
  'GET /addons/{id}',
  'PATCH /addons/{id}',
  'POST /addons/{id}/archive',
  'POST /addons/{id}/restore',
  'GET /contracts',
  'POST /contracts',
  'GET /contracts/{id}',
  'PATCH /contracts/{id}',
  'POST /contracts/{id}/activate',
  'POST /contracts/{id}/cancel',
  'POST /contracts/{id}/resume',
  'POST /contracts/{id}/end',
  'GET /settings',
  'PATCH /settings',
  'GET /me',
  'GET /users',
  'POST /users',
  'GET /users/{id}',
  'PATCH /users/{id}',
  'POST /users/{id}/archive',
  'POST /users/{id}/restore',
  'GET /tokens',
  'POST /tokens',
  'POST /tokens/{id}/revoke',
  ...MONITORING_API_ROUTES,
  ...STATUS_PAGE_API_ROUTES,
  ...STATUS_SUBSCRIBER_API_ROUTES,
  ...SLA_CALENDAR_API_ROUTES,
  ...SLA_POLICY_API_ROUTES,
  ...SLA_COMPLIANCE_API_ROUTES,
  ...SUPPORT_REQUEST_API_ROUTES,
  ...WORK_ENTRY_API_ROUTES,
  ...COMPONENT_API_ROUTES,
  ...HOUR_API_ROUTES,
  ...INGEST_KEY_API_ROUTES,
  ...REPORT_API_ROUTES,
  ...PORTAL_API_ROUTES,
] as const;

export function splitRoute(route: string): { method: string; path: string } {
  const [method = '', path = ''] = route.split(' ');
  return { method, path };
}
