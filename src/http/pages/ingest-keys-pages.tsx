import type { Hono } from 'hono';
import type { AppEnv } from '../env.ts';

// STUB (owned by the ingest helper).
export function registerIngestKeyPages(_app: Hono<AppEnv>) {}
