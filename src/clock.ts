/** Everything that reads "now" takes a Clock, so tests can travel in time. */
export type Clock = { now(): number };

export const systemClock: Clock = { now: () => Date.now() };

/** A clock that only moves when told to. */
export function fixedClock(startMs: number) {
  let nowMs = startMs;
  return {
    now: () => nowMs,
    set(ms: number) {
      nowMs = ms;
    },
    advance(ms: number) {
      nowMs += ms;
    },
  };
}
