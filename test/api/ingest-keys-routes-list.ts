/** The ingest-keys routes; api-routes.ts adds them to API_ROUTES. */
export const INGEST_KEY_API_ROUTES = [] as const;
