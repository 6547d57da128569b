import { z } from 'zod';
import { notFound } from '../../errors.ts';
import { newId, sha256Hex } from '../../ids.ts';
import type { CheckResultsTable, Executor, MonitorsTable } from '../../storage/schema.ts';
import type { Ctx } from '../context.ts';
import { inTransaction } from '../incidents/incident-lifecycle.ts';
import { evaluateCheck, type IncidentPolicy } from './evaluate-check.ts';
import { heartbeatConfigSchema } from './monitor-schemas.ts';
import {
  applyIncidentAction,
  type IncidentChange,
  insertCheckResults,
  loadIncidentLinks,
  stateColumns,
  stateFromRow,
  writeMonitorState,
} from './record-results.ts';

// Heartbeats are passive: a job calls its secret URL; silence past period + grace is a failed
// check. A ping and a deadline are both "checks" recorded in check_results (location
// 'heartbeat'), so rollups, uptime and incidents treat them like any other monitor.

export const HEARTBEAT_LOCATION = 'heartbeat';
export const HEARTBEAT_MISSED = 'heartbeat_missed';

const TOKEN = /^hb_[A-Za-z0-9_-]{20,100}$/;

/** Whatever the caller sends is kept as evidence, cut to a sane length rather than refused. */
const clip = (max: number) =>
  z
    .string()
    .nullish()
    .transform((v) => (v ? v.slice(0, max) : null));
const pingMetaSchema = z.object({ ip: clip(100), userAgent: clip(500), note: clip(1_000) });

/** The deadline is its own confirmation: one missed deadline opens the incident, one ping closes it. */
export function heartbeatPolicy(row: Pick<MonitorsTable, 'flap_grace_s'>): IncidentPolicy {
  return { failureThreshold: 1, recoveryThreshold: 1, flapGraceMs: row.flap_grace_s * 1000 };
}

export function heartbeatTiming(row: Pick<MonitorsTable, 'config'>) {
  const config = heartbeatConfigSchema.parse(JSON.parse(row.config));
  return { periodMs: config.periodS * 1000, graceMs: config.graceS * 1000 };
}

export type PingOutcome = { monitorId: string; change: IncidentChange | null; result: CheckResultsTable | null };

/**
 * Records one call of a heartbeat URL. Unknown or archived: not_found. On an enabled monitor the
 * ping is a good check, so a ping after a missed deadline resolves the incident at once.
 */
export async function recordHeartbeatPing(ctx: Ctx, token: string, meta: unknown = {}): Promise<PingOutcome> {
  if (!TOKEN.test(token)) throw notFound('Heartbeat');
  const found = await ctx.db
    .selectFrom('monitors')
    .select('id')
    .where('heartbeat_token_hash', '=', sha256Hex(token))
    .where('kind', '=', 'heartbeat')
    .where('archived_at', 'is', null)
    .executeTakeFirst();
  if (!found) throw notFound('Heartbeat');
  const m = pingMetaSchema.parse(meta ?? {});
  const nowMs = ctx.clock.now();
  // One transaction that starts by writing the monitor row: a concurrent deadline check for the
  // same monitor (which also starts there) runs wholly before or after it, never interleaved.
  return inTransaction(ctx.db, async (trx) => {
    await trx.updateTable('monitors').set({ last_ping_at: nowMs }).where('id', '=', found.id).execute();
    await trx
      .insertInto('heartbeat_pings')
      .values({
        id: newId('hbp'),
        monitor_id: found.id,
        received_at: nowMs,
        source_ip: m.ip,
        user_agent: m.userAgent,
        note: m.note,
      })
      .execute();
    const row = await trx.selectFrom('monitors').selectAll().where('id', '=', found.id).executeTakeFirstOrThrow();
    if (row.enabled !== 1) return { monitorId: row.id, change: null, result: null };
    const result = heartbeatResult(row.id, nowMs, 'up', null, null);
    const change = await recordHeartbeatCheck(trx, row, result, nowMs);
    return { monitorId: row.id, change, result };
  });
}

export type DeadlineOutcome = {
  /** When to look again; null when the monitor is no longer an active heartbeat. */
  nextCheckAtMs: number | null;
  change: IncidentChange | null;
  result: CheckResultsTable | null;
};

/**
 * The scheduler's look at a heartbeat: before the deadline it only says when to come back; past
 * it, each missed period is one failed check (started_at = that deadline), recorded once even
 * when two engines look at the same time. `notBeforeMs` moves the reference point forward when
 * Steward itself was down (pings could not arrive then).
 */
export async function checkHeartbeatDeadline(
  db: Executor,
  monitorId: string,
  nowMs: number,
  notBeforeMs: number | null = null,
): Promise<DeadlineOutcome> {
  const row = await db.selectFrom('monitors').selectAll().where('id', '=', monitorId).executeTakeFirst();
  if (row?.kind !== 'heartbeat' || row.enabled !== 1 || row.archived_at !== null) {
    return { nextCheckAtMs: null, change: null, result: null };
  }
  const { periodMs, graceMs } = heartbeatTiming(row);
  const referenceMs = Math.max(row.last_ping_at ?? row.created_at, notBeforeMs ?? Number.NEGATIVE_INFINITY);
  const firstDeadlineMs = referenceMs + periodMs + graceMs;
  if (nowMs < firstDeadlineMs) return { nextCheckAtMs: firstDeadlineMs, change: null, result: null };
  const deadlineMs = firstDeadlineMs + Math.floor((nowMs - firstDeadlineMs) / periodMs) * periodMs;
  const next = { nextCheckAtMs: deadlineMs + periodMs, change: null, result: null };
  const message = `no ping since ${new Date(referenceMs).toISOString()}; expected every ${periodMs / 1000} s (+${graceMs / 1000} s grace)`;
  return inTransaction(db, async (trx) => {
    // Claim this deadline: fails when a ping arrived since the read or it was already recorded.
    const claim = await trx
      .updateTable('monitors')
      .set({ last_check_at: deadlineMs })
      .where('id', '=', monitorId)
      .where('last_ping_at', row.last_ping_at === null ? 'is' : '=', row.last_ping_at)
      .where((eb) => eb.or([eb('last_check_at', 'is', null), eb('last_check_at', '<', deadlineMs)]))
      .executeTakeFirst();
    if (Number(claim.numUpdatedRows) !== 1) return next;
    const result = heartbeatResult(monitorId, deadlineMs, 'down', HEARTBEAT_MISSED, message);
    const change = await recordHeartbeatCheck(trx, row, result, nowMs);
    return { ...next, change, result };
  });
}

/** Evaluates one heartbeat check against the stored state and writes result, incident and state. */
async function recordHeartbeatCheck(trx: Executor, row: MonitorsTable, result: CheckResultsTable, nowMs: number) {
  const links = await loadIncidentLinks(trx, [row.id], nowMs);
  const observation = {
    outcome: result.outcome,
    startedAt: result.started_at,
    isConfirmation: false,
    errorClass: result.error_class,
    message: result.message,
  };
  const evaluated = evaluateCheck(stateFromRow(row, links.get(row.id)), observation, heartbeatPolicy(row), nowMs);
  const applied = await applyIncidentAction(trx, row.id, evaluated.state, evaluated.action, nowMs);
  await insertCheckResults(trx, [result]);
  await writeMonitorState(trx, row.id, stateColumns(applied.state, result));
  return applied.change;
}

function heartbeatResult(
  monitorId: string,
  startedAt: number,
  outcome: 'up' | 'down',
  errorClass: string | null,
  message: string | null,
): CheckResultsTable {
  return {
    monitor_id: monitorId,
    started_at: startedAt,
    location: HEARTBEAT_LOCATION,
    outcome,
    error_class: errorClass,
    http_status: null,
    dns_ms: null,
    connect_ms: null,
    tls_ms: null,
    first_byte_ms: null,
    total_ms: 0,
    message,
    is_confirmation: 0,
  };
}
