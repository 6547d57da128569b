import { setMaxListeners } from 'node:events';
import { createHistogram, type RecordableHistogram } from 'node:perf_hooks';
import type { Timer } from './timer.ts';

export type CheckJob<E> = { entry: E; hostKey: string; dueMs: number; isConfirmation: boolean };

export type RunnerOptions<E> = {
  timer: Timer;
  /** Checks in flight at once, in total and per target host (politeness). */
  concurrency: number;
  perHost: number;
  /** Runs one check; `startedAtMs` is when it got its slots. Must not throw. */
  execute: (job: CheckJob<E>, startedAtMs: number, signal: AbortSignal) => Promise<void>;
  /** Called when a waiting job starts (e.g. to clear a "waiting" flag on the monitor). */
  onStart?: (job: CheckJob<E>) => void;
};

type HostState<E> = { inFlight: number; waiting: CheckJob<E>[] };

/** A FIFO with O(1) shift for the global wait line. */
class Fifo<T> {
  private items: (T | undefined)[] = [];
  private head = 0;
  get length() {
    return this.items.length - this.head;
  }
  push(item: T) {
    this.items.push(item);
  }
  shift(): T | undefined {
    if (this.head >= this.items.length) return undefined;
    const item = this.items[this.head];
    this.items[this.head++] = undefined;
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return item;
  }
}

/**
 * Starts checks under two limits: a global one (sockets, memory) and one per target host, so
 * a hundred sites on one server are not all hit at once. A job first takes its host slot (or
 * waits in that host's line), then a global slot (or waits in the global line). Lag, actual
 * start minus due time, is recorded for every start.
 */
export class CheckRunner<E> {
  private readonly hosts = new Map<string, HostState<E>>();
  private readonly globalWaiting = new Fifo<CheckJob<E>>();
  private running = 0;
  private hostWaitingCount = 0;
  private readonly abort = new AbortController();
  private idleWaiters: (() => void)[] = [];
  readonly lagUs: RecordableHistogram = createHistogram();
  started = 0;
  completed = 0;

  constructor(private readonly options: RunnerOptions<E>) {
    // Every running check listens on this one signal (shutdown); hundreds at once is expected.
    setMaxListeners(0, this.abort.signal);
  }

  get inFlight(): number {
    return this.running;
  }

  get queued(): number {
    return this.globalWaiting.length + this.hostWaitingCount;
  }

  submit(job: CheckJob<E>): void {
    const host = this.hostOf(job.hostKey);
    if (host.inFlight >= this.options.perHost) {
      host.waiting.push(job);
      this.hostWaitingCount += 1;
      return;
    }
    host.inFlight += 1;
    this.admit(job);
  }

  /** Resolves when nothing is running or waiting (or after `timeoutMs`; then returns false). */
  async drain(timeoutMs: number): Promise<boolean> {
    if (this.running === 0 && this.queued === 0) return true;
    return new Promise<boolean>((resolve) => {
      const timeout = setTimeout(() => resolve(false), timeoutMs);
      timeout.unref();
      this.idleWaiters.push(() => {
        clearTimeout(timeout);
        resolve(true);
      });
    });
  }

  /** Stops every running check now and forgets the waiting ones. */
  abortAll(): void {
    this.abort.abort();
    this.hosts.clear();
    this.hostWaitingCount = 0;
    while (this.globalWaiting.shift());
  }

  get aborted(): boolean {
    return this.abort.signal.aborted;
  }

  private hostOf(key: string): HostState<E> {
    let host = this.hosts.get(key);
    if (!host) {
      host = { inFlight: 0, waiting: [] };
      this.hosts.set(key, host);
    }
    return host;
  }

  /** The job holds its host slot; it starts now or waits for a global slot. */
  private admit(job: CheckJob<E>): void {
    if (this.running >= this.options.concurrency) this.globalWaiting.push(job);
    else this.start(job);
  }

  private start(job: CheckJob<E>): void {
    this.running += 1;
    this.started += 1;
    const startedAtMs = this.options.timer.now();
    this.lagUs.record(Math.max(1, Math.round((startedAtMs - job.dueMs) * 1000)));
    this.options.onStart?.(job);
    this.options.execute(job, startedAtMs, this.abort.signal).finally(() => this.finish(job));
  }

  private finish(job: CheckJob<E>): void {
    this.running -= 1;
    this.completed += 1;
    // Jobs already holding a host slot have waited longest: they get free global slots first.
    while (this.running < this.options.concurrency) {
      const waiting = this.globalWaiting.shift();
      if (!waiting) break;
      this.start(waiting);
    }
    const host = this.hosts.get(job.hostKey);
    if (host) {
      host.inFlight -= 1;
      const next = host.waiting.shift();
      if (next) {
        this.hostWaitingCount -= 1;
        host.inFlight += 1;
        this.admit(next);
      } else if (host.inFlight === 0) this.hosts.delete(job.hostKey);
    }
    if (this.running === 0 && this.queued === 0) {
      const waiters = this.idleWaiters;
      this.idleWaiters = [];
      for (const w of waiters) w();
    }
  }
}
