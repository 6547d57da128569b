import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CheckJob, CheckRunner } from '../../src/engine/check-runner.ts';
import { DueHeap } from '../../src/engine/due-heap.ts';
import { manualTimer } from '../../src/engine/timer.ts';

type Gate = { job: CheckJob<string>; finish: () => void };

function runner(concurrency: number, perHost: number, timer = manualTimer(0)) {
  const running: Gate[] = [];
  const order: string[] = [];
  let peak = 0;
  const peakPerHost = new Map<string, number>();
  const r = new CheckRunner<string>({
    timer,
    concurrency,
    perHost,
    execute: (job) =>
      new Promise<void>((resolve) => {
        order.push(job.entry);
        running.push({
          job,
          finish: () => {
            running.splice(running.indexOf(gate), 1);
            resolve();
          },
        });
        const gate = running.at(-1)!;
        peak = Math.max(peak, running.length);
        const onHost = running.filter((g) => g.job.hostKey === job.hostKey).length;
        peakPerHost.set(job.hostKey, Math.max(peakPerHost.get(job.hostKey) ?? 0, onHost));
      }),
  });
  return { r, running, order, peak: () => peak, peakPerHost };
}

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('check runner', () => {
  it('keeps to the global limit and the per-host limit, and starts waiting checks in arrival order', async () => {
    const { r, running, order, peak, peakPerHost } = runner(5, 2);
    const jobs = Array.from({ length: 30 }, (_, i) => ({
      entry: `m${i}`,
      hostKey: `host${i % 4}`,
      dueMs: 0,
      isConfirmation: false,
    }));
    for (const job of jobs) r.submit(job);
    expect(r.inFlight).toBe(5);
    expect(r.queued).toBe(25);
    while (running.length > 0) {
      running[0]!.finish();
      await tick();
    }
    expect(await r.drain(100)).toBe(true);
    expect(order).toHaveLength(30);
    expect(peak()).toBe(5);
    for (const value of peakPerHost.values()) expect(value).toBeLessThanOrEqual(2);
    // Per host, checks start in the order they were submitted.
    for (let h = 0; h < 4; h++) {
      const forHost = order.filter((id) => Number(id.slice(1)) % 4 === h);
      expect(forHost).toEqual(jobs.filter((_, i) => i % 4 === h).map((j) => j.entry));
    }
  });

  it('records lag as start minus due time', async () => {
    const timer = manualTimer(10_000);
    const { r, running } = runner(1, 1, timer);
    r.submit({ entry: 'a', hostKey: 'h', dueMs: 10_000, isConfirmation: false });
    r.submit({ entry: 'b', hostKey: 'h', dueMs: 10_000, isConfirmation: false });
    timer.advance(1_500);
    running[0]!.finish();
    await tick();
    expect(r.lagUs.count).toBe(2);
    // HDR histogram: values are kept to about three significant digits.
    expect(Math.abs(r.lagUs.max - 1_500_000)).toBeLessThan(2_000);
  });
});

describe('due heap', () => {
  it('pops in due order under any mix of pushes, moves and removals', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.record({ op: fc.constant('push' as const), due: fc.integer({ min: 0, max: 1000 }) }),
            fc.record({ op: fc.constant('move' as const), pick: fc.nat(), due: fc.integer({ min: 0, max: 1000 }) }),
            fc.record({ op: fc.constant('remove' as const), pick: fc.nat() }),
            fc.record({ op: fc.constant('pop' as const) }),
          ),
          { maxLength: 200 },
        ),
        (ops) => {
          const heap = new DueHeap<{ dueMs: number; heapIndex: number }>();
          const model: { dueMs: number; heapIndex: number }[] = [];
          for (const o of ops) {
            if (o.op === 'push') {
              const item = { dueMs: o.due, heapIndex: -1 };
              heap.push(item);
              model.push(item);
            } else if (o.op === 'move' && model.length > 0) {
              heap.reschedule(model[o.pick % model.length]!, o.due);
            } else if (o.op === 'remove' && model.length > 0) {
              const [item] = model.splice(o.pick % model.length, 1);
              heap.remove(item!);
            } else if (o.op === 'pop') {
              const min = Math.min(...model.map((m) => m.dueMs));
              const popped = heap.pop();
              if (model.length === 0) expect(popped).toBeUndefined();
              else {
                expect(popped!.dueMs).toBe(min);
                model.splice(model.indexOf(popped!), 1);
              }
            }
            expect(heap.size).toBe(model.length);
          }
        },
      ),
    );
  });
});
