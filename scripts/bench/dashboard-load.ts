/**
 * Bulk-loads one tenant's webhook history for the dashboard bench, as the database owner, with
 * INSERT … SELECT over generate_series (seconds, not the hours a million real attempts take):
 *   - 400,000 events over the last 7 days, skewed towards recent hours (random()²);
 *   - 2 deliveries per event (800,000) to the tenant's endpoints, skewed towards the first few;
 *   - delivery_attempts: 1,000,000 rows — per 100 deliveries: 88 delivered first time,
 *     1 delivered on the 2nd attempt, 1 still pending (0 attempts), 5 retrying after 2 failures,
 *     5 dead after 5 failures; attempts 2 minutes apart, latencies skewed low (random()³ × 3 s);
 *   - delivery_stats_hourly rebuilt from those attempts and dead letters (what the workers'
 *     in-transaction upserts would have produced), and 2,000 alerts.
 * Ends with VACUUM ANALYZE: autovacuum does both after a load this size (inserts alone trigger it
 * since PostgreSQL 13), and index-only scans need the visibility map it sets.
 */
import pg from 'pg';
import { pgConfigFromUrl } from '../../lib/db/pg-url.ts';

export const DASHBOARD_EVENTS = 400_000;

/** Loads the history for `tenantId` over `endpointIds`; returns the attempt row count. */
export async function loadDashboardHistory(coreAdminUrl: string, tenantId: string, endpointIds: string[], log: (m: string) => void): Promise<number> {
  const client = new pg.Client(pgConfigFromUrl(coreAdminUrl));
  await client.connect();
  const step = async (label: string, sql: string, params: unknown[] = []) => {
    const t0 = Date.now();
    const res = await client.query(sql, params);
    log(`dashboard load: ${label} ${res.rowCount ?? ''} rows in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  };
  try {
    await client.query(`SET synchronous_commit = off; SET maintenance_work_mem = '256MB'; SET work_mem = '64MB'`);
    await step(
      'events + deliveries',
      `WITH src AS MATERIALIZED (
         SELECT g AS n, now() - (random() ^ 2) * interval '7 days' AS at,
                floor($3::int * random() ^ 2)::int AS ep, 1 + floor(random() * ($3::int - 1))::int AS hop
         FROM generate_series(1, $2::int) g
       ), ev AS (
         INSERT INTO events (id, tenant_id, type, payload, created_at)
         SELECT 'evt_bench_' || n, $1::uuid, 'appointment.created', jsonb_build_object('type', 'appointment.created', 'n', n), at FROM src
       ), d AS (
         SELECT n * 2 + k AS i, n, at, CASE WHEN k = 0 THEN ep ELSE (ep + hop) % $3::int END AS ep FROM src CROSS JOIN (VALUES (0), (1)) kk(k)
       ), shaped AS (
         SELECT d.*, CASE WHEN i % 100 = 2 THEN 'pending' WHEN i % 100 BETWEEN 90 AND 94 THEN 'retrying' WHEN i % 100 >= 95 THEN 'dead' ELSE 'delivered' END AS status,
                CASE WHEN i % 100 = 2 THEN 0 WHEN i % 100 = 3 THEN 2 WHEN i % 100 BETWEEN 90 AND 94 THEN 2 WHEN i % 100 >= 95 THEN 5 ELSE 1 END AS attempts
         FROM d
       )
       INSERT INTO deliveries (id, tenant_id, event_id, endpoint_id, event_type, status, attempts, last_status_code, last_error,
                               delivered_at, dead_at, created_at, updated_at, next_attempt_at)
       SELECT gen_random_uuid(), $1::uuid, 'evt_bench_' || n, ($4::uuid[])[ep + 1], 'appointment.created', status, attempts,
              CASE status WHEN 'delivered' THEN 200 WHEN 'pending' THEN NULL ELSE 500 END,
              CASE WHEN status IN ('retrying', 'dead') THEN 'http_status 500' END,
              CASE WHEN status = 'delivered' THEN at + (attempts - 1) * interval '2 minutes' END,
              CASE WHEN status = 'dead' THEN at + 4 * interval '2 minutes' END,
              at, at + greatest(attempts - 1, 0) * interval '2 minutes',
              CASE WHEN status IN ('pending', 'retrying') THEN at + attempts * interval '2 minutes' END
       FROM shaped`,
      [tenantId, DASHBOARD_EVENTS, endpointIds.length, endpointIds],
    );
    await step(
      'delivery_attempts',
      `INSERT INTO delivery_attempts (tenant_id, delivery_id, endpoint_id, attempt, outcome, status_code, latency_ms, error_class, attempted_at)
       SELECT d.tenant_id, d.id, d.endpoint_id, a, ok.v, CASE WHEN ok.v = 'success' THEN 200 ELSE 500 END,
              (3000 * random() ^ 3)::int, CASE WHEN ok.v = 'failure' THEN 'http_status' END, d.created_at + (a - 1) * interval '2 minutes'
       FROM deliveries d CROSS JOIN LATERAL generate_series(1, d.attempts) a
       CROSS JOIN LATERAL (SELECT CASE WHEN d.status = 'delivered' AND a = d.attempts THEN 'success' ELSE 'failure' END AS v) ok
       WHERE d.tenant_id = $1::uuid`,
      [tenantId],
    );
    await step(
      'delivery_stats_hourly',
      `INSERT INTO delivery_stats_hourly (tenant_id, endpoint_id, hour, attempts, successes, failures, delivered, latency_sum_ms,
         lat_le_50, lat_le_100, lat_le_250, lat_le_500, lat_le_1000, lat_le_2500, lat_le_5000)
       SELECT tenant_id, endpoint_id, date_trunc('hour', attempted_at), count(*), count(*) FILTER (WHERE outcome = 'success'),
              count(*) FILTER (WHERE outcome = 'failure'), count(*) FILTER (WHERE outcome = 'success'), sum(latency_ms),
              count(*) FILTER (WHERE latency_ms <= 50), count(*) FILTER (WHERE latency_ms > 50 AND latency_ms <= 100),
              count(*) FILTER (WHERE latency_ms > 100 AND latency_ms <= 250), count(*) FILTER (WHERE latency_ms > 250 AND latency_ms <= 500),
              count(*) FILTER (WHERE latency_ms > 500 AND latency_ms <= 1000), count(*) FILTER (WHERE latency_ms > 1000 AND latency_ms <= 2500),
              count(*) FILTER (WHERE latency_ms > 2500 AND latency_ms <= 5000)
       FROM delivery_attempts WHERE tenant_id = $1::uuid GROUP BY 1, 2, 3
       ON CONFLICT (tenant_id, endpoint_id, hour) DO NOTHING`,
      [tenantId],
    );
    await step(
      'dead letters into the rollup',
      `INSERT INTO delivery_stats_hourly AS s (tenant_id, endpoint_id, hour, dead_letters)
       SELECT tenant_id, endpoint_id, date_trunc('hour', dead_at), count(*) FROM deliveries
       WHERE tenant_id = $1::uuid AND status = 'dead' GROUP BY 1, 2, 3
       ON CONFLICT (tenant_id, endpoint_id, hour) DO UPDATE SET dead_letters = EXCLUDED.dead_letters`,
      [tenantId],
    );
    await step(
      'alerts',
      `INSERT INTO alerts (id, tenant_id, endpoint_id, kind, incident_key, summary, created_at)
       SELECT gen_random_uuid(), $1::uuid, ($2::uuid[])[1 + g % array_length($2::uuid[], 1)],
              CASE g % 3 WHEN 0 THEN 'recovered' WHEN 1 THEN 'failing' ELSE 'dead_letter' END, 'inc_bench_' || (g / 3),
              'bench alert ' || g, now() - random() * interval '7 days'
       FROM generate_series(1, 2000) g`,
      [tenantId, endpointIds],
    );
    await step('VACUUM ANALYZE', 'VACUUM ANALYZE events, deliveries, delivery_attempts, delivery_stats_hourly, alerts');
    const { rows } = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM delivery_attempts WHERE tenant_id = $1::uuid', [tenantId]);
    return rows[0]!.n;
  } finally {
    await client.end();
  }
}
