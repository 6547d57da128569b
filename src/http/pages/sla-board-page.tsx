import type { Hono } from 'hono';
import type { AppEnv } from '../env.ts';

export function registerSlaBoard(_app: Hono<AppEnv>) {}
