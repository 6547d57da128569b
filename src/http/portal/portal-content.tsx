import type { Hono } from 'hono';
import type { PortalEnv } from './portal-env.ts';

/** The signed-in portal's pages (sites, incidents, SLA, plan, support requests), mounted under /portal. */
export function registerPortalContent(_app: Hono<PortalEnv>) {}
