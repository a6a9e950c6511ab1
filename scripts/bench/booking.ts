/**
 * Booking throughput and latency through the real HTTP API (POST /api/v1/appointments on the
 * running stack: key auth, rate-limit counter, slot check, exclusion constraint, event write and
 * delivery fan-out in one transaction) at a fixed concurrency, next to a bare single-statement
 * INSERT into the same appointments table of the same database, at the same concurrency, in the
 * same run. Needs BENCH_BASE_URL and the stack's env (npm run bench provides both).
 */
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import type { BenchRow } from './bench-row.ts';
import { percentile } from './bench-row.ts';

const BOOKINGS = Number(process.env.BENCH_BOOKINGS ?? 800);
const CONCURRENCY = Number(process.env.BENCH_BOOKING_CONCURRENCY ?? 16);
/** Requests per key stay below the default per-minute budget (600), whatever the run length. */
const REQUESTS_PER_KEY = 400;
const SLOT_MINUTES = 5;

/** Runs `task(i)` for i in [0, n) with `concurrency` workers; returns each call's latency in ms. */
async function runPool(n: number, concurrency: number, task: (i: number) => Promise<void>): Promise<{ latencies: number[]; seconds: number }> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < n; i = next++) {
        const t0 = performance.now();
        await task(i);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  return { latencies, seconds: (performance.now() - started) / 1000 };
}

/** Runs the booking benchmark; see the module comment. */
export async function benchBooking(): Promise<BenchRow[]> {
  const baseUrl = process.env.BENCH_BASE_URL;
  if (!baseUrl) {
    throw new Error('BENCH_BASE_URL is not set (run through npm run bench)');
  }
  const { createTestTenant } = await import('../../test/support/test-tenant.ts');
  const { createApiKey } = await import('../../lib/api/keys/manage-api-keys.ts');
  const { createOpenResource, randomTokenId } = await import('../../lib/core/test-fixtures.ts');
  const { pgConfigFromUrl } = await import('../../lib/db/pg-url.ts');

  const tenant = await createTestTenant('benchbook');
  const apiResource = await createOpenResource(tenant.id, { visitMinutes: SLOT_MINUTES, label: 'bench api' });
  const bareResource = await createOpenResource(tenant.id, { visitMinutes: SLOT_MINUTES, label: 'bench bare' });
  const keys: string[] = [];
  for (let i = 0; i < Math.ceil(BOOKINGS / REQUESTS_PER_KEY); i += 1) {
    keys.push((await createApiKey(tenant.id, `bench ${i}`)).key);
  }
  // Distinct future slots on the 5-minute grid of a 24/7 resource, starting tomorrow 00:00 UTC.
  const day = new Date();
  day.setUTCDate(day.getUTCDate() + 1);
  day.setUTCHours(0, 0, 0, 0);
  const slotAt = (i: number) => new Date(day.getTime() + i * SLOT_MINUTES * 60_000);

  // Warm-up (JIT, connection pools, route compilation) outside the measured window.
  for (let i = 0; i < 5; i += 1) {
    await fetch(`${baseUrl}/api/v1/appointments?limit=1`, { headers: { authorization: `Bearer ${keys[0]}` } });
  }

  let failures = 0;
  const api = await runPool(BOOKINGS, CONCURRENCY, async (i) => {
    const res = await fetch(`${baseUrl}/api/v1/appointments`, {
      method: 'POST',
      headers: { authorization: `Bearer ${keys[i % keys.length]}`, 'content-type': 'application/json' },
      body: JSON.stringify({ resource_id: apiResource, token_id: randomTokenId(), starts_at: slotAt(i).toISOString() }),
    });
    await res.arrayBuffer();
    if (res.status !== 201) {
      failures += 1;
    }
  });
  if (failures > 0) {
    throw new Error(`${failures} of ${BOOKINGS} API bookings did not return 201`);
  }

  // Baseline: bare INSERT as the same app role, same table, same concurrency (tenant set per connection).
  const pool = new pg.Pool({ ...pgConfigFromUrl(process.env.CORE_DATABASE_URL!), max: CONCURRENCY });
  pool.on('connect', (client) => {
    void client.query(`SELECT set_config('app.tenant_id', $1, false)`, [tenant.id]);
  });
  const bare = await runPool(BOOKINGS, CONCURRENCY, async (i) => {
    const startsAt = slotAt(i);
    await pool.query(
      `INSERT INTO appointments (id, tenant_id, resource_id, token_id, status, starts_at, ends_at, updated_at)
       VALUES (gen_random_uuid(), $1, $2, $3, 'pending', $4, $5, now())`,
      [tenant.id, bareResource, randomTokenId(), startsAt, new Date(startsAt.getTime() + SLOT_MINUTES * 60_000)],
    );
  });
  await pool.end();

  const apiRate = BOOKINGS / api.seconds;
  const bareRate = BOOKINGS / bare.seconds;
  const rows: BenchRow[] = [
    { name: `bookings/s via HTTP API (concurrency ${CONCURRENCY}, n=${BOOKINGS})`, value: apiRate, unit: 'req/s', baseline: bareRate, baselineName: 'bare INSERT/s' },
    { name: 'booking latency p50', value: percentile(api.latencies, 50), unit: 'ms', baseline: percentile(bare.latencies, 50), baselineName: 'bare INSERT p50' },
    { name: 'booking latency p99', value: percentile(api.latencies, 99), unit: 'ms', baseline: percentile(bare.latencies, 99), baselineName: 'bare INSERT p99' },
  ];
  return rows.map((r) => ({ ...r, ratio: r.baseline ? r.value / r.baseline : undefined }));
}
