import type { ProbeTimings } from './types.ts';

/** Milliseconds rounded to 0.1 ms: loopback phases are sub-millisecond, so whole ms would read as 0. */
export function roundMs(ms: number): number {
  return Math.round(ms * 10) / 10;
}

export function sinceMs(startedAt: number): number {
  return roundMs(performance.now() - startedAt);
}

/** Sums a phase over hops; a phase that never happened stays null. */
export function addPhaseMs(total: number | null, phase: number | null): number | null {
  if (phase === null) return total;
  return total === null ? phase : roundMs(total + phase);
}

export function emptyTimings(): ProbeTimings {
  return { dnsMs: null, connectMs: null, tlsMs: null, firstByteMs: null, totalMs: 0 };
}
