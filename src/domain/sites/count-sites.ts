import type { Executor } from '../../storage/schema.ts';

/** Live (not archived) sites per client, for lists that show a count next to each client. */
export async function countLiveSitesByClient(db: Executor, clientIds: string[]): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  if (clientIds.length === 0) return counts;
  const rows = await db
    .selectFrom('sites')
    .select(['client_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('client_id', 'in', clientIds)
    .where('archived_at', 'is', null)
    .groupBy('client_id')
    .execute();
  for (const r of rows) counts.set(r.client_id, Number(r.n));
  return counts;
}
