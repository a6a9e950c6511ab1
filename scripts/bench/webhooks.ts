/**
 * Webhook delivery throughput and latency, each next to a bare baseline from the same run:
 *   - sustained deliveries/s through the real pipeline (enqueueDeliveries in the event's
 *     transaction → pg-boss → the stack's worker process → signed POST → attempt recorded),
 *     vs. bare pg-boss no-op job throughput (system.ping, 16 in-process subscriptions) and a bare
 *     HTTP POST rate to the same local receiver (16 concurrent, same body);
 *   - commit-to-receiver latency p50/p99 at light load (one event per transaction, ~20/s), vs.
 *     a bare POST's latency.
 * Needs the env of a running stack (npm run bench provides it: worker + WEBHOOK_ALLOW_PRIVATE_TARGETS).
 */
import { performance } from 'node:perf_hooks';
import PgBoss from 'pg-boss';
import { Agent, request } from 'undici';
import type { BenchRow } from './bench-row.ts';
import { percentile } from './bench-row.ts';

const EVENTS = Number(process.env.BENCH_WEBHOOK_EVENTS ?? 2000);
const ENDPOINTS = Number(process.env.BENCH_WEBHOOK_ENDPOINTS ?? 4);
const LATENCY_SAMPLES = Number(process.env.BENCH_WEBHOOK_LATENCY_SAMPLES ?? 200);
const CONCURRENCY = 16;

async function waitUntil(probe: () => boolean | Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    if (await probe()) {
      return true;
    }
    await new Promise((r) => setTimeout(r, 5));
  }
  return false;
}

/** Runs the webhook benchmark; see the module comment. */
export async function benchWebhooks(): Promise<BenchRow[]> {
  const { createTestTenant } = await import('../../test/support/test-tenant.ts');
  const { startTestReceiver } = await import('../../lib/webhooks/testing/test-receiver.ts');
  const { createEndpoint } = await import('../../lib/webhooks/endpoints/manage-endpoints.ts');
  const { emitTestEvents, buildTestPayload } = await import('../../lib/webhooks/testing/test-events.ts');
  const { bossOptions } = await import('../../lib/jobs/boss.ts');

  const tenant = await createTestTenant('benchwh');
  const firstSeen = new Map<string, number>();
  const receiver = await startTestReceiver((req) => {
    const key = String(req.headers['x-periodic-idempotency-key'] ?? '');
    if (!firstSeen.has(key)) {
      firstSeen.set(key, performance.now());
    }
    return { kind: 'status', status: 204 };
  });
  try {
    for (let i = 0; i < ENDPOINTS; i += 1) {
      await createEndpoint(tenant.id, { url: `${receiver.url}?e=${i}`, description: `bench ${i}`, eventTypes: ['appointment.created'] });
    }
    const rows: BenchRow[] = [];

    // Baseline 1: bare HTTP POST rate to the same receiver.
    const body = JSON.stringify(buildTestPayload(tenant.id));
    const agent = new Agent();
    const bareLatencies: number[] = [];
    let next = 0;
    const postStart = performance.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < EVENTS) {
          next += 1;
          const t0 = performance.now();
          const res = await request(`${receiver.url}?bare=1`, { method: 'POST', body, dispatcher: agent, headers: { 'content-type': 'application/json', 'x-periodic-idempotency-key': `bare_${next}` } });
          await res.body.dump();
          bareLatencies.push(performance.now() - t0);
        }
      }),
    );
    const bareRate = EVENTS / ((performance.now() - postStart) / 1000);
    await agent.close();

    // Baseline 2: bare pg-boss no-op jobs (send in batches, 16 in-process subscriptions complete them).
    const boss = new PgBoss(bossOptions({ supervise: false }));
    boss.on('error', () => {});
    await boss.start();
    for (let i = 0; i < CONCURRENCY; i += 1) {
      await boss.work('system.ping', { batchSize: 1, pollingIntervalSeconds: 0.5 }, async () => {});
    }
    const jobStart = performance.now();
    for (let i = 0; i < EVENTS; i += 100) {
      await boss.insert(Array.from({ length: Math.min(100, EVENTS - i) }, () => ({ name: 'system.ping', data: { sentAt: new Date().toISOString() } })));
    }
    // Completed by anyone (these subscriptions or the stack worker's): nothing left before 'completed'.
    await waitUntil(async () => (await boss.getQueueSize('system.ping', { before: 'completed' })) === 0, 120_000);
    const jobRate = EVENTS / ((performance.now() - jobStart) / 1000);
    await boss.stop({ graceful: false, wait: true });

    // Sustained delivery throughput through the real pipeline.
    firstSeen.clear();
    const total = EVENTS * ENDPOINTS;
    const deliverStart = performance.now();
    const ids = await emitTestEvents(tenant.id, EVENTS);
    await waitUntil(() => receiver.requests.length - EVENTS >= total, 300_000);
    const received = receiver.requests.length - EVENTS;
    const deliverRate = received / ((performance.now() - deliverStart) / 1000);
    rows.push({ name: 'sustained deliveries/s (real pipeline)', value: deliverRate, unit: '/s', baseline: bareRate, baselineName: 'bare HTTP POST/s, same receiver', ratio: deliverRate / bareRate });
    rows.push({ name: 'pg-boss no-op jobs/s', value: jobRate, unit: '/s' });
    rows.push({ name: 'sustained deliveries/s vs no-op jobs/s', value: deliverRate, unit: '/s', baseline: jobRate, baselineName: 'bare pg-boss no-op jobs/s', ratio: deliverRate / jobRate });
    rows.push({ name: 'events emitted (× endpoints)', value: ids.length * ENDPOINTS, unit: 'deliveries' });

    // Commit-to-receiver latency at light load: one event per transaction.
    const latencies: number[] = [];
    for (let i = 0; i < LATENCY_SAMPLES; i += 1) {
      // From before the transaction (so the commit itself is included; a job can't run before it).
      const committed = performance.now();
      const [id] = await emitTestEvents(tenant.id, 1);
      await waitUntil(() => firstSeen.has(id!), 15_000);
      const seen = firstSeen.get(id!);
      if (seen !== undefined) {
        latencies.push(seen - committed);
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    rows.push({ name: 'commit→receiver p50', value: percentile(latencies, 50), unit: 'ms', baseline: percentile(bareLatencies, 50), baselineName: 'bare POST p50' });
    rows.push({ name: 'commit→receiver p99', value: percentile(latencies, 99), unit: 'ms', baseline: percentile(bareLatencies, 99), baselineName: 'bare POST p99' });
    return rows;
  } finally {
    await receiver.close();
  }
}
