import type { Hono } from 'hono';
import type { AppEnv } from '../env.ts';

export function registerSlaPolicyPages(_app: Hono<AppEnv>) {}
