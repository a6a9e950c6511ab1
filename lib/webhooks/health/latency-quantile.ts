/**
 * Latency quantiles from the hourly rollup's histogram (delivery_stats_hourly.lat_le_*), the way
 * Prometheus' histogram_quantile reads buckets: find the bucket holding the rank, interpolate
 * linearly inside it. Exact to the bucket, and read from ≤ 24 rows per endpoint instead of
 * thousands of attempt rows.
 */
import { LATENCY_BUCKETS_MS } from '../delivery/hourly-stats.ts';

/**
 * The `q` quantile (0–1) of a histogram.
 *
 * @param bucketCounts non-cumulative counts per bucket of LATENCY_BUCKETS_MS (same order)
 * @param total all observations, including those above the last bound
 * @returns milliseconds, the last bound when the rank lies above it, null without observations
 */
export function latencyQuantile(bucketCounts: readonly number[], total: number, q: number): number | null {
  if (total <= 0) {
    return null;
  }
  const rank = q * total;
  let below = 0;
  for (let i = 0; i < LATENCY_BUCKETS_MS.length; i += 1) {
    const count = bucketCounts[i] ?? 0;
    if (count > 0 && below + count >= rank) {
      const lower = i === 0 ? 0 : LATENCY_BUCKETS_MS[i - 1]!;
      return lower + (LATENCY_BUCKETS_MS[i]! - lower) * ((rank - below) / count);
    }
    below += count;
  }
  return LATENCY_BUCKETS_MS[LATENCY_BUCKETS_MS.length - 1]!;
}
