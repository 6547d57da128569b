/** The staff routes for status page subscribers; api-routes.ts adds them to API_ROUTES. */
export const STATUS_SUBSCRIBER_API_ROUTES = [
  'GET /status-pages/{id}/subscribers',
  'DELETE /status-pages/{id}/subscribers/{subscriberId}',
] as const;
