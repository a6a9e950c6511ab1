import { describe, expect, it } from 'vitest';
import { latencyQuantile } from './latency-quantile.ts';

describe('latencyQuantile', () => {
  it('is null without observations', () => {
    expect(latencyQuantile([0, 0, 0, 0, 0, 0, 0], 0, 0.5)).toBeNull();
  });

  it('interpolates inside the bucket that holds the rank', () => {
    // 10 observations ≤ 50 ms, 10 in (50, 100]: the median is the top of the first bucket.
    expect(latencyQuantile([10, 10, 0, 0, 0, 0, 0], 20, 0.5)).toBe(50);
    // p95 = rank 19 of 20: 9 of the 10 in (50, 100] → 95 ms.
    expect(latencyQuantile([10, 10, 0, 0, 0, 0, 0], 20, 0.95)).toBe(95);
  });

  it('skips empty buckets and answers the last bound above the histogram', () => {
    expect(latencyQuantile([0, 0, 4, 0, 0, 0, 0], 4, 0.5)).toBe(175);
    expect(latencyQuantile([1, 0, 0, 0, 0, 0, 0], 10, 0.95)).toBe(5000);
  });
});
