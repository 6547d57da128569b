import type { Hono } from 'hono';
import type { AppEnv } from '../env.ts';

export function registerPlanPages(_app: Hono<AppEnv>) {}
