/** The status page and public incident update routes; api-routes.ts adds them to API_ROUTES. */
export const STATUS_PAGE_API_ROUTES = [
  'GET /status-pages',
  'POST /status-pages',
  'GET /status-pages/{id}',
  'PATCH /status-pages/{id}',
  'PATCH /status-pages/{id}/branding',
  'POST /status-pages/{id}/archive',
  'POST /status-pages/{id}/components',
  'PATCH /status-pages/{id}/components/{componentId}',
  'DELETE /status-pages/{id}/components/{componentId}',
  'POST /status-pages/{id}/components/reorder',
  'POST /status-pages/{id}/domains',
  'DELETE /status-pages/{id}/domains/{host}',
  'GET /incidents/{id}/updates',
  'POST /incidents/{id}/updates',
] as const;
