/**
 * Prometheus metrics of webhook delivery, read from the database at scrape time so the numbers
 * are right however many web and worker processes there are (nothing is counted in memory).
 * Counters come from the hourly rollup (all retained hours), the latency histogram from its
 * bucket columns, queue depth from pg-boss's job table, states from deliveries. No PHI: labels
 * are tenant slugs, outcomes and queue names only.
 */
import { Counter, Gauge, Registry } from 'prom-client';
import { withCoreTenant, withCoreUnscoped } from '../db/tenant-scope.ts';
import { LATENCY_BUCKETS_MS } from '../webhooks/delivery/hourly-stats.ts';

interface TenantTotals {
  attempts: number;
  successes: number;
  failures: number;
  dead_letters: number;
  latency_sum_ms: number;
  buckets: number[];
  statuses: Array<{ status: string; n: number }>;
}

async function loadTenantTotals(tenantId: string): Promise<TenantTotals> {
  return withCoreTenant(tenantId, async (tx) => {
    const [t] = await tx.$queryRaw<Array<Record<string, number>>>`
      SELECT COALESCE(sum(attempts), 0)::float8 AS attempts, COALESCE(sum(successes), 0)::float8 AS successes,
        COALESCE(sum(failures), 0)::float8 AS failures, COALESCE(sum(dead_letters), 0)::float8 AS dead_letters,
        COALESCE(sum(latency_sum_ms), 0)::float8 AS latency_sum_ms,
        COALESCE(sum(lat_le_50), 0)::float8 AS b0, COALESCE(sum(lat_le_100), 0)::float8 AS b1, COALESCE(sum(lat_le_250), 0)::float8 AS b2,
        COALESCE(sum(lat_le_500), 0)::float8 AS b3, COALESCE(sum(lat_le_1000), 0)::float8 AS b4, COALESCE(sum(lat_le_2500), 0)::float8 AS b5,
        COALESCE(sum(lat_le_5000), 0)::float8 AS b6
      FROM delivery_stats_hourly WHERE tenant_id = ${tenantId}::uuid`;
    const statuses = await tx.$queryRaw<Array<{ status: string; n: number }>>`
      SELECT status, count(*)::int AS n FROM deliveries WHERE tenant_id = ${tenantId}::uuid GROUP BY status`;
    const row = t ?? {};
    return {
      attempts: row.attempts ?? 0,
      successes: row.successes ?? 0,
      failures: row.failures ?? 0,
      dead_letters: row.dead_letters ?? 0,
      latency_sum_ms: row.latency_sum_ms ?? 0,
      buckets: LATENCY_BUCKETS_MS.map((_, i) => row[`b${i}`] ?? 0),
      statuses,
    };
  });
}

/** Renders the webhook metrics in the Prometheus text format. */
export async function renderWebhookMetrics(): Promise<{ contentType: string; body: string }> {
  const { tenants, queues } = await withCoreUnscoped(async (tx) => ({
    tenants: await tx.tenant.findMany({ select: { id: true, slug: true }, orderBy: { slug: 'asc' } }),
    queues: await tx.$queryRaw<Array<{ name: string; state: string; n: number }>>`
      SELECT name, state::text AS state, count(*)::int AS n FROM pgboss.job
      WHERE state IN ('created', 'retry', 'active') GROUP BY name, state`,
  }));
  const registry = new Registry();
  const attempts = new Counter({ name: 'periodic_webhook_attempts_total', help: 'Webhook HTTP attempts by outcome', labelNames: ['tenant', 'outcome'], registers: [registry] });
  const dead = new Counter({ name: 'periodic_webhook_dead_letters_total', help: 'Deliveries moved to the dead-letter queue', labelNames: ['tenant'], registers: [registry] });
  const deliveries = new Gauge({ name: 'periodic_webhook_deliveries', help: 'Deliveries by current status', labelNames: ['tenant', 'status'], registers: [registry] });
  const depth = new Gauge({ name: 'periodic_queue_depth', help: 'pg-boss jobs waiting or running', labelNames: ['queue', 'state'], registers: [registry] });
  const histogram: string[] = [
    '# HELP periodic_webhook_latency_ms Webhook attempt latency (ms), commit-free: POST start to response',
    '# TYPE periodic_webhook_latency_ms histogram',
  ];
  for (const tenant of tenants) {
    const t = await loadTenantTotals(tenant.id);
    attempts.inc({ tenant: tenant.slug, outcome: 'success' }, t.successes);
    attempts.inc({ tenant: tenant.slug, outcome: 'failure' }, t.failures);
    dead.inc({ tenant: tenant.slug }, t.dead_letters);
    for (const s of t.statuses) {
      deliveries.set({ tenant: tenant.slug, status: s.status }, s.n);
    }
    let cumulative = 0;
    LATENCY_BUCKETS_MS.forEach((bound, i) => {
      cumulative += t.buckets[i] ?? 0;
      histogram.push(`periodic_webhook_latency_ms_bucket{tenant="${tenant.slug}",le="${bound}"} ${cumulative}`);
    });
    histogram.push(`periodic_webhook_latency_ms_bucket{tenant="${tenant.slug}",le="+Inf"} ${t.attempts}`);
    histogram.push(`periodic_webhook_latency_ms_sum{tenant="${tenant.slug}"} ${t.latency_sum_ms}`);
    histogram.push(`periodic_webhook_latency_ms_count{tenant="${tenant.slug}"} ${t.attempts}`);
  }
  for (const q of queues) {
    depth.set({ queue: q.name, state: q.state }, q.n);
  }
  return { contentType: registry.contentType, body: `${await registry.metrics()}\n${histogram.join('\n')}\n` };
}
