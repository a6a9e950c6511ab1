/**
 * Scale-out: 2 web processes + 3 worker processes against one PostgreSQL, healthy receivers.
 * Four fresh tenants each send to a customer-style receiver (dedupe table keyed by
 * X-Periodic-Idempotency-Key); the first tenant also to the platform's own receiver on the web
 * servers (dedupe table `received_webhooks`). Several tenants, because claims for one endpoint are
 * serialised by its advisory lock (the per-endpoint cap): a fleet's throughput comes from many
 * endpoints. Events come from real bookings over the public API, alternating between both web
 * servers, plus bulk events written the way the booking transaction writes them (event + delivery
 * jobs in one core transaction): booking thousands of visits over HTTP does not fit the drill's
 * time budget on a 2-core machine. Throughput is measured with 1, then 2, then 3 worker processes.
 * VERIFY_SCALE_EVENTS overrides the 3-worker run's event count.
 */
import { randomBytes } from 'node:crypto';
import type { Drill, VerifyContext } from '../drill.ts';
import { startCluster, type Cluster } from '../cluster.ts';
import { startDedupeReceiver } from '../webhook-receivers.ts';
import { waitForSettled } from '../delivery-progress.ts';
import { randomToken, slotStart } from '../api-client.ts';

// Sized from measurements on the 2-core build machine: full ran 4.0 min (12,000 events, 15,225
// deliveries, ~68/s) with other jobs on the cores, short ~35 s; 2–3× longer under heavy load.
const VOLUMES = {
  full: { perWorkerCount: [1000, 1000, Number(process.env.VERIFY_SCALE_EVENTS ?? 10_000)], booked: 300 },
  short: { perWorkerCount: [120, 120, Number(process.env.VERIFY_SCALE_EVENTS ?? 500)], booked: 40 },
} as const;
const TENANTS = 4;
const PHASE_TIMEOUT_MS = 300_000;

interface Phase {
  workers: number;
  events: number;
  seconds: number;
  deliveriesPerSecond: number;
}

/** Books `count` visits through the public API, alternating between the web servers. */
async function bookOverHttp(baseUrls: string[], tenantId: string, count: number): Promise<{ booked: number; failed: number; perServer: number[] }> {
  const { createApiKey } = await import('../../../lib/api/keys/manage-api-keys.ts');
  const { key } = await createApiKey(tenantId, 'verify scale-out');
  const call = async (base: string, method: string, path: string, body: unknown) => {
    const res = await fetch(`${base}/api/v1${path}`, { method, headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return { status: res.status, json: (await res.json().catch(() => ({}))) as Record<string, unknown> };
  };
  const r = await call(baseUrls[0]!, 'POST', '/resources', { label: 'Verify scale-out', time_zone: 'UTC', visit_minutes: 15, buffer_minutes: 0, on_call: false });
  const resourceId = String(r.json.id);
  const rules = [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, start_minute: 0, end_minute: 1440 }));
  await call(baseUrls[1] ?? baseUrls[0]!, 'PUT', `/resources/${resourceId}/availability`, { rules, exceptions: [] });
  const perServer = baseUrls.map(() => 0);
  let failed = 0;
  let next = 0;
  const lane = async () => {
    while (next < count) {
      const n = next++;
      const server = n % baseUrls.length;
      const res = await call(baseUrls[server]!, 'POST', '/appointments', { resource_id: resourceId, token_id: randomToken(), starts_at: slotStart(n) });
      if (res.status === 201) {
        perServer[server]! += 1;
      } else {
        failed += 1;
      }
    }
  };
  await Promise.all(Array.from({ length: 6 }, lane));
  return { booked: perServer.reduce((a, b) => a + b, 0), failed, perServer };
}

/** Writes `count` events spread evenly over the tenants, in parallel; returns the count per tenant. */
async function emitSpread(tenantIds: string[], count: number): Promise<number[]> {
  const { emitTestEvents } = await import('../../../lib/webhooks/testing/test-events.ts');
  const shares = tenantIds.map((_, i) => Math.floor(count / tenantIds.length) + (i < count % tenantIds.length ? 1 : 0));
  await Promise.all(tenantIds.map((id, i) => emitTestEvents(id, shares[i]!)));
  return shares;
}

/** Deliveries an event of tenant `i` causes: the first tenant also has the platform receiver. */
const endpointsOf = (i: number) => (i === 0 ? 2 : 1);

async function runScaleOut(ctx: VerifyContext, cluster: Cluster, tenantIds: string[]) {
  const volumes = VOLUMES[ctx.profile];
  const phases: Phase[] = [];
  let events = 0;
  let deliveries = 0;
  let booking: Awaited<ReturnType<typeof bookOverHttp>> | undefined;
  for (const [i, count] of volumes.perWorkerCount.entries()) {
    const workers = i + 1;
    while (1 + cluster.workers().length < workers) {
      cluster.addWorker();
    }
    // Let a new worker subscribe before the clock starts (process start is not delivery time).
    await new Promise((r) => setTimeout(r, workers > 1 ? 6000 : 0));
    const started = Date.now();
    const last = i === volumes.perWorkerCount.length - 1;
    const bookings = last ? bookOverHttp([ctx.stack.baseUrl, ...cluster.webUrls], tenantIds[0]!, volumes.booked) : undefined;
    const shares = await emitSpread(tenantIds, last ? count - volumes.booked : count);
    booking = await bookings;
    const phaseDeliveries = shares.reduce((sum, n, t) => sum + n * endpointsOf(t), 0) + (booking && last ? booking.booked * endpointsOf(0) : 0);
    events += shares.reduce((a, b) => a + b, 0) + (booking && last ? booking.booked : 0);
    deliveries += phaseDeliveries;
    const { settledAt } = await waitForSettled(tenantIds, deliveries, PHASE_TIMEOUT_MS);
    const seconds = (settledAt - started) / 1000;
    phases.push({ workers, events: count, seconds: Math.round(seconds * 10) / 10, deliveriesPerSecond: Math.round(phaseDeliveries / seconds) });
  }
  return { phases, events, deliveries, booking };
}

export const scaleOutDrill: Drill = {
  id: 'scale-out',
  title: 'Scale-out: 2 web + 3 worker processes on one database → every event delivered exactly once per endpoint; throughput with 1/2/3 workers',
  checklist: 4,
  async run(ctx) {
    const { provisionTenant } = await import('../../lib/provision-tenant.ts');
    const { registerPlatformReceiver } = await import('../../../lib/platform/register-platform-receiver.ts');
    const { createEndpoint } = await import('../../../lib/webhooks/endpoints/manage-endpoints.ts');
    const { withCoreTenant, withIdentityTenant } = await import('../../../lib/db/tenant-scope.ts');
    const t0 = Date.now();
    const receiver = await startDedupeReceiver();
    const tenantIds: string[] = [];
    for (let i = 0; i < TENANTS; i += 1) {
      const tenantId = await provisionTenant(ctx.stack.urls, `verify-scale-${randomBytes(3).toString('hex')}`, `Verify scale-out clinic ${i + 1}`);
      if (i === 0) {
        await registerPlatformReceiver(tenantId);
      }
      await createEndpoint(tenantId, { url: receiver.url, description: 'verify: dedupe receiver', eventTypes: [] });
      tenantIds.push(tenantId);
    }
    const port = Number(new URL(ctx.stack.baseUrl).port);
    const cluster = await startCluster(ctx.stack, { webPorts: [port + 1] });
    try {
      const { phases, events, deliveries, booking } = await runScaleOut(ctx, cluster, tenantIds);
      const eventsOf = async (tenantId: string) => (await withCoreTenant(tenantId, (tx) => tx.event.findMany({ where: { tenantId }, select: { id: true } }))).map((e) => e.id);
      const eventIds = (await Promise.all(tenantIds.map(eventsOf))).flat();
      const platformTenant = tenantIds[0]!;
      const platformEventIds = await eventsOf(platformTenant);
      const platformKeys = (await withIdentityTenant(platformTenant, (tx) => tx.receivedWebhook.findMany({ where: { tenantId: platformTenant }, select: { idempotencyKey: true } }))).map((r) => r.idempotencyKey);
      const platformSet = new Set(platformKeys);
      const eventSet = new Set(eventIds);
      const lost = {
        platformReceiver: platformEventIds.filter((id) => !platformSet.has(id)).length,
        customerReceiver: eventIds.filter((id) => !receiver.seen.has(id)).length,
      };
      const resends = receiver.requests() - receiver.seen.size;
      const duplicateSideEffects = platformKeys.length - platformSet.size + [...receiver.seen.keys()].filter((k) => !eventSet.has(k)).length;
      const { counts } = await waitForSettled(tenantIds, deliveries, 10_000);
      const receipts = platformSet.size + receiver.seen.size;
      const ok = eventIds.length === events && lost.platformReceiver + lost.customerReceiver === 0 && duplicateSideEffects === 0 && receipts === deliveries && counts.delivered === deliveries;
      const rate = phases.map((p) => p.deliveriesPerSecond).join('/');
      return {
        ok,
        figure: `${events.toLocaleString('en-US')} events → ${deliveries.toLocaleString('en-US')} deliveries (${TENANTS} tenants, ${TENANTS + 1} endpoints) → ${lost.platformReceiver + lost.customerReceiver} lost, ${duplicateSideEffects} duplicates; 1/2/3 workers: ${rate} deliveries/s`,
        evidence: {
          processes: { web: 1 + cluster.webUrls.length, workers: 1 + cluster.workers().length },
          tenants: TENANTS,
          events,
          eventsBookedOverHttp: booking?.booked ?? 0,
          bookingsPerWebServer: booking?.perServer,
          bookingFailures: booking?.failed ?? 0,
          eventsWrittenLikeBooking: events - (booking?.booked ?? 0),
          endpoints: {
            platformReceiver: `web /api/webhooks/periodic (dedupe table received_webhooks), first tenant: ${platformEventIds.length} events`,
            customerReceiver: `local receiver, dedupe by X-Periodic-Idempotency-Key, every tenant: ${eventIds.length} events`,
          },
          deliveriesExpected: deliveries,
          receipts,
          lost,
          duplicateSideEffects,
          resendsSeenByCustomerReceiver: resends,
          deliveries: counts,
          throughput: phases,
          throughputNote: 'end-to-end: from the first event written to the last delivery settled (all endpoints); the 1- and 2-worker runs use fewer events than the 3-worker run; all processes share the machine\'s cores',
          seconds: Math.round((Date.now() - t0) / 1000),
        },
      };
    } finally {
      await cluster.stop();
      await receiver.close();
    }
  },
};
