import { sql } from 'kysely';
import type { Executor } from '../../storage/schema.ts';

/** Average timings of one time bucket; the phases a probe does not measure stay null. */
export type LatencyBucket = {
  /** Start of the bucket, epoch ms (aligned to multiples of the bucket length since the epoch). */
  atMs: number;
  checks: number;
  downChecks: number;
  dnsMs: number | null;
  connectMs: number | null;
  tlsMs: number | null;
  firstByteMs: number | null;
  totalMs: number | null;
};

const round1 = (v: number | string | null) => (v === null ? null : Math.round(Number(v) * 10) / 10);

/**
 * Averages of each timing phase per monitor and bucket over [fromMs, toMs), from raw results.
 * Only checks that got an answer (up or degraded) count towards the averages: a down check's
 * "response time" is mostly its timeout, which would drown the real figures. Down checks are counted.
 */
export async function readLatencyBuckets(
  db: Executor,
  monitorIds: string[],
  fromMs: number,
  toMs: number,
  bucketMs: number,
): Promise<Map<string, LatencyBucket[]>> {
  const out = new Map<string, LatencyBucket[]>(monitorIds.map((id) => [id, []]));
  if (monitorIds.length === 0) return out;
  // Literals, not parameters: PostgreSQL must see an integer to keep the bucket arithmetic in bigint.
  const size = sql.lit(Math.trunc(bucketMs));
  const bucket = sql<number>`started_at - (started_at % ${size})`;
  const answered = (column: string) => sql<number | null>`avg(case when outcome <> 'down' then ${sql.ref(column)} end)`;
  const rows = await db
    .selectFrom('check_results')
    .select([
      'monitor_id',
      bucket.as('bucket'),
      sql<number>`count(*)`.as('checks'),
      sql<number>`sum(case when outcome = 'down' then 1 else 0 end)`.as('down_checks'),
      answered('dns_ms').as('dns_ms'),
      answered('connect_ms').as('connect_ms'),
      answered('tls_ms').as('tls_ms'),
      answered('first_byte_ms').as('first_byte_ms'),
      answered('total_ms').as('total_ms'),
    ])
    .where('monitor_id', 'in', monitorIds)
    .where('started_at', '>=', fromMs)
    .where('started_at', '<', toMs)
    .groupBy(['monitor_id', bucket])
    .orderBy('monitor_id')
    .orderBy(bucket)
    .execute();
  for (const r of rows) {
    out.get(r.monitor_id)?.push({
      atMs: Number(r.bucket),
      checks: Number(r.checks),
      downChecks: Number(r.down_checks),
      dnsMs: round1(r.dns_ms),
      connectMs: round1(r.connect_ms),
      tlsMs: round1(r.tls_ms),
      firstByteMs: round1(r.first_byte_ms),
      totalMs: round1(r.total_ms),
    });
  }
  return out;
}
