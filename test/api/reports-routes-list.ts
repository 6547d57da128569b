/** The reports routes; api-routes.ts adds them to API_ROUTES. */
export const REPORT_API_ROUTES = [] as const;
