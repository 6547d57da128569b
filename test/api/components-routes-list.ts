/** The components routes; api-routes.ts adds them to API_ROUTES. */
export const COMPONENT_API_ROUTES = [] as const;
