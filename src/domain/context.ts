import type { Clock } from '../clock.ts';
import type { Db } from '../storage/schema.ts';

export type Role = 'owner' | 'admin' | 'technician';

/** Who is acting: a signed-in user (or their API token), or the local operator via the CLI. */
export type Actor = { kind: 'user'; userId: string; role: Role } | { kind: 'system' };

/** What every use case gets: storage and a clock. No HTTP, no environment. */
export type Ctx = { db: Db; clock: Clock };

export const systemActor: Actor = { kind: 'system' };
