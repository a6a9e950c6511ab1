/**
 * The admin delivery-health dashboard with 1,000,000 webhook attempt rows: after a bulk load
 * (scripts/bench/dashboard-load.ts), times the functions the pages call — as they call them,
 * through the core app role with row-level security (withCoreTenant) — p50/p99 over repeated
 * runs. Baseline: a bare primary-key SELECT of one delivery_attempts row through the same
 * withCoreTenant path (same role, RLS, transaction), i.e. the floor of any dashboard query.
 * Needs the env of a running stack (npm run bench).
 */
import { performance } from 'node:perf_hooks';
import type { BenchRow } from './bench-row.ts';
import { percentile } from './bench-row.ts';
import { loadDashboardHistory } from './dashboard-load.ts';

const RUNS = Number(process.env.BENCH_DASHBOARD_RUNS ?? 30);
const ENDPOINTS = 10;

async function timeRuns(fn: () => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < 2; i += 1) {
    await fn();
  }
  const out: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const t0 = performance.now();
    await fn();
    out.push(performance.now() - t0);
  }
  return out;
}

/** Runs the dashboard benchmark; see the module comment. */
export async function benchDashboard(): Promise<BenchRow[]> {
  const { createTestTenant } = await import('../../test/support/test-tenant.ts');
  const { createEndpoint } = await import('../../lib/webhooks/endpoints/manage-endpoints.ts');
  const { listEndpointHealth } = await import('../../lib/webhooks/health/endpoint-health.ts');
  const { listDeliveries, getDeliveryDetail } = await import('../../lib/webhooks/health/list-deliveries.ts');
  const { listAlerts } = await import('../../lib/webhooks/health/list-alerts.ts');
  const { renderWebhookMetrics } = await import('../../lib/metrics/webhook-metrics.ts');
  const { withCoreTenant } = await import('../../lib/db/tenant-scope.ts');

  const tenant = await createTestTenant('benchdash');
  const endpointIds: string[] = [];
  for (let i = 0; i < ENDPOINTS; i += 1) {
    endpointIds.push((await createEndpoint(tenant.id, { url: `http://127.0.0.1:9/hook/${i}`, description: `dashboard ${i}`, eventTypes: [] })).endpoint.id);
  }
  const t0 = performance.now();
  const attempts = await loadDashboardHistory(process.env.TEST_CORE_ADMIN_URL!, tenant.id, endpointIds, (m) => console.log(`[bench] ${m}`));
  const loadSeconds = (performance.now() - t0) / 1000;

  const { sample, maxAttemptId } = await withCoreTenant(tenant.id, async (tx) => {
    const [d] = await tx.$queryRaw<Array<{ id: string }>>`SELECT id FROM deliveries WHERE status = 'dead' LIMIT 1`;
    const [m] = await tx.$queryRaw<Array<{ id: bigint }>>`SELECT max(id) AS id FROM delivery_attempts`;
    return { sample: d!.id, maxAttemptId: Number(m!.id) };
  });
  const busiest = endpointIds[0]!;
  const quiet = endpointIds[ENDPOINTS - 1]!;
  const firstPage = await listDeliveries(tenant.id, { limit: 50 });

  const cases: Array<{ name: string; fn: () => Promise<unknown> }> = [
    { name: '/admin/webhooks: listEndpointHealth (10 endpoints)', fn: () => listEndpointHealth(tenant.id) },
    { name: '/admin/deliveries: listDeliveries, first page', fn: () => listDeliveries(tenant.id, { limit: 50 }) },
    { name: '/admin/deliveries: listDeliveries, next page (cursor)', fn: () => listDeliveries(tenant.id, { limit: 50, cursor: firstPage.nextCursor ?? undefined }) },
    { name: '/admin/deliveries: status=dead (dead-letter inbox)', fn: () => listDeliveries(tenant.id, { limit: 50, status: 'dead' }) },
    { name: '/admin/deliveries: status=pending', fn: () => listDeliveries(tenant.id, { limit: 50, status: 'pending' }) },
    { name: '/admin/deliveries: busiest endpoint', fn: () => listDeliveries(tenant.id, { limit: 50, endpointId: busiest }) },
    { name: '/admin/deliveries: quietest endpoint, status=dead', fn: () => listDeliveries(tenant.id, { limit: 50, endpointId: quiet, status: 'dead' }) },
    { name: '/admin/deliveries/[id]: getDeliveryDetail', fn: () => getDeliveryDetail(tenant.id, sample) },
    { name: '/admin/alerts: listAlerts (200)', fn: () => listAlerts(tenant.id, 200) },
    { name: '/api/metrics: renderWebhookMetrics (all tenants)', fn: () => renderWebhookMetrics() },
  ];
  let k = 0;
  const baseline = await timeRuns(() =>
    withCoreTenant(tenant.id, (tx) => tx.$queryRaw`SELECT * FROM delivery_attempts WHERE id = ${BigInt(maxAttemptId - (k++ % 1000) * 997)}`),
  );
  const b50 = percentile(baseline, 50);
  const b99 = percentile(baseline, 99);
  const rows: BenchRow[] = [
    { name: `bulk load: ${attempts.toLocaleString('en-US')} attempt rows (+ deliveries, events, rollup, alerts)`, value: loadSeconds, unit: 's' },
  ];
  for (const c of cases) {
    const times = await timeRuns(c.fn);
    const p50 = percentile(times, 50);
    const p99 = percentile(times, 99);
    console.log(`[bench] ${c.name}: p50 ${p50.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms`);
    rows.push({ name: `${c.name} p50`, value: p50, unit: 'ms', baseline: b50, baselineName: 'bare PK SELECT p50 (app role, RLS)', ratio: p50 / b50 });
    rows.push({ name: `${c.name} p99`, value: p99, unit: 'ms', baseline: b99, baselineName: 'bare PK SELECT p99 (app role, RLS)', ratio: p99 / b99 });
  }
  return rows;
}
