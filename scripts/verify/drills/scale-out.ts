/**
 * Scale-out: 2 web processes + 3 worker processes against one PostgreSQL. A fresh tenant has two
 * healthy endpoints — the platform's own receiver (dedupe table `received_webhooks`) and a
 * customer-style receiver (dedupe table keyed by X-Periodic-Idempotency-Key). Events come from
 * real bookings over the public API, spread over both web servers, plus bulk events written the
 * way the booking transaction writes them (event + delivery jobs in one core transaction), since
 * booking 10,000 visits over HTTP does not fit the drill's time budget on a small machine.
 * Throughput is measured with 1, then 2, then 3 worker processes.
 */
import { randomBytes } from 'node:crypto';
import type { Drill, VerifyContext } from '../drill.ts';
import { startCluster, type Cluster } from '../cluster.ts';
import { startDedupeReceiver } from '../webhook-receivers.ts';
import { waitForSettled } from '../delivery-progress.ts';
import { randomToken, slotStart } from '../api-client.ts';

const VOLUMES = {
  full: { perWorkerCount: [1000, 2000, 10_000], booked: 400 },
  short: { perWorkerCount: [200, 300, 1000], booked: 60 },
} as const;
const ENDPOINTS = 2;
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

async function runScaleOut(ctx: VerifyContext, cluster: Cluster, tenantId: string) {
  const { emitTestEvents } = await import('../../../lib/webhooks/testing/test-events.ts');
  const volumes = VOLUMES[ctx.profile];
  const phases: Phase[] = [];
  let events = 0;
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
    const bookings = last ? bookOverHttp([ctx.stack.baseUrl, ...cluster.webUrls], tenantId, volumes.booked) : undefined;
    await emitTestEvents(tenantId, last ? count - volumes.booked : count);
    booking = await bookings;
    events += last ? count - volumes.booked + (booking?.booked ?? 0) : count;
    const { settledAt } = await waitForSettled(tenantId, events * ENDPOINTS, PHASE_TIMEOUT_MS);
    const seconds = (settledAt - started) / 1000;
    phases.push({ workers, events: count, seconds: Math.round(seconds * 10) / 10, deliveriesPerSecond: Math.round((count * ENDPOINTS) / seconds) });
  }
  return { phases, events, booking };
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
    const slug = `verify-scale-${randomBytes(3).toString('hex')}`;
    const tenantId = await provisionTenant(ctx.stack.urls, slug, 'Verify scale-out clinic');
    await registerPlatformReceiver(tenantId);
    const receiver = await startDedupeReceiver();
    await createEndpoint(tenantId, { url: receiver.url, description: 'verify: dedupe receiver', eventTypes: [] });
    const port = Number(new URL(ctx.stack.baseUrl).port);
    const cluster = await startCluster(ctx.stack, { webPorts: [port + 1] });
    try {
      const { phases, events, booking } = await runScaleOut(ctx, cluster, tenantId);
      const eventIds = (await withCoreTenant(tenantId, (tx) => tx.event.findMany({ where: { tenantId }, select: { id: true } }))).map((e) => e.id);
      const platformKeys = (await withIdentityTenant(tenantId, (tx) => tx.receivedWebhook.findMany({ where: { tenantId }, select: { idempotencyKey: true } }))).map((r) => r.idempotencyKey);
      const platformSet = new Set(platformKeys);
      const eventSet = new Set(eventIds);
      const lost = {
        platformReceiver: eventIds.filter((id) => !platformSet.has(id)).length,
        customerReceiver: eventIds.filter((id) => !receiver.seen.has(id)).length,
      };
      const resends = receiver.requests() - receiver.seen.size;
      const duplicateSideEffects = platformKeys.length - platformSet.size + [...receiver.seen.keys()].filter((k) => !eventSet.has(k)).length;
      const { counts } = await waitForSettled(tenantId, events * ENDPOINTS, 10_000);
      const receipts = platformSet.size + receiver.seen.size;
      const ok = eventIds.length === events && lost.platformReceiver + lost.customerReceiver === 0 && duplicateSideEffects === 0 && receipts === events * ENDPOINTS && counts.delivered === events * ENDPOINTS;
      const rate = phases.map((p) => p.deliveriesPerSecond).join('/');
      return {
        ok,
        figure: `${events.toLocaleString('en-US')} events × ${ENDPOINTS} endpoints → ${lost.platformReceiver + lost.customerReceiver} lost, ${duplicateSideEffects} duplicates; 1/2/3 workers: ${rate} deliveries/s`,
        evidence: {
          processes: { web: 1 + cluster.webUrls.length, workers: 1 + cluster.workers().length },
          events,
          eventsBookedOverHttp: booking?.booked ?? 0,
          bookingsPerWebServer: booking?.perServer,
          bookingFailures: booking?.failed ?? 0,
          eventsWrittenLikeBooking: events - (booking?.booked ?? 0),
          endpoints: { platformReceiver: 'web /api/webhooks/periodic, dedupe table received_webhooks', customerReceiver: 'local receiver, dedupe by X-Periodic-Idempotency-Key' },
          receipts,
          lost,
          duplicateSideEffects,
          resendsSeenByCustomerReceiver: resends,
          deliveries: counts,
          throughput: phases,
          throughputNote: 'end-to-end: from the first event written to the last delivery settled, both endpoints; the 1- and 2-worker runs use fewer events than the 3-worker run',
          seconds: Math.round((Date.now() - t0) / 1000),
        },
      };
    } finally {
      await cluster.stop();
      await receiver.close();
    }
  },
};
