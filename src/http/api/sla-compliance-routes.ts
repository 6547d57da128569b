import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../env.ts';

export function slaComplianceRoutes(_r: OpenAPIHono<AppEnv>) {}
