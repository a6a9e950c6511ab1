/**
 * Commit→receiver latency at a steady, open-loop 200 events/s (BENCH_LATENCY_RATE): events are
 * committed on a fixed schedule whatever the pipeline does (one event per transaction, fanned out
 * by enqueueDeliveries to its clinic's endpoint, as a booking does), and each latency runs from the
 * moment its transaction has committed to the moment the local receiver first sees the event.
 * The events go round-robin to BENCH_LATENCY_ENDPOINTS clinics (default 8, each with one endpoint),
 * the shape of a fleet: one endpoint's claims are serialised by its concurrency-cap lock, so a
 * single endpoint tops out well below 200/s on a 2-core machine (BENCH_LATENCY_ENDPOINTS=1 shows it).
 * Baseline: bare HTTP POSTs to the same receiver on the same schedule (send → receipt).
 * The worker processes are started by npm run bench for this suite (BENCH_LATENCY_WORKERS, default
 * 3: the most the throughput suite measures, since one process may not keep up with 200/s).
 */
import { performance } from 'node:perf_hooks';
import { Agent, request } from 'undici';
import type { BenchRow } from './bench-row.ts';
import { percentile } from './bench-row.ts';

const RATE = Number(process.env.BENCH_LATENCY_RATE ?? 200);
const SECONDS = Number(process.env.BENCH_LATENCY_SECONDS ?? 20);
const WORKERS = Number(process.env.BENCH_LATENCY_WORKERS ?? 3);
const ENDPOINTS = Number(process.env.BENCH_LATENCY_ENDPOINTS ?? 8);

/**
 * Calls `fire(i)` for i in [0, rate × seconds) at t0 + i / rate, without waiting for earlier calls;
 * resolves when every call has settled. Returns how far behind schedule the last start was (ms).
 */
async function openLoop(rate: number, seconds: number, fire: (i: number) => Promise<void>): Promise<number> {
  const total = Math.round(rate * seconds);
  const intervalMs = 1000 / rate;
  const t0 = performance.now();
  const pending: Promise<void>[] = [];
  let lag = 0;
  for (let i = 0; i < total; i += 1) {
    const due = t0 + i * intervalMs;
    const wait = due - performance.now();
    if (wait > 1) {
      await new Promise((r) => setTimeout(r, wait));
    }
    lag = performance.now() - due;
    pending.push(fire(i));
  }
  await Promise.all(pending);
  return lag;
}

/** Waits until every key in `keys` has been seen (or the timeout passes). */
async function waitSeen(seen: Map<string, number>, keys: string[], timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline && keys.some((k) => !seen.has(k))) {
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Runs the latency benchmark; see the module comment. */
export async function benchWebhookLatency(): Promise<BenchRow[]> {
  const { createTestTenant } = await import('../../test/support/test-tenant.ts');
  const { startTestReceiver } = await import('../../lib/webhooks/testing/test-receiver.ts');
  const { createEndpoint } = await import('../../lib/webhooks/endpoints/manage-endpoints.ts');
  const { emitTestEvents, buildTestPayload } = await import('../../lib/webhooks/testing/test-events.ts');

  const tenants: Awaited<ReturnType<typeof createTestTenant>>[] = [];
  for (let i = 0; i < ENDPOINTS; i += 1) {
    tenants.push(await createTestTenant(`benchlat${i}`));
  }
  const tenant = tenants[0]!;
  const firstSeen = new Map<string, number>();
  const receiver = await startTestReceiver((req) => {
    const key = String(req.headers['x-periodic-idempotency-key'] ?? '');
    if (!firstSeen.has(key)) {
      firstSeen.set(key, performance.now());
    }
    return { kind: 'status', status: 204 };
  });
  try {
    for (const t of tenants) {
      await createEndpoint(t.id, { url: `${receiver.url}?lat=1`, description: 'bench latency', eventTypes: ['appointment.created'] });
    }
    // Warm-up outside the measured window (pools, JIT, the worker's first fetches).
    const warm = (await Promise.all(tenants.map((t) => emitTestEvents(t.id, 5)))).flat();
    await waitSeen(firstSeen, warm, 15_000);

    // Baseline: bare POSTs, same receiver, same schedule, send → receipt.
    const body = JSON.stringify(buildTestPayload(tenant.id));
    const agent = new Agent();
    const bareSent = new Map<string, number>();
    const bareLag = await openLoop(RATE, SECONDS, async (i) => {
      const key = `bare_${i}`;
      bareSent.set(key, performance.now());
      const res = await request(`${receiver.url}?bare=1`, { method: 'POST', body, dispatcher: agent, headers: { 'content-type': 'application/json', 'x-periodic-idempotency-key': key } });
      await res.body.dump();
    });
    await agent.close();
    const bare = [...bareSent].map(([k, sent]) => (firstSeen.get(k) ?? Number.NaN) - sent).filter((v) => !Number.isNaN(v));

    // The pipeline: one event per transaction on the same schedule.
    const committed = new Map<string, number>();
    let failed = 0;
    const realLag = await openLoop(RATE, SECONDS, async (i) => {
      try {
        const [id] = await emitTestEvents(tenants[i % tenants.length]!.id, 1);
        committed.set(id!, performance.now());
      } catch {
        failed += 1;
      }
    });
    await waitSeen(firstSeen, [...committed.keys()], 60_000);
    const real = [...committed].map(([k, at]) => (firstSeen.get(k) ?? Number.NaN) - at).filter((v) => !Number.isNaN(v));
    const missing = committed.size - real.length;
    // What the pipeline actually sustained while offered RATE/s: received events over the span
    // from the first commit to the last receipt. Below RATE, the latencies above are queueing.
    const commitTimes = [...committed.values()];
    const receiptTimes = [...committed.keys()].map((k) => firstSeen.get(k)).filter((v): v is number => v !== undefined);
    const achieved = receiptTimes.length > 0 ? (receiptTimes.length * 1000) / (Math.max(...receiptTimes) - Math.min(...commitTimes)) : 0;

    const label = `${RATE} events/s for ${SECONDS} s over ${ENDPOINTS} endpoint${ENDPOINTS === 1 ? '' : 's'}, ${WORKERS} worker process${WORKERS === 1 ? '' : 'es'}`;
    const rows: BenchRow[] = [
      { name: `commit→receiver p50 (${label})`, value: percentile(real, 50), unit: 'ms', baseline: percentile(bare, 50), baselineName: `bare HTTP POST p50 at ${RATE}/s` },
      { name: `commit→receiver p99 (${label})`, value: percentile(real, 99), unit: 'ms', baseline: percentile(bare, 99), baselineName: `bare HTTP POST p99 at ${RATE}/s` },
    ];
    rows.push({ name: `deliveries/s sustained while offered ${RATE}/s`, value: achieved, unit: '/s', baseline: RATE, baselineName: 'offered rate' });
    if (missing > 0) {
      rows.push({ name: 'committed events not received within 60 s of the last commit', value: missing, unit: 'events' });
    }
    if (failed > 0) {
      // The producer's own transactions failing (e.g. waiting > 10 s for a pooled connection)
      // means the box could not take 200 commits/s at all; those events have no latency.
      rows.push({ name: `event transactions that failed (of ${Math.round(RATE * SECONDS)})`, value: failed, unit: 'events' });
    }
    if (Math.max(realLag, bareLag) > 100) {
      rows.push({ name: 'open-loop schedule lag at the end (producer fell behind)', value: Math.max(realLag, bareLag), unit: 'ms' });
    }
    return rows.map((r) => ({ ...r, ratio: r.baseline ? r.value / r.baseline : undefined }));
  } finally {
    await receiver.close();
  }
}
