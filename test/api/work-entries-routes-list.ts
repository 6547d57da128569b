/** The work-entries routes; api-routes.ts adds them to API_ROUTES. */
export const WORK_ENTRY_API_ROUTES = [] as const;
