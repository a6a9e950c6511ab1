/**
 * The platform receiver (route logic) against real databases: signature and timestamp checks,
 * idempotency-key binding, dedupe in received_webhooks (exactly one effect under a race), and the
 * metrics / health read side over the same data.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestTenant } from '../../test/support/test-tenant.ts';
import { withCoreTenant, withIdentityTenant } from '../db/tenant-scope.ts';
import { renderWebhookMetrics } from '../metrics/webhook-metrics.ts';
import { activeEndpointSecrets } from '../webhooks/delivery/endpoint-secrets.ts';
import { buildWebhookHeaders } from '../webhooks/delivery/build-request.ts';
import { addAttemptToHourlyStats } from '../webhooks/delivery/hourly-stats.ts';
import { listEndpointHealth } from '../webhooks/health/endpoint-health.ts';
import { buildTestPayload } from '../webhooks/testing/test-events.ts';
import { receivePeriodicWebhook } from './receive-periodic-webhook.ts';
import { registerPlatformReceiver } from './register-platform-receiver.ts';

let tenantId = '';
let secret = '';
let endpointId = '';

beforeAll(async () => {
  ({ id: tenantId } = await createTestTenant('whrecv'));
  const first = await registerPlatformReceiver(tenantId);
  const again = await registerPlatformReceiver(tenantId);
  expect(first.created).toBe(true);
  expect(again).toEqual({ endpointId: first.endpointId, created: false });
  endpointId = first.endpointId;
  const row = await withCoreTenant(tenantId, (tx) => tx.webhookEndpoint.findUniqueOrThrow({ where: { id: endpointId } }));
  expect(row.url).toMatch(/\/api\/webhooks\/periodic$/);
  [secret] = activeEndpointSecrets(row) as [string];
});

afterAll(() => undefined);

function signed(eventId: string, body: string, opts: { secret?: string; now?: Date } = {}): Headers {
  return new Headers(buildWebhookHeaders({ eventId, body, secrets: [opts.secret ?? secret], now: opts.now }));
}

describe('platform receiver', () => {
  it('accepts a signed event once; a redelivery is a 200 duplicate with no second effect', async () => {
    const body = JSON.stringify(buildTestPayload(tenantId, 'appointment.status.confirmed'));
    const first = await receivePeriodicWebhook({ headers: signed('evt_recv_1', body), rawBody: body });
    expect(first).toEqual({ status: 200, body: { ok: true, duplicate: false } });
    const again = await receivePeriodicWebhook({ headers: signed('evt_recv_1', body), rawBody: body });
    expect(again).toEqual({ status: 200, body: { ok: true, duplicate: true } });
    const rows = await withIdentityTenant(tenantId, (tx) => tx.receivedWebhook.findMany({ where: { idempotencyKey: 'evt_recv_1' } }));
    expect(rows).toHaveLength(1);
    expect(rows[0]?.eventType).toBe('appointment.status.confirmed');
  });

  it('racing duplicates produce exactly one row', async () => {
    const body = JSON.stringify(buildTestPayload(tenantId));
    const results = await Promise.all(Array.from({ length: 8 }, () => receivePeriodicWebhook({ headers: signed('evt_race', body), rawBody: body })));
    expect(results.filter((r) => r.body.duplicate === false)).toHaveLength(1);
    expect(results.every((r) => r.status === 200)).toBe(true);
  });

  it('refuses a bad signature, a stale timestamp, a foreign idempotency key and a tampered body', async () => {
    const body = JSON.stringify(buildTestPayload(tenantId));
    const wrongSecret = 'whsec_' + Buffer.alloc(32, 7).toString('base64');
    expect((await receivePeriodicWebhook({ headers: signed('evt_bad', body, { secret: wrongSecret }), rawBody: body })).status).toBe(401);
    const stale = signed('evt_stale', body, { now: new Date(Date.now() - 301_000) });
    expect((await receivePeriodicWebhook({ headers: stale, rawBody: body })).status).toBe(401);
    const foreign = signed('evt_key', body);
    foreign.set('x-periodic-idempotency-key', 'evt_other');
    expect((await receivePeriodicWebhook({ headers: foreign, rawBody: body })).status).toBe(400);
    const tampered = body.replace('"pending"', '"confirmed"');
    expect((await receivePeriodicWebhook({ headers: signed('evt_tamper', body), rawBody: tampered })).status).toBe(401);
    expect((await receivePeriodicWebhook({ headers: signed('evt_x', 'nope'), rawBody: 'nope' })).status).toBe(400);
    const rows = await withIdentityTenant(tenantId, (tx) => tx.receivedWebhook.count({ where: { idempotencyKey: { in: ['evt_bad', 'evt_stale', 'evt_key', 'evt_other', 'evt_tamper'] } } }));
    expect(rows).toBe(0);
  });

  it('health and /api/metrics read the rollup', async () => {
    await withCoreTenant(tenantId, async (tx) => {
      await addAttemptToHourlyStats(tx, { tenantId, endpointId, ok: true, latencyMs: 40 });
      await addAttemptToHourlyStats(tx, { tenantId, endpointId, ok: false, latencyMs: 3000 });
    });
    const [health] = await listEndpointHealth(tenantId);
    expect(health?.h1).toEqual({ attempts: 2, successes: 1, successRate: 0.5 });
    expect(health?.endpoint.isPlatformReceiver).toBe(true);
    const { body } = await renderWebhookMetrics();
    const slug = (await withCoreTenant(tenantId, (tx) => tx.tenant.findUniqueOrThrow({ where: { id: tenantId } }))).slug;
    expect(body).toContain(`periodic_webhook_attempts_total{tenant="${slug}",outcome="success"} 1`);
    expect(body).toContain(`periodic_webhook_latency_ms_bucket{tenant="${slug}",le="50"} 1`);
    expect(body).toContain(`periodic_webhook_latency_ms_bucket{tenant="${slug}",le="+Inf"} 2`);
    expect(body).toContain('periodic_queue_depth');
  });
});
