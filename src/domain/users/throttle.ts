import { AppError } from '../../errors.ts';
import type { Ctx } from '../context.ts';

/** Failed sign-ins allowed per key within the window before the key is locked for LOCK_MS. */
export const LIMITS = { account: 5, ip: 20 } as const;
export const WINDOW_MS = 15 * 60_000;
export const LOCK_MS = 15 * 60_000;

export type ThrottleKey = { kind: keyof typeof LIMITS; value: string };

const keyOf = (k: ThrottleKey) => `${k.kind}:${k.value}`;

/** Throws `rate_limited` (with the wait in seconds) while any key is locked. */
export async function assertNotThrottled(ctx: Ctx, keys: ThrottleKey[]): Promise<void> {
  const nowMs = ctx.clock.now();
  const rows = await ctx.db.selectFrom('auth_throttle').selectAll().where('key', 'in', keys.map(keyOf)).execute();
  const lockedUntil = Math.max(0, ...rows.map((r) => r.locked_until ?? 0));
  if (lockedUntil > nowMs) {
    const retryAfterS = Math.ceil((lockedUntil - nowMs) / 1000);
    const minutes = Math.ceil(retryAfterS / 60);
    throw new AppError(
      'rate_limited',
      `Too many failed sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
      { retryAfterS },
    );
  }
}

export async function recordFailure(ctx: Ctx, keys: ThrottleKey[]): Promise<void> {
  const nowMs = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    for (const k of keys) {
      const key = keyOf(k);
      const row = await trx.selectFrom('auth_throttle').selectAll().where('key', '=', key).executeTakeFirst();
      const fresh = !row || nowMs - row.window_started_at > WINDOW_MS;
      const failures = fresh ? 1 : row.failures + 1;
      const values = {
        failures,
        window_started_at: fresh ? nowMs : row.window_started_at,
        locked_until: failures >= LIMITS[k.kind] ? nowMs + LOCK_MS : null,
      };
      await trx
        .insertInto('auth_throttle')
        .values({ key, ...values })
        .onConflict((oc) => oc.column('key').doUpdateSet(values))
        .execute();
    }
  });
}

export async function clearFailures(ctx: Ctx, key: ThrottleKey): Promise<void> {
  await ctx.db.deleteFrom('auth_throttle').where('key', '=', keyOf(key)).execute();
}
