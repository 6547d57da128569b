import type { Hono } from 'hono';
import type { AppEnv } from '../env.ts';

export function registerSlaCalendarPages(_app: Hono<AppEnv>) {}
