/**
 * Delivery throughput with 1, 2 and 3 real worker processes (scripts/worker.ts), each next to the
 * bare pg-boss no-op throughput of the same number of processes with the same subscription
 * settings (scripts/bench/noop-worker.ts). For each count: a backlog is produced first (real
 * events fanned out by enqueueDeliveries in their transactions, or no-op jobs), held while the
 * processes boot, released at once, and timed from release to the last job's completion.
 * Needs the env of a running stack started without a worker (npm run bench).
 */
import type { BenchRow } from './bench-row.ts';
import { JobGate } from './job-gate.ts';
import { ensureNoopQueue, insertNoopJobs, NOOP_QUEUE } from './noop-queue.ts';
import { startFleet, type FleetKind } from './worker-fleet.ts';

const EVENTS = Number(process.env.BENCH_WEBHOOK_EVENTS ?? 400);
/** Enough endpoints that the per-endpoint in-flight cap is not what limits three processes. */
const ENDPOINTS = Number(process.env.BENCH_WEBHOOK_ENDPOINTS ?? 8);
const WORKER_COUNTS = (process.env.BENCH_WORKER_COUNTS ?? '1,2,3').split(',').map(Number);
const DELIVER_QUEUE = 'webhook.deliver';

async function drain(gate: JobGate, kind: FleetKind, queue: string, processes: number): Promise<number> {
  await gate.hold(queue);
  const fleet = await startFleet(kind, processes);
  try {
    const releasedAt = await gate.release(queue);
    await gate.waitDrained(queue, 300_000);
    const window = await gate.drainWindow(queue, releasedAt);
    return window.seconds;
  } finally {
    await fleet.stop();
  }
}

/** Runs the throughput benchmark; see the module comment. */
export async function benchWebhookThroughput(): Promise<BenchRow[]> {
  const { createTestTenant } = await import('../../test/support/test-tenant.ts');
  const { startTestReceiver } = await import('../../lib/webhooks/testing/test-receiver.ts');
  const { createEndpoint } = await import('../../lib/webhooks/endpoints/manage-endpoints.ts');
  const { emitTestEvents } = await import('../../lib/webhooks/testing/test-events.ts');
  const adminUrl = process.env.TEST_CORE_ADMIN_URL!;
  await ensureNoopQueue(adminUrl);
  const gate = new JobGate(adminUrl);
  const tenant = await createTestTenant('benchtp');
  const receiver = await startTestReceiver(() => ({ kind: 'status', status: 204 }));
  const rows: BenchRow[] = [];
  try {
    for (let i = 0; i < ENDPOINTS; i += 1) {
      await createEndpoint(tenant.id, { url: `${receiver.url}?e=${i}`, description: `bench ${i}`, eventTypes: ['appointment.created'] });
    }
    const deliveries = EVENTS * ENDPOINTS;
    for (const n of WORKER_COUNTS) {
      const before = receiver.requests.length;
      await emitTestEvents(tenant.id, EVENTS);
      const realSeconds = await drain(gate, 'worker', DELIVER_QUEUE, n);
      const received = receiver.requests.length - before;
      if (received < deliveries) {
        throw new Error(`${n} worker(s): receiver saw ${received} of ${deliveries} deliveries`);
      }
      await insertNoopJobs(deliveries);
      const noopSeconds = await drain(gate, 'noop', NOOP_QUEUE, n);
      const real = deliveries / realSeconds;
      const noop = deliveries / noopSeconds;
      const label = `${n} worker process${n === 1 ? '' : 'es'}`;
      console.log(`[bench] ${label}: ${real.toFixed(1)} deliveries/s, no-op ${noop.toFixed(1)} jobs/s`);
      rows.push({
        name: `deliveries/s, ${label} (${deliveries} deliveries, ${ENDPOINTS} endpoints)`,
        value: real,
        unit: '/s',
        baseline: noop,
        baselineName: `bare pg-boss no-op jobs/s, ${label}, same subscriptions`,
        ratio: real / noop,
      });
    }
    return rows;
  } finally {
    await receiver.close();
    await gate.close();
  }
}
