import type { Hono } from 'hono';
import type { AppEnv } from '../env.ts';

// STUB (owned by the budgets helper).
export function registerHoursPages(_app: Hono<AppEnv>) {}
