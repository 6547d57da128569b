import type { Hono } from 'hono';
import type { AppEnv } from '../env.ts';

export function registerSettingsPages(_app: Hono<AppEnv>) {}
