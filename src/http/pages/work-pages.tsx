import type { Hono } from 'hono';
import type { AppEnv } from '../env.ts';

// STUB (owned by the worklog helper).
export function registerWorkPages(_app: Hono<AppEnv>) {}
