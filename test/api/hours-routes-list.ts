/** The hours routes; api-routes.ts adds them to API_ROUTES. */
export const HOUR_API_ROUTES = [] as const;
