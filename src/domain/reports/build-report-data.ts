import type { Ctx } from '../context.ts';
import type { ReportData } from './report-types.ts';

// STUB (owned by the report-data helper).

export type ReportRequest = {
  clientId: string;
  /** Null: the whole client. */
  siteId: string | null;
  kind: 'monthly' | 'quarterly';
  /** "2026-03" (monthly) or "2026-Q1" (quarterly), in the client's zone. */
  period: string;
};

/** Everything the report shows; refuses a period that has not ended yet (conflict) unless allowPartial. */
export async function buildReportData(
  _ctx: Ctx,
  _request: ReportRequest,
  _opts?: { allowPartial?: boolean },
): Promise<ReportData> {
  throw new Error('not implemented');
}
