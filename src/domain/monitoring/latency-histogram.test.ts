import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addLatency,
  bucketIndex,
  emptyHistogram,
  estimatePercentile,
  histogramCount,
  LATENCY_BUCKET_BOUNDS_MS,
  mergeHistograms,
  parseHistogram,
  serializeHistogram,
} from './latency-histogram.ts';

const exactPercentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.ceil(p * sorted.length) - 1] as number;
};

describe('latency histogram', () => {
  it('puts a value in the first bucket whose upper bound is at least the value', () => {
    expect(bucketIndex(0)).toBe(0);
    expect(bucketIndex(10)).toBe(0);
    expect(bucketIndex(10.5)).toBe(1);
    expect(bucketIndex(1000)).toBe(LATENCY_BUCKET_BOUNDS_MS.indexOf(1000));
    expect(bucketIndex(1000.01)).toBe(LATENCY_BUCKET_BOUNDS_MS.indexOf(1500));
    expect(bucketIndex(10_000)).toBe(LATENCY_BUCKET_BOUNDS_MS.indexOf(10_000));
    expect(bucketIndex(60_000)).toBe(LATENCY_BUCKET_BOUNDS_MS.length - 1);
  });

  it('estimates a percentile as the upper bound of its bucket, capped by the observed maximum', () => {
    const h = emptyHistogram();
    for (const v of [12, 40, 90, 95, 480]) addLatency(h, v);
    expect(estimatePercentile(h, 0.5)).toBe(100); // the 3rd of 5 values (90) is in (50, 100]
    expect(estimatePercentile(h, 1)).toBe(500);
    expect(estimatePercentile(h, 1, 480)).toBe(480);
    expect(estimatePercentile(emptyHistogram(), 0.95)).toBeNull();
    expect(() => estimatePercentile(h, 0)).toThrow(RangeError);
    const open = addLatency(emptyHistogram(), 42_000);
    expect(estimatePercentile(open, 0.5)).toBe(Number.POSITIVE_INFINITY);
    expect(estimatePercentile(open, 0.5, 42_000)).toBe(42_000);
  });

  it('brackets the exact percentile: previous bound < exact ≤ estimate (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 20_000 }), { minLength: 1, maxLength: 300 }),
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        (values, p) => {
          const h = emptyHistogram();
          for (const v of values) addLatency(h, v);
          const max = Math.max(...values);
          const exact = exactPercentile(values, p);
          const estimate = estimatePercentile(h, p, max) as number;
          expect(estimate).toBeGreaterThanOrEqual(exact);
          const i = bucketIndex(exact);
          if (i > 0) expect(exact).toBeGreaterThan(LATENCY_BUCKET_BOUNDS_MS[i - 1] as number);
          expect(estimate).toBeLessThanOrEqual(max);
        },
      ),
    );
  });

  it('merging histograms equals building one from all values (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.integer({ min: 0, max: 15_000 }), { maxLength: 50 }), { maxLength: 6 }),
        (groups) => {
          const parts = groups.map((g) => g.reduce(addLatency, emptyHistogram()));
          const whole = groups.flat().reduce(addLatency, emptyHistogram());
          expect(mergeHistograms(parts)).toEqual(whole);
          expect(histogramCount(whole)).toBe(groups.flat().length);
        },
      ),
    );
  });

  it('round-trips its stored form and reads damaged text as empty', () => {
    const h = [3, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 7];
    expect(parseHistogram(serializeHistogram(h))).toEqual(h);
    expect(parseHistogram('not json')).toEqual(emptyHistogram());
    expect(parseHistogram('[1,2]')).toEqual([1, 2, ...new Array(13).fill(0)]);
    expect(parseHistogram('{"a":1}')).toEqual(emptyHistogram());
  });
});
