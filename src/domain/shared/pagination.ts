import { z } from 'zod';
import { AppError } from '../../errors.ts';

export const pageQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});
export type PageQuery = z.output<typeof pageQuerySchema>;
export type Page<T> = { data: T[]; nextCursor: string | null };

type Keyed = { created_at: number; id: string };

// A cursor comes back from the client, so it is checked as strictly as any input: a forged one
// (a fraction, a number beyond bigint, U+0000 in the id) must be a 422, not a failed query.
const cursorSchema = z.tuple([
  z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  z
    .string()
    .max(64)
    .refine((id) => !id.includes('\u0000')),
]);

/** Opaque keyset cursor over (created_at, id): stable while rows are added. */
export function decodeCursor(cursor: string | undefined): { createdAt: number; id: string } | undefined {
  if (!cursor) return undefined;
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    if (parsed.success) return { createdAt: parsed.data[0], id: parsed.data[1] };
  } catch {
    // fall through to the error below
  }
  throw new AppError('invalid', 'Invalid input (cursor: not a cursor returned by this API)', [
    { path: 'cursor', message: 'not a cursor returned by this API' },
  ]);
}

export function encodeCursor(row: Keyed): string {
  return Buffer.from(JSON.stringify([row.created_at, row.id])).toString('base64url');
}

/** Rows were fetched with limit + 1; returns the page and the cursor for the next one. */
export function toPage<R extends Keyed, T>(rows: R[], limit: number, map: (r: R) => T): Page<T> {
  const more = rows.length > limit;
  const pageRows = more ? rows.slice(0, limit) : rows;
  const last = pageRows[pageRows.length - 1];
  return { data: pageRows.map(map), nextCursor: more && last ? encodeCursor(last) : null };
}
