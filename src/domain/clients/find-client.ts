import { notFound } from '../../errors.ts';
import type { ClientsTable, Executor } from '../../storage/schema.ts';

export async function findClientRow(db: Executor, id: string): Promise<ClientsTable> {
  const row = await db.selectFrom('clients').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Client');
  return row;
}
