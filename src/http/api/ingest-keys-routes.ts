import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../env.ts';

// STUB (owned by the ingest helper).
export function ingestKeyRoutes(_r: OpenAPIHono<AppEnv>) {}
