/** The client portal's staff-side API routes; api-routes.ts adds them to API_ROUTES. */
export const PORTAL_API_ROUTES = ['POST /clients/{id}/contacts/{contactId}/portal-invite'] as const;
