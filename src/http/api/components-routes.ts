import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../env.ts';

// STUB (owned by the components helper).
export function componentRoutes(_r: OpenAPIHono<AppEnv>) {}
