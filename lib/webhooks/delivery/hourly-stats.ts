/**
 * Maintains delivery_stats_hourly inside the transactions that record attempts and dead letters,
 * so dashboards and /api/metrics read a few hundred pre-aggregated rows instead of scanning a
 * million attempts. The upsert is commutative, so concurrent workers never lose an increment.
 */
import type { CoreTx } from '../../db/tenant-scope.ts';
import { Prisma } from '../../generated/core/client.ts';

/** Upper bounds (ms) of the latency histogram buckets, matching the lat_le_* columns. */
export const LATENCY_BUCKETS_MS = [50, 100, 250, 500, 1000, 2500, 5000] as const;

/** Index of the lat_le_* column for `latencyMs`, or -1 when above the last bound (+Inf). */
export function latencyBucketIndex(latencyMs: number): number {
  return LATENCY_BUCKETS_MS.findIndex((bound) => latencyMs <= bound);
}

/** One attempt, as the rollup counts it. */
export interface AttemptSample {
  tenantId: string;
  endpointId: string;
  ok: boolean;
  latencyMs: number;
}

/**
 * The rollup upsert for one attempt as an `INSERT … SELECT … FROM <source>`: it counts the attempt
 * once per row of `source` (a CTE name of the caller's statement, so the count can ride along in
 * the statement that records the attempt, and happens only if that one recorded something).
 */
export function hourlyStatsUpsertFrom(source: string, input: AttemptSample): Prisma.Sql {
  if (!/^[a-z_]+$/.test(source)) {
    throw new Error('source must be a plain CTE name');
  }
  const b = latencyBucketIndex(input.latencyMs);
  const inc = (i: number): number => (b === i ? 1 : 0);
  const success = input.ok ? 1 : 0;
  return Prisma.sql`
    INSERT INTO delivery_stats_hourly AS s (tenant_id, endpoint_id, hour, attempts, successes, failures, delivered, latency_sum_ms,
      lat_le_50, lat_le_100, lat_le_250, lat_le_500, lat_le_1000, lat_le_2500, lat_le_5000)
    SELECT ${input.tenantId}::uuid, ${input.endpointId}::uuid, date_trunc('hour', now()), 1, ${success}::int, ${1 - success}::int, ${success}::int, ${input.latencyMs}::bigint,
      ${inc(0)}::int, ${inc(1)}::int, ${inc(2)}::int, ${inc(3)}::int, ${inc(4)}::int, ${inc(5)}::int, ${inc(6)}::int
    FROM ${Prisma.raw(source)}
    ON CONFLICT (tenant_id, endpoint_id, hour) DO UPDATE SET
      attempts = s.attempts + 1,
      successes = s.successes + EXCLUDED.successes,
      failures = s.failures + EXCLUDED.failures,
      delivered = s.delivered + EXCLUDED.delivered,
      latency_sum_ms = s.latency_sum_ms + EXCLUDED.latency_sum_ms,
      lat_le_50 = s.lat_le_50 + EXCLUDED.lat_le_50,
      lat_le_100 = s.lat_le_100 + EXCLUDED.lat_le_100,
      lat_le_250 = s.lat_le_250 + EXCLUDED.lat_le_250,
      lat_le_500 = s.lat_le_500 + EXCLUDED.lat_le_500,
      lat_le_1000 = s.lat_le_1000 + EXCLUDED.lat_le_1000,
      lat_le_2500 = s.lat_le_2500 + EXCLUDED.lat_le_2500,
      lat_le_5000 = s.lat_le_5000 + EXCLUDED.lat_le_5000`;
}

/** Adds one attempt to its endpoint's current hour (on its own; recordAttempt inlines it). */
export async function addAttemptToHourlyStats(tx: CoreTx, input: AttemptSample): Promise<void> {
  await tx.$executeRaw`WITH one AS (SELECT 1) ${hourlyStatsUpsertFrom('one', input)}`;
}

/** Counts one dead letter in its endpoint's current hour. */
export async function addDeadLetterToHourlyStats(tx: CoreTx, input: { tenantId: string; endpointId: string }): Promise<void> {
  await tx.$executeRaw`
    INSERT INTO delivery_stats_hourly AS s (tenant_id, endpoint_id, hour, dead_letters)
    VALUES (${input.tenantId}::uuid, ${input.endpointId}::uuid, date_trunc('hour', now()), 1)
    ON CONFLICT (tenant_id, endpoint_id, hour) DO UPDATE SET dead_letters = s.dead_letters + 1`;
}
