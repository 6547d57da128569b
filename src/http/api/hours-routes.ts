import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../env.ts';

// STUB (owned by the budgets helper).
export function hourRoutes(_r: OpenAPIHono<AppEnv>) {}
