import type { Executor, SlaClockKind } from '../../storage/schema.ts';

/** What a plan's SLA policy promises, in one line of a catalogue (read-only on plan responses). */
export type PlanSla = {
  policyId: string;
  name: string;
  firstResponseMinutes: number | null;
  firstResponseClock: SlaClockKind;
  resolutionMinutes: number | null;
  resolutionClock: SlaClockKind;
  uptimeCommitmentBp: number | null;
};

export async function planSlaSummaries(db: Executor, policyIds: Array<string | null>): Promise<Map<string, PlanSla>> {
  const ids = [...new Set(policyIds.filter((id): id is string => id !== null))];
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('sla_policies')
    .select([
      'id',
      'name',
      'first_response_minutes',
      'first_response_clock',
      'resolution_minutes',
      'resolution_clock',
      'uptime_commitment_bp',
    ])
    .where('id', 'in', ids)
    .execute();
  return new Map(
    rows.map((r) => [
      r.id,
      {
        policyId: r.id,
        name: r.name,
        firstResponseMinutes: r.first_response_minutes,
        firstResponseClock: r.first_response_clock,
        resolutionMinutes: r.resolution_minutes,
        resolutionClock: r.resolution_clock,
        uptimeCommitmentBp: r.uptime_commitment_bp,
      },
    ]),
  );
}
