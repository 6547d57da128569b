import type { Hono } from 'hono';
import type { AppEnv } from '../env.ts';

export function registerDashboard(_app: Hono<AppEnv>) {}
