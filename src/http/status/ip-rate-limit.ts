/**
 * A table-free, per-process fixed-window limiter for public forms (no session to tie a limit to).
 * Per process is enough here: it blunts a script hammering one web node; the per-address re-send
 * limit that protects inboxes lives in the database (subscribers.ts) and holds across processes.
 */
export type IpRateLimiter = { take(key: string, nowMs: number): { ok: true } | { ok: false; retryAfterS: number } };

export function createIpRateLimiter(o: { limit: number; windowMs: number; maxKeys?: number }): IpRateLimiter {
  const windows = new Map<string, { startedMs: number; count: number }>();
  const maxKeys = o.maxKeys ?? 10_000;
  return {
    take(key, nowMs) {
      let w = windows.get(key);
      if (!w || nowMs - w.startedMs >= o.windowMs) {
        // Bounded memory: a flood of distinct addresses forgets the oldest windows first.
        if (!w && windows.size >= maxKeys) windows.delete(windows.keys().next().value as string);
        w = { startedMs: nowMs, count: 0 };
        windows.delete(key);
        windows.set(key, w);
      }
      if (w.count >= o.limit) return { ok: false, retryAfterS: Math.ceil((w.startedMs + o.windowMs - nowMs) / 1000) };
      w.count++;
      return { ok: true };
    },
  };
}
