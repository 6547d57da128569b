/** The SLA compliance and board routes, for API_ROUTES (openapi, errors and fuzz tests walk every route listed there). */
export const SLA_COMPLIANCE_API_ROUTES = ['GET /sla/compliance', 'GET /sla/board'] as const;
