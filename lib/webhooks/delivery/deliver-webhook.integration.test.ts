/**
 * End to end on real PostgreSQL + pg-boss + HTTP: events written with enqueueDeliveries are
 * delivered by the real job registry (startWorkers) to local receivers; retries, dead letters,
 * alerts (stand-ins) and replay.
 */
import pg from 'pg';
import { Webhook as StandardWebhook } from 'standardwebhooks';
import { Webhook as SvixWebhook } from 'svix';
import type PgBoss from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDatadogStandin } from '../../../test/standins/datadog-standin.ts';
import { startPagerDutyStandin } from '../../../test/standins/pagerduty-standin.ts';
import { startSlackStandin } from '../../../test/standins/slack-standin.ts';
import type { AlertStandin } from '../../../test/standins/alert-standin-server.ts';
import { createTestTenant } from '../../../test/support/test-tenant.ts';
import { pgConfigFromUrl } from '../../db/pg-url.ts';
import { withCoreTenant } from '../../db/tenant-scope.ts';
import { createEndpoint, rotateEndpointSecret } from '../endpoints/manage-endpoints.ts';
import { replayDelivery } from '../replay/replay-deliveries.ts';
import { emitTestEvents } from '../testing/test-events.ts';
import { startTestReceiver, type ReceivedRequest, type TestReceiver } from '../testing/test-receiver.ts';
import { startTestWorker } from '../testing/test-worker.ts';
import { WEBHOOK_USER_AGENT } from './build-request.ts';

process.env.WEBHOOK_ALLOW_PRIVATE_TARGETS = 'true';
process.env.WEBHOOK_RETRY_BASE_MS = '200';
process.env.WEBHOOK_TIMEOUT_MS = '3000';
process.env.WEBHOOK_MAX_ATTEMPTS = '5';

let tenantId = '';
let boss: PgBoss;
let slack: AlertStandin;
let pagerduty: AlertStandin;
let datadog: AlertStandin;
const receivers: TestReceiver[] = [];

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) {
      return value;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

function deliveryOf(eventId: string) {
  return withCoreTenant(tenantId, (tx) => tx.delivery.findFirst({ where: { eventId } }));
}

function headersOf(req: ReceivedRequest): Record<string, string> {
  return Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : (v ?? '')]));
}

beforeAll(async () => {
  [slack, pagerduty, datadog] = await Promise.all([startSlackStandin(), startPagerDutyStandin(), startDatadogStandin()]);
  process.env.ALERT_SLACK_WEBHOOK_URL = slack.url;
  process.env.ALERT_PAGERDUTY_ROUTING_KEY = 'R0UTINGKEY0000000000000000000000';
  process.env.PAGERDUTY_EVENTS_URL = pagerduty.url;
  process.env.ALERT_DATADOG_API_KEY = 'dd-test-key';
  process.env.DATADOG_API_URL = datadog.url;
  ({ id: tenantId } = await createTestTenant('whdeliver'));
  boss = await startTestWorker();
});

afterAll(async () => {
  await boss?.stop({ graceful: false, wait: true });
  await Promise.all([...receivers.map((r) => r.close()), slack?.close(), pagerduty?.close(), datadog?.close()]);
});

describe('webhook delivery (real worker, real HTTP)', () => {
  it('retries a receiver that fails the first 2 calls and delivers on attempt 3 with one idempotency key and valid signatures', async () => {
    const receiver = await startTestReceiver((_req, i) => (i < 2 ? { kind: 'status', status: 500, body: 'not yet' } : { kind: 'status', status: 200, body: 'ok' }));
    receivers.push(receiver);
    const { endpoint, secret } = await createEndpoint(tenantId, { url: receiver.url, description: 'flaky', eventTypes: ['appointment.created'] });
    const [eventId] = await emitTestEvents(tenantId, 1);
    const delivery = await waitFor('delivered', async () => {
      const d = await deliveryOf(eventId!);
      return d?.status === 'delivered' ? d : undefined;
    });
    expect(delivery.attempts).toBe(3);
    expect(receiver.requests).toHaveLength(3);
    const keys = new Set(receiver.requests.map((r) => r.headers['x-periodic-idempotency-key']));
    expect([...keys]).toEqual([eventId]);
    for (const req of receiver.requests) {
      expect(req.headers['webhook-id']).toBe(eventId);
      expect(req.headers['user-agent']).toBe(WEBHOOK_USER_AGENT);
      // Both reference implementations accept our real outgoing requests.
      expect(() => new StandardWebhook(secret).verify(req.body, headersOf(req))).not.toThrow();
      expect(() => new SvixWebhook(secret).verify(req.body, headersOf(req))).not.toThrow();
      expect(() => new StandardWebhook('whsec_' + Buffer.alloc(32, 1).toString('base64')).verify(req.body, headersOf(req))).toThrow();
    }
    const attempts = await withCoreTenant(tenantId, (tx) => tx.deliveryAttempt.findMany({ where: { deliveryId: delivery.id }, orderBy: { attempt: 'asc' } }));
    expect(attempts.map((a) => [a.attempt, a.outcome, a.statusCode])).toEqual([
      [1, 'failure', 500],
      [2, 'failure', 500],
      [3, 'success', 200],
    ]);
    expect(attempts[0]?.responseBody).toBe('not yet');
    // Gaps follow base × 2^(n−1) ± 20 %: ≥ 160 ms then ≥ 320 ms.
    expect(receiver.requests[1]!.at - receiver.requests[0]!.at).toBeGreaterThanOrEqual(150);
    expect(receiver.requests[2]!.at - receiver.requests[1]!.at).toBeGreaterThanOrEqual(300);
    const stats = await withCoreTenant(tenantId, (tx) => tx.deliveryStatsHourly.findMany({ where: { endpointId: endpoint.id } }));
    expect(stats.reduce((s, r) => s + r.attempts, 0)).toBe(3);
    expect(stats.reduce((s, r) => s + r.successes, 0)).toBe(1);
  });

  it('sends both signatures during a secret rotation, each valid for its secret', async () => {
    const receiver = await startTestReceiver();
    receivers.push(receiver);
    const { endpoint, secret: oldSecret } = await createEndpoint(tenantId, { url: receiver.url, eventTypes: ['appointment.rescheduled'] });
    const { secret: newSecret } = await rotateEndpointSecret(tenantId, endpoint.id);
    const [eventId] = await emitTestEvents(tenantId, 1, 'appointment.rescheduled');
    await waitFor('delivered', async () => ((await deliveryOf(eventId!))?.status === 'delivered' ? true : undefined));
    const req = receiver.requests[0]!;
    expect(String(req.headers['webhook-signature']).split(' ')).toHaveLength(2);
    expect(() => new StandardWebhook(oldSecret).verify(req.body, headersOf(req))).not.toThrow();
    expect(() => new StandardWebhook(newSecret).verify(req.body, headersOf(req))).not.toThrow();
  });

  it('a receiver that never answers ends in the dead-letter queue after exactly 5 attempts, alerts within 5 s, and replay delivers once', async () => {
    const receiver = await startTestReceiver(() => ({ kind: 'hang' }));
    receivers.push(receiver);
    const { endpoint } = await createEndpoint(tenantId, { url: receiver.url, eventTypes: ['appointment.status.cancelled'] });
    const [eventId] = await emitTestEvents(tenantId, 1, 'appointment.status.cancelled');
    const dead = await waitFor(
      'dead letter',
      async () => {
        const d = await deliveryOf(eventId!);
        return d?.status === 'dead' ? d : undefined;
      },
      90_000,
    );
    expect(dead.attempts).toBe(5);
    expect(receiver.requests).toHaveLength(5);
    const attempts = await withCoreTenant(tenantId, (tx) => tx.deliveryAttempt.findMany({ where: { deliveryId: dead.id }, orderBy: { attempt: 'asc' } }));
    expect(attempts.map((a) => a.errorClass)).toEqual(['timeout', 'timeout', 'timeout', 'timeout', 'timeout']);
    for (const a of attempts) {
      expect(a.latencyMs).toBeGreaterThanOrEqual(2900);
      expect(a.latencyMs).toBeLessThan(4000);
    }
    // The job really went through pg-boss's dead-letter queue.
    const client = new pg.Client(pgConfigFromUrl(process.env.CORE_DATABASE_URL!));
    await client.connect();
    const dlq = await client.query(`SELECT state FROM pgboss.job WHERE name = 'webhook.dead-letter' AND data->>'deliveryId' = $1`, [dead.id]);
    await client.end();
    expect(dlq.rows.map((r: { state: string }) => r.state)).toEqual(['completed']);

    // Eviction = end of the 5th attempt; every sink must have the dead-letter alert within 5 s.
    const last = attempts[4]!;
    const evictedAt = last.attemptedAt.getTime() + last.latencyMs;
    const alertOf = (standin: AlertStandin, match: (body: string) => boolean) =>
      waitFor('alert', async () => standin.received.find((r) => match(JSON.stringify(r.body))), 10_000);
    const slackHit = await alertOf(slack, (b) => b.includes('dead-lettered') && b.includes(dead.id));
    const pdHit = await alertOf(pagerduty, (b) => b.includes('dead_letter') && b.includes(dead.id));
    const ddHit = await alertOf(datadog, (b) => b.includes(dead.id));
    const receivedAt = Date.now();
    expect(receivedAt - evictedAt).toBeLessThan(5000);
    expect(slackHit.status).toBe(200);
    expect(pdHit.status).toBe(202);
    expect(ddHit.status).toBeLessThan(300);
    const pdBody = pdHit.body as { dedup_key: string; event_action: string };
    expect(pdBody.event_action).toBe('trigger');
    expect(pdBody.dedup_key).toMatch(new RegExp(`^endpoint:${endpoint.id}:`));
    // The early "failing" warning fired once, on the same incident.
    const alerts = await withCoreTenant(tenantId, (tx) => tx.alert.findMany({ where: { endpointId: endpoint.id }, orderBy: { createdAt: 'asc' } }));
    expect(alerts.map((a) => a.kind)).toEqual(['failing', 'dead_letter']);
    expect(new Set(alerts.map((a) => a.incidentKey)).size).toBe(1);

    // Replay: same idempotency key, delivered exactly once, incident resolved.
    receiver.setBehaviour(() => ({ kind: 'status', status: 200, body: 'ok' }));
    await replayDelivery(tenantId, dead.id);
    const delivered = await waitFor('replayed delivery', async () => {
      const d = await deliveryOf(eventId!);
      return d?.status === 'delivered' ? d : undefined;
    });
    expect(delivered.attempts).toBe(6);
    expect(delivered.replays).toBe(1);
    expect(receiver.requests).toHaveLength(6);
    expect(receiver.requests[5]!.headers['x-periodic-idempotency-key']).toBe(eventId);
    const resolve = await waitFor('pagerduty resolve', async () =>
      pagerduty.received.find((r) => (r.body as { event_action?: string }).event_action === 'resolve' && (r.body as { dedup_key?: string }).dedup_key === pdBody.dedup_key),
    );
    expect(resolve.status).toBe(202);
    await new Promise((r) => setTimeout(r, 1000));
    expect(receiver.requests).toHaveLength(6);
  }, 120_000);

  it('commit ⇔ jobs: a rolled-back transaction leaves neither deliveries nor pg-boss jobs', async () => {
    const receiver = await startTestReceiver();
    receivers.push(receiver);
    await createEndpoint(tenantId, { url: receiver.url, eventTypes: ['appointment.status.no_show'] });
    const countJobs = async () => {
      const client = new pg.Client(pgConfigFromUrl(process.env.CORE_DATABASE_URL!));
      await client.connect();
      const res = await client.query(`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'webhook.deliver' AND data->>'tenantId' = $1`, [tenantId]);
      await client.end();
      return (res.rows[0] as { n: number }).n;
    };
    const before = await countJobs();
    const { enqueueDeliveries } = await import('../enqueue-deliveries.ts');
    const { buildTestPayload } = await import('../testing/test-events.ts');
    let insideCount = -1;
    await expect(
      withCoreTenant(tenantId, async (tx) => {
        const payload = buildTestPayload(tenantId, 'appointment.status.no_show');
        await tx.event.create({ data: { id: 'evt_rollback_probe', tenantId, type: 'appointment.status.no_show', payload } });
        insideCount = await enqueueDeliveries(tx, { id: 'evt_rollback_probe', tenantId, type: 'appointment.status.no_show' });
        throw new Error('boom after enqueue');
      }),
    ).rejects.toThrow('boom after enqueue');
    expect(insideCount).toBe(1);
    expect(await countJobs()).toBe(before);
    expect(await withCoreTenant(tenantId, (tx) => tx.delivery.count({ where: { eventId: 'evt_rollback_probe' } }))).toBe(0);
    await new Promise((r) => setTimeout(r, 800));
    expect(receiver.requests).toHaveLength(0);
  });
});
