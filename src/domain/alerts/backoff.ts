/** Retries: 30 s, 1 min, 2 min, … doubling up to 1 h; the 10th failed attempt gives up. */
export const RETRY_BASE_MS = 30_000;
export const RETRY_CAP_MS = 60 * 60_000;
export const MAX_DELIVERY_ATTEMPTS = 10;

/**
 * Wait before the next attempt after `failedAttempts` failures. Up to 10 % jitter, so alerts that
 * failed together (one receiver down) do not all retry in the same instant.
 */
export function retryDelayMs(failedAttempts: number, random: () => number = Math.random): number {
  const exponent = Math.min(Math.max(failedAttempts, 1) - 1, 20);
  const baseMs = Math.min(RETRY_CAP_MS, RETRY_BASE_MS * 2 ** exponent);
  return Math.min(RETRY_CAP_MS, Math.round(baseMs * (1 + 0.1 * random())));
}
