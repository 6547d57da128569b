import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../env.ts';

export function slaPolicyRoutes(_r: OpenAPIHono<AppEnv>) {}
