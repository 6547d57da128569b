import type { Hono } from 'hono';
import type { AppEnv } from '../env.ts';

// STUB (owned by the reports helper).
export function registerReportPages(_app: Hono<AppEnv>) {}
