import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../env.ts';

// STUB (owned by the reports helper).
export function reportRoutes(_r: OpenAPIHono<AppEnv>) {}
