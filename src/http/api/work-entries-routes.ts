import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../env.ts';

// STUB (owned by the worklog helper).
export function workEntryRoutes(_r: OpenAPIHono<AppEnv>) {}
