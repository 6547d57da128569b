/** The SLA calendar routes, for API_ROUTES (openapi, 401 and fuzz tests walk it). */
export const SLA_CALENDAR_API_ROUTES = [
  'GET /sla/calendars',
  'POST /sla/calendars',
  'GET /sla/calendars/{id}',
  'PATCH /sla/calendars/{id}',
  'POST /sla/calendars/{id}/archive',
  'POST /sla/calendars/{id}/restore',
  'POST /sla/calendars/{id}/holidays',
  'DELETE /sla/calendars/{id}/holidays/{date}',
  'POST /sla/calendars/{id}/holidays/import',
] as const;
