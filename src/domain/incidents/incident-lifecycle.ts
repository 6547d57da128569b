import { newId } from '../../ids.ts';
import { isUniqueViolation } from '../../storage/database.ts';
import type { Executor, IncidentsTable } from '../../storage/schema.ts';
import { endPauseAtResolution } from './end-pause.ts';
import { appendIncidentEvent } from './incident-events.ts';

// The transitions the monitoring engine drives. Each is one transaction and a conditional write,
// so two workers evaluating the same monitor cannot open two incidents or resolve one twice.

export type OpenInput = {
  monitorId: string;
  startedAt: number;
  detectedAt: number;
  errorClass: string | null;
  message: string | null;
};

/** Opens the incident for an outage, or returns the one already open for this monitor. */
export async function openIncident(db: Executor, input: OpenInput): Promise<{ id: string; created: boolean }> {
  const site = await db
    .selectFrom('monitors')
    .innerJoin('sites', 'sites.id', 'monitors.site_id')
    .select(['sites.id as siteId', 'sites.client_id as clientId'])
    .where('monitors.id', '=', input.monitorId)
    .executeTakeFirstOrThrow();
  const row: IncidentsTable = {
    id: newId('inc'),
    monitor_id: input.monitorId,
    site_id: site.siteId,
    client_id: site.clientId,
    status: 'open',
    started_at: input.startedAt,
    detected_at: input.detectedAt,
    acknowledged_at: null,
    acknowledged_by: null,
    resolved_at: null,
    cause_error_class: input.errorClass,
    cause_message: input.message,
    reopen_count: 0,
    severity: 'critical',
    paused_at: null,
    created_at: input.detectedAt,
    updated_at: input.detectedAt,
  };
  try {
    await inTransaction(db, async (trx) => {
      await trx.insertInto('incidents').values(row).execute();
      await appendIncidentEvent(trx, {
        incidentId: row.id,
        kind: 'opened',
        actor: { kind: 'monitor' },
        atMs: input.detectedAt,
        data: { startedAt: input.startedAt, errorClass: input.errorClass, message: input.message },
      });
    });
    return { id: row.id, created: true };
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    const open = await db
      .selectFrom('incidents')
      .select('id')
      .where('monitor_id', '=', input.monitorId)
      .where('status', '=', 'open')
      .executeTakeFirstOrThrow();
    return { id: open.id, created: false };
  }
}

/** Reopens a recently resolved incident (flapping); false when it is no longer resolved. */
export async function reopenIncident(db: Executor, incidentId: string, atMs: number): Promise<boolean> {
  return inTransaction(db, async (trx) => {
    const res = await trx
      .updateTable('incidents')
      .set((eb) => ({ status: 'open', resolved_at: null, reopen_count: eb('reopen_count', '+', 1), updated_at: atMs }))
      .where('id', '=', incidentId)
      .where('status', '=', 'resolved')
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) return false;
    await appendIncidentEvent(trx, { incidentId, kind: 'reopened', actor: { kind: 'monitor' }, atMs });
    return true;
  }).catch((err) => {
    if (isUniqueViolation(err)) return false; // another incident is already open for the monitor
    throw err;
  });
}

/** Resolves by the first good check; false if someone (or something) resolved it first. */
export async function resolveIncidentByCheck(db: Executor, incidentId: string, resolvedAt: number, atMs: number) {
  return inTransaction(db, async (trx) => {
    const res = await trx
      .updateTable('incidents')
      .set({ status: 'resolved', resolved_at: resolvedAt, updated_at: atMs })
      .where('id', '=', incidentId)
      .where('status', '=', 'open')
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) return false;
    await appendIncidentEvent(trx, {
      incidentId,
      kind: 'resolved',
      actor: { kind: 'monitor' },
      atMs,
      data: { resolvedAt },
    });
    await endPauseAtResolution(trx, incidentId, { kind: 'monitor' }, atMs);
    return true;
  });
}

/** Runs fn in a transaction unless db already is one. */
export async function inTransaction<T>(db: Executor, fn: (trx: Executor) => Promise<T>): Promise<T> {
  if (db.isTransaction) return fn(db);
  return (db as Exclude<Executor, { isTransaction: true }>).transaction().execute(fn);
}
