/** The SLA policy routes, for API_ROUTES (openapi, errors and fuzz tests walk every route listed there). */
export const SLA_POLICY_API_ROUTES = [
  'GET /sla/policies',
  'POST /sla/policies',
  'GET /sla/policies/{id}',
  'PATCH /sla/policies/{id}',
  'POST /sla/policies/{id}/archive',
  'POST /sla/policies/{id}/restore',
] as const;
