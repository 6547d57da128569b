/** FNV-1a: a stable, well-spread 32-bit hash of a monitor id. */
function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * Each monitor runs at a fixed offset inside its interval, derived from its id, so start times
 * spread evenly (no thundering herd at :00) and stay the same across restarts and processes.
 */
export function phaseMs(monitorId: string, intervalMs: number): number {
  return hash32(monitorId) % intervalMs;
}

/**
 * The first due time strictly after `afterMs`. Due times are computed from the epoch, not from
 * the previous run, so a late run never pushes the next one later: no drift over hours.
 */
export function nextDueAt(afterMs: number, intervalMs: number, phase: number): number {
  const k = Math.floor((afterMs - phase) / intervalMs) + 1;
  return k * intervalMs + phase;
}
