import type { Hono } from 'hono';
import type { AppEnv } from '../env.ts';

export function registerClientPages(_app: Hono<AppEnv>) {}
