import type { Hono } from 'hono';
import type { AppEnv } from '../env.ts';

// STUB (owned by the components helper).
export function registerUpdatesPages(_app: Hono<AppEnv>) {}
