export type StopReason = 'timeout' | 'aborted';

export type Deadline = {
  /** Why the probe was stopped, or null while it may still run. */
  readonly reason: StopReason | null;
  clear(): void;
};

/**
 * Calls `onStop` once when `timeoutMs` elapses or the caller's signal aborts, whichever comes first.
 * One timer per check; `clear()` must be called when the probe finishes.
 */
export function startDeadline(
  timeoutMs: number,
  signal: AbortSignal | undefined,
  onStop: (reason: StopReason) => void,
): Deadline {
  let reason: StopReason | null = null;
  const stop = (why: StopReason) => {
    if (reason) return;
    reason = why;
    onStop(why);
  };
  const timer = setTimeout(stop, timeoutMs, 'timeout');
  const onAbort = () => stop('aborted');
  if (signal?.aborted) queueMicrotask(onAbort);
  else signal?.addEventListener('abort', onAbort, { once: true });
  return {
    get reason() {
      return reason;
    },
    clear() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    },
  };
}

/** The message for a probe stopped by its deadline, naming the phase it was stuck in. */
export function stopMessage(reason: StopReason, timeoutMs: number, phase: string): string {
  return reason === 'timeout' ? `no answer within ${timeoutMs} ms (${phase})` : `check aborted (${phase})`;
}
