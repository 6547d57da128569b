import type { Db } from '../storage/schema.ts';

export type Changes = {
  /** Monitors created or edited (including enabled/archived), with the updated_at seen. */
  monitors: { id: string; updatedAt: number }[];
  /** Clients whose contract or sites changed: their monitors' interval or liveness may differ. */
  clientIds: string[];
  /** Monitors with an incident changed outside this engine's knowledge (or inside; reloading is harmless). */
  incidentMonitorIds: string[];
};

type Seen = Map<string, number>;

/**
 * Finds what changed since the last poll by `updated_at`. Each poll looks back `overlapMs`
 * beyond the previous one, so a transaction that committed late (or a writer whose clock is a
 * little behind) is still seen; rows already seen with the same updated_at are not reported twice.
 */
export class ChangeFeed {
  private sinceMs: number;
  private readonly seen = {
    monitors: new Map(),
    contracts: new Map(),
    sites: new Map(),
    incidents: new Map(),
  } as Record<'monitors' | 'contracts' | 'sites' | 'incidents', Seen>;

  constructor(
    private readonly db: Db,
    startMs: number,
    private readonly overlapMs = 10_000,
  ) {
    this.sinceMs = startMs;
  }

  async poll(nowMs: number): Promise<Changes> {
    const fromMs = this.sinceMs - this.overlapMs;
    const [monitors, contracts, sites, incidents] = await Promise.all([
      this.db.selectFrom('monitors').select(['id', 'updated_at']).where('updated_at', '>=', fromMs).execute(),
      this.db
        .selectFrom('contracts')
        .select(['id', 'client_id as ref', 'updated_at'])
        .where('updated_at', '>=', fromMs)
        .execute(),
      this.db
        .selectFrom('sites')
        .select(['id', 'client_id as ref', 'updated_at'])
        .where('updated_at', '>=', fromMs)
        .execute(),
      this.db
        .selectFrom('incidents')
        .select(['id', 'monitor_id as ref', 'updated_at'])
        .where('updated_at', '>=', fromMs)
        .execute(),
    ]);
    this.sinceMs = Math.max(this.sinceMs, nowMs);
    const cutoffMs = this.sinceMs - this.overlapMs;
    return {
      monitors: this.fresh(
        'monitors',
        monitors.map((r) => ({ ...r, ref: r.id })),
        cutoffMs,
      ).map((id) => ({
        id,
        updatedAt: this.seen.monitors.get(id) as number,
      })),
      clientIds: [
        ...new Set([...this.fresh('contracts', contracts, cutoffMs), ...this.fresh('sites', sites, cutoffMs)]),
      ],
      incidentMonitorIds: [...new Set(this.fresh('incidents', incidents, cutoffMs))],
    };
  }

  private fresh(
    table: keyof typeof this.seen,
    rows: { id: string; ref: string; updated_at: number }[],
    cutoffMs: number,
  ) {
    const seen = this.seen[table];
    const refs: string[] = [];
    for (const r of rows) {
      if (seen.get(r.id) === r.updated_at) continue;
      seen.set(r.id, r.updated_at);
      refs.push(r.ref);
    }
    // Forget rows that fell out of the look-back window; they will not be returned again.
    for (const [id, at] of seen) if (at < cutoffMs) seen.delete(id);
    return refs;
  }
}
