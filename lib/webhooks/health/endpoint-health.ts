/**
 * Per-endpoint delivery health for the admin dashboard. Success rates and counts come from the
 * hourly rollup (≤ 168 rows per endpoint for 7 days, whatever the attempt volume); latency
 * percentiles use percentile_cont over a bounded recent window of attempts (the last 24 h, at
 * most the latest 5,000 per endpoint) read through the (tenant, endpoint, attempted_at) index.
 */
import { withCoreTenant } from '../../db/tenant-scope.ts';
import { listEndpoints } from '../endpoints/manage-endpoints.ts';
import type { EndpointView } from '../endpoints/endpoint-schemas.ts';

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

const PERCENTILE_WINDOW_ROWS = 5000;

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
    const rollup = await tx.$queryRaw<Array<{ endpoint_id: string; a1: number; s1: number; a24: number; s24: number; a7: number; s7: number }>>`
      SELECT endpoint_id,
        COALESCE(sum(attempts) FILTER (WHERE hour >= date_trunc('hour', now())), 0)::int AS a1,
        COALESCE(sum(successes) FILTER (WHERE hour >= date_trunc('hour', now())), 0)::int AS s1,
        COALESCE(sum(attempts) FILTER (WHERE hour >= now() - interval '24 hours'), 0)::int AS a24,
        COALESCE(sum(successes) FILTER (WHERE hour >= now() - interval '24 hours'), 0)::int AS s24,
        COALESCE(sum(attempts), 0)::int AS a7, COALESCE(sum(successes), 0)::int AS s7
      FROM delivery_stats_hourly
      WHERE tenant_id = ${tenantId}::uuid AND hour >= now() - interval '7 days'
      GROUP BY endpoint_id`;
    const latency = await tx.$queryRaw<Array<{ endpoint_id: string; p50: number | null; p95: number | null }>>`
      SELECT e.id AS endpoint_id, w.p50, w.p95
      FROM webhook_endpoints e
      CROSS JOIN LATERAL (
        SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY latency_ms)::float8 AS p50,
               percentile_cont(0.95) WITHIN GROUP (ORDER BY latency_ms)::float8 AS p95
        FROM (SELECT latency_ms FROM delivery_attempts a
              WHERE a.tenant_id = e.tenant_id AND a.endpoint_id = e.id AND a.attempted_at > now() - interval '24 hours'
              ORDER BY a.attempted_at DESC LIMIT ${PERCENTILE_WINDOW_ROWS}::int) recent
      ) w
      WHERE e.tenant_id = ${tenantId}::uuid`;
    const counts = await tx.$queryRaw<Array<{ endpoint_id: string; dead: number; pending: number }>>`
      SELECT endpoint_id,
        count(*) FILTER (WHERE status = 'dead')::int AS dead,
        count(*) FILTER (WHERE status IN ('pending', 'delivering', 'retrying', 'failed'))::int AS pending
      FROM deliveries WHERE tenant_id = ${tenantId}::uuid AND status IN ('dead', 'pending', 'delivering', 'retrying', 'failed')
      GROUP BY endpoint_id`;
    const byId = <T extends { endpoint_id: string }>(rows: T[]) => new Map(rows.map((r) => [r.endpoint_id, r]));
    const r = byId(rollup);
    const l = byId(latency);
    const c = byId(counts);
    return endpoints.map((endpoint) => {
      const s = r.get(endpoint.id);
      const lat = l.get(endpoint.id);
      return {
        endpoint,
        h1: windowStats(s?.a1 ?? 0, s?.s1 ?? 0),
        h24: windowStats(s?.a24 ?? 0, s?.s24 ?? 0),
        d7: windowStats(s?.a7 ?? 0, s?.s7 ?? 0),
        p50LatencyMs: lat?.p50 === null || lat?.p50 === undefined ? null : Math.round(lat.p50),
        p95LatencyMs: lat?.p95 === null || lat?.p95 === undefined ? null : Math.round(lat.p95),
        deadLetters: c.get(endpoint.id)?.dead ?? 0,
        pending: c.get(endpoint.id)?.pending ?? 0,
      };
    });
  });
}
