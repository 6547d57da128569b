/** The support request routes; api-routes.ts adds them to API_ROUTES. */
export const SUPPORT_REQUEST_API_ROUTES = [
  'GET /support-requests',
  'POST /support-requests',
  'GET /support-requests/{id}',
  'POST /support-requests/{id}/messages',
  'POST /support-requests/{id}/close',
] as const;
