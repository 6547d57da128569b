import type { WorkSource } from '../../storage/schema.ts';
import type { Actor, Ctx } from '../context.ts';

// STUB (owned by the worklog helper): replaced by the real use cases.

export type WorkEntryView = {
  id: string;
  clientId: string;
  siteId: string | null;
  kind: string;
  performedAt: string;
  performedBy: string;
  durationMinutes: number;
  billing: 'included' | 'billable';
  description: string;
  details: Record<string, unknown>;
  source: WorkSource;
  createdAt: string;
  updatedAt: string;
  archivedAt: string | null;
};

export type WorkOrigin = {
  source: WorkSource;
  /** Makes the call idempotent: a second call with the same key returns the first entry (created: false). */
  dedupeKey?: string;
  /** Who did it when the actor is not a person (e.g. the ingest key's name). */
  performedBy?: string;
};

export async function createWorkEntry(
  _ctx: Ctx,
  _actor: Actor,
  _input: unknown,
  _origin: WorkOrigin,
): Promise<{ entry: WorkEntryView; created: boolean }> {
  throw new Error('not implemented');
}
