import { z } from 'zod';
import { AppError } from '../../errors.ts';
import type { CheckResultsTable } from '../../storage/schema.ts';
import type { Ctx } from '../context.ts';
import type { Page } from '../shared/pagination.ts';
import { parseInput } from '../shared/validation.ts';
import { getMonitorRow } from './monitors.ts';
import { chunk } from './rollups-sources.ts';

export type CheckLogEntry = {
  startedAt: string;
  location: string;
  outcome: CheckResultsTable['outcome'];
  errorClass: string | null;
  httpStatus: number | null;
  message: string | null;
  isConfirmation: boolean;
  timings: {
    dnsMs: number | null;
    connectMs: number | null;
    tlsMs: number | null;
    firstByteMs: number | null;
    totalMs: number;
  };
};

export const checkLogQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
  outcome: z.enum(['up', 'degraded', 'down']).optional(),
});

const cursorSchema = z.tuple([z.number().int().min(0).max(Number.MAX_SAFE_INTEGER), z.string().min(1).max(64)]);

function decodeCursor(cursor: string): { startedAt: number; location: string } {
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    if (parsed.success && !parsed.data[1].includes('\u0000'))
      return { startedAt: parsed.data[0], location: parsed.data[1] };
  } catch {
    // reported below
  }
  throw new AppError('invalid', 'Invalid input (cursor: not a cursor returned by this API)', [
    { path: 'cursor', message: 'not a cursor returned by this API' },
  ]);
}

const encodeCursor = (r: { started_at: number; location: string }) =>
  Buffer.from(JSON.stringify([Number(r.started_at), r.location])).toString('base64url');

/** The raw results of a monitor, newest first, a page at a time (keyset on started_at, location). */
export async function checkLog(ctx: Ctx, monitorId: string, query: unknown = {}): Promise<Page<CheckLogEntry>> {
  const q = parseInput(checkLogQuerySchema, query);
  await getMonitorRow(ctx.db, monitorId);
  let sel = ctx.db.selectFrom('check_results').selectAll().where('monitor_id', '=', monitorId);
  if (q.outcome) sel = sel.where('outcome', '=', q.outcome);
  if (q.cursor) {
    const c = decodeCursor(q.cursor);
    sel = sel.where((eb) =>
      eb.or([
        eb('started_at', '<', c.startedAt),
        eb.and([eb('started_at', '=', c.startedAt), eb('location', '<', c.location)]),
      ]),
    );
  }
  const rows = await sel
    .orderBy('started_at', 'desc')
    .orderBy('location', 'desc')
    .limit(q.limit + 1)
    .execute();
  const more = rows.length > q.limit;
  const page = more ? rows.slice(0, q.limit) : rows;
  const last = page[page.length - 1];
  return { data: page.map(toEntry), nextCursor: more && last ? encodeCursor(last) : null };
}

const num = (v: number | null) => (v === null ? null : Number(v));

const toEntry = (r: CheckResultsTable): CheckLogEntry => ({
  startedAt: new Date(Number(r.started_at)).toISOString(),
  location: r.location,
  outcome: r.outcome,
  errorClass: r.error_class,
  httpStatus: r.http_status,
  message: r.message,
  isConfirmation: Boolean(r.is_confirmation),
  timings: {
    dnsMs: num(r.dns_ms),
    connectMs: num(r.connect_ms),
    tlsMs: num(r.tls_ms),
    firstByteMs: num(r.first_byte_ms),
    totalMs: Number(r.total_ms),
  },
});

export type SparkPoint = { atMs: number; totalMs: number; outcome: CheckResultsTable['outcome'] };

/**
 * The last `count` results of each monitor, oldest first, for sparklines in a monitors list: one
 * statement per 100 monitors (a UNION ALL of "newest N of this monitor", each an index range).
 */
export async function sparklines(ctx: Ctx, monitorIds: string[], count = 30): Promise<Map<string, SparkPoint[]>> {
  const n = Math.max(1, Math.min(500, Math.trunc(count)));
  const out = new Map<string, SparkPoint[]>([...new Set(monitorIds)].map((id) => [id, []]));
  for (const ids of chunk([...out.keys()], 100)) {
    const parts = ids.map((id) =>
      ctx.db
        .selectFrom((db) =>
          db
            .selectFrom('check_results')
            .select(['monitor_id', 'started_at', 'total_ms', 'outcome'])
            .where('monitor_id', '=', id)
            .orderBy('started_at', 'desc')
            .limit(n)
            .as('newest'),
        )
        .selectAll(),
    );
    const [first, ...rest] = parts;
    if (!first) continue;
    const rows = await rest.reduce((q, part) => q.unionAll(part), first).execute();
    for (const r of rows) {
      out.get(r.monitor_id)?.push({ atMs: Number(r.started_at), totalMs: Number(r.total_ms), outcome: r.outcome });
    }
  }
  for (const points of out.values()) points.sort((a, b) => a.atMs - b.atMs);
  return out;
}
