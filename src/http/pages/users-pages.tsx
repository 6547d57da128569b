import type { Hono } from 'hono';
import type { AppEnv } from '../env.ts';

export function registerUserPages(_app: Hono<AppEnv>) {}
