import { describe, expect, it } from 'vitest';
import { createIpRateLimiter } from './ip-rate-limit.ts';

describe('createIpRateLimiter', () => {
  it('allows the limit per window, then answers with the wait', () => {
    const limiter = createIpRateLimiter({ limit: 2, windowMs: 60_000 });
    expect(limiter.take('a', 0).ok).toBe(true);
    expect(limiter.take('a', 1000).ok).toBe(true);
    expect(limiter.take('a', 2000)).toEqual({ ok: false, retryAfterS: 58 });
    expect(limiter.take('b', 2000).ok).toBe(true);
    expect(limiter.take('a', 60_000).ok).toBe(true);
  });

  it('keeps at most maxKeys addresses', () => {
    const limiter = createIpRateLimiter({ limit: 1, windowMs: 60_000, maxKeys: 2 });
    limiter.take('a', 0);
    limiter.take('b', 0);
    limiter.take('c', 0);
    expect(limiter.take('a', 1).ok).toBe(true);
    expect(limiter.take('c', 1).ok).toBe(false);
  });
});
