import { z } from 'zod';
import type { HeartbeatPingsTable } from '../../storage/schema.ts';
import type { Ctx } from '../context.ts';
import { decodeCursor, type Page, toPage } from '../shared/pagination.ts';
import { invalidField, parseInput } from '../shared/validation.ts';
import { getMonitorRow } from './monitors.ts';

export const pingLogQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(300).optional(),
});

/** One call of a heartbeat URL: the evidence that a backup job or cron actually ran. */
export type HeartbeatPing = {
  id: string;
  monitorId: string;
  receivedAt: string;
  sourceIp: string | null;
  userAgent: string | null;
  note: string | null;
};

const toPing = (r: HeartbeatPingsTable): HeartbeatPing => ({
  id: r.id,
  monitorId: r.monitor_id,
  receivedAt: new Date(r.received_at).toISOString(),
  sourceIp: r.source_ip,
  userAgent: r.user_agent,
  note: r.note,
});

/** A heartbeat monitor's pings, newest first. */
export async function listHeartbeatPings(
  ctx: Ctx,
  monitorId: string,
  query: unknown = {},
): Promise<Page<HeartbeatPing>> {
  const f = parseInput(pingLogQuerySchema, query);
  const after = decodeCursor(f.cursor);
  const monitor = await getMonitorRow(ctx.db, monitorId);
  if (monitor.kind !== 'heartbeat') throw invalidField('kind', 'only heartbeat monitors receive pings');
  let q = ctx.db.selectFrom('heartbeat_pings').selectAll().where('monitor_id', '=', monitorId);
  if (after) {
    q = q.where((eb) =>
      eb.or([
        eb('received_at', '<', after.createdAt),
        eb.and([eb('received_at', '=', after.createdAt), eb('id', '>', after.id)]),
      ]),
    );
  }
  const rows = await q
    .orderBy('received_at', 'desc')
    .orderBy('id')
    .limit(f.limit + 1)
    .execute();
  return toPage(
    rows.map((r) => ({ ...r, created_at: r.received_at })),
    f.limit,
    toPing,
  );
}
