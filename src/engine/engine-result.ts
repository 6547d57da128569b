import type { ProbeResult } from '../probes/index.ts';
import type { CheckResultsTable } from '../storage/schema.ts';
import type { EngineCheckResult } from './events.ts';

/** A stored result as listeners see it (camelCase, booleans, certificate facts when known). */
export function toEngineResult(row: CheckResultsTable, probe?: ProbeResult): EngineCheckResult {
  const result: EngineCheckResult = {
    monitorId: row.monitor_id,
    startedAt: row.started_at,
    location: row.location,
    outcome: row.outcome,
    errorClass: row.error_class,
    message: row.message,
    httpStatus: row.http_status,
    totalMs: row.total_ms,
    isConfirmation: row.is_confirmation === 1,
  };
  const tls = probe?.tls;
  if (tls) {
    result.tls = { validToMs: tls.validToMs, daysToExpiry: tls.daysToExpiry, subject: tls.subject, issuer: tls.issuer };
  }
  return result;
}
