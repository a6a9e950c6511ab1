/**
 * Per-endpoint delivery health for the admin dashboard. Success rates, counts and the last 24 h's
 * latency p50/p95 (from the rollup's histogram buckets, see latency-quantile.ts) come from the
 * hourly rollup (≤ 168 rows per endpoint for 7 days, whatever the attempt volume); open and dead
 * deliveries are counted through the deliveries(tenant_id, status, endpoint_id) index.
 * With 1,000,000 attempt rows the previous exact percentiles over the latest 5,000 attempts per
 * endpoint took ~450 ms (npm run bench); the histogram reads ≤ 24 rows per endpoint.
 */
import { withCoreTenant } from '../../db/tenant-scope.ts';
import { listEndpoints } from '../endpoints/manage-endpoints.ts';
import type { EndpointView } from '../endpoints/endpoint-schemas.ts';
import { latencyQuantile } from './latency-quantile.ts';

export interface WindowStats {
  attempts: number;
  successes: number;
  /** successes / attempts, null without attempts */
  successRate: number | null;
}

export interface EndpointHealth {
  endpoint: EndpointView;
  h1: WindowStats;
  h24: WindowStats;
  d7: WindowStats;
  p50LatencyMs: number | null;
  p95LatencyMs: number | null;
  deadLetters: number;
  pending: number;
}

interface RollupRow {
  endpoint_id: string;
  a1: number;
  s1: number;
  a24: number;
  s24: number;
  a7: number;
  s7: number;
  /** Last 24 h's latency histogram (non-cumulative, LATENCY_BUCKETS_MS order). */
  lat24: number[];
}

function windowStats(attempts: number, successes: number): WindowStats {
  return { attempts, successes, successRate: attempts > 0 ? successes / attempts : null };
}

/** Health of every endpoint of the tenant. */
export async function listEndpointHealth(tenantId: string): Promise<EndpointHealth[]> {
  const endpoints = await listEndpoints(tenantId);
  if (endpoints.length === 0) {
    return [];
  }
  return withCoreTenant(tenantId, async (tx) => {
    const rollup = await tx.$queryRaw<Array<RollupRow>>`
      SELECT endpoint_id,
        COALESCE(sum(attempts) FILTER (WHERE hour >= date_trunc('hour', now())), 0)::int AS a1,
        COALESCE(sum(successes) FILTER (WHERE hour >= date_trunc('hour', now())), 0)::int AS s1,
        COALESCE(sum(attempts) FILTER (WHERE hour >= now() - interval '24 hours'), 0)::int AS a24,
        COALESCE(sum(successes) FILTER (WHERE hour >= now() - interval '24 hours'), 0)::int AS s24,
        COALESCE(sum(attempts), 0)::int AS a7, COALESCE(sum(successes), 0)::int AS s7,
        ARRAY[
          COALESCE(sum(lat_le_50) FILTER (WHERE hour >= now() - interval '24 hours'), 0),
          COALESCE(sum(lat_le_100) FILTER (WHERE hour >= now() - interval '24 hours'), 0),
          COALESCE(sum(lat_le_250) FILTER (WHERE hour >= now() - interval '24 hours'), 0),
          COALESCE(sum(lat_le_500) FILTER (WHERE hour >= now() - interval '24 hours'), 0),
          COALESCE(sum(lat_le_1000) FILTER (WHERE hour >= now() - interval '24 hours'), 0),
          COALESCE(sum(lat_le_2500) FILTER (WHERE hour >= now() - interval '24 hours'), 0),
          COALESCE(sum(lat_le_5000) FILTER (WHERE hour >= now() - interval '24 hours'), 0)
        ]::int[] AS lat24
      FROM delivery_stats_hourly
      WHERE tenant_id = ${tenantId}::uuid AND hour >= now() - interval '7 days'
      GROUP BY endpoint_id`;
    const counts = await tx.$queryRaw<Array<{ endpoint_id: string; dead: number; pending: number }>>`
      SELECT endpoint_id,
        count(*) FILTER (WHERE status = 'dead')::int AS dead,
        count(*) FILTER (WHERE status IN ('pending', 'delivering', 'retrying', 'failed'))::int AS pending
      FROM deliveries WHERE tenant_id = ${tenantId}::uuid AND status IN ('dead', 'pending', 'delivering', 'retrying', 'failed')
      GROUP BY endpoint_id`;
    const byId = <T extends { endpoint_id: string }>(rows: T[]) => new Map(rows.map((r) => [r.endpoint_id, r]));
    const r = byId(rollup);
    const c = byId(counts);
    return endpoints.map((endpoint) => {
      const s = r.get(endpoint.id);
      const p50 = s ? latencyQuantile(s.lat24, s.a24, 0.5) : null;
      const p95 = s ? latencyQuantile(s.lat24, s.a24, 0.95) : null;
      return {
        endpoint,
        h1: windowStats(s?.a1 ?? 0, s?.s1 ?? 0),
        h24: windowStats(s?.a24 ?? 0, s?.s24 ?? 0),
        d7: windowStats(s?.a7 ?? 0, s?.s7 ?? 0),
        p50LatencyMs: p50 === null ? null : Math.round(p50),
        p95LatencyMs: p95 === null ? null : Math.round(p95),
        deadLetters: c.get(endpoint.id)?.dead ?? 0,
        pending: c.get(endpoint.id)?.pending ?? 0,
      };
    });
  });
}
