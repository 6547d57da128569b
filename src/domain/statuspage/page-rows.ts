import { notFound } from '../../errors.ts';
import type { Executor, StatusPagesTable } from '../../storage/schema.ts';

/** A live (not archived) status page row; 404 otherwise. */
export async function findPageRow(db: Executor, id: string): Promise<StatusPagesTable> {
  const row = await db
    .selectFrom('status_pages')
    .selectAll()
    .where('id', '=', id)
    .where('archived_at', 'is', null)
    .executeTakeFirst();
  if (!row) throw notFound('Status page');
  return row;
}

/**
 * Moves the page's updated_at: public pages are cached until this stamp (among others) changes,
 * so every edit of a page, its components or its domains calls it. Conditional on the page still
 * being live, so an edit racing an archive loses (404) instead of touching an archived page.
 */
export async function touchPage(db: Executor, id: string, nowMs: number): Promise<void> {
  const res = await db
    .updateTable('status_pages')
    .set({ updated_at: nowMs })
    .where('id', '=', id)
    .where('archived_at', 'is', null)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) throw notFound('Status page');
}
