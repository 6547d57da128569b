import type { Executor } from '../../storage/schema.ts';
import type { HoursUsage } from '../reports/report-types.ts';

// STUB (owned by the budgets helper): replaced by the real computation.

/** The client's hours for a month ("2026-03", in the client's zone), from stored work entries and blocks. */
export async function monthHoursUsage(
  _db: Executor,
  _clientId: string,
  _month: string,
  _nowMs: number,
): Promise<HoursUsage> {
  throw new Error('not implemented');
}
