/**
 * Checklist 4: a status event that cannot be delivered ends in the dead-letter queue after the
 * configured attempts (same idempotency key on each), Slack, PagerDuty and Datadog are alerted at
 * once, and a replay delivers it exactly once when the receiver is back.
 */
import { startTestReceiver } from '../../../lib/webhooks/testing/test-receiver.ts';
import { createOpenResource, demoApiClient, randomToken, slotStart } from '../api-client.ts';
import type { Drill } from '../drill.ts';
import { collectWebhookBody } from '../leak-collector.ts';

async function waitFor<T>(fn: () => Promise<T | undefined>, timeoutMs: number): Promise<T | undefined> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const v = await fn();
    if (v !== undefined) {
      return v;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return undefined;
}

export const deadLetterDrill: Drill = {
  id: 'dead-letter-alerts',
  title: 'Undeliverable status event → dead-letter queue → Slack, PagerDuty and Datadog alerted; replay delivers once',
  checklist: 4,
  async run({ stack, alerts }) {
    const { withCoreTenant } = await import('../../../lib/db/tenant-scope.ts');
    const { createEndpoint, setEndpointEnabled } = await import('../../../lib/webhooks/endpoints/manage-endpoints.ts');
    const { replayDelivery } = await import('../../../lib/webhooks/replay/replay-deliveries.ts');
    const receiver = await startTestReceiver(() => ({ kind: 'status', status: 500 }));
    const api = await demoApiClient(stack.baseUrl);
    const { endpoint } = await createEndpoint(api.tenantId, { url: receiver.url, description: 'verify: failing receiver', eventTypes: ['appointment.status.confirmed'] });
    const sinkCounts = () => ({ slack: alerts.slack.received.length, pagerduty: alerts.pagerduty.received.length, datadog: alerts.datadog.received.length });
    const before = sinkCounts();
    try {
      const resource = await createOpenResource(api, 'Verify dead letters');
      const booked = await api.call('POST', '/appointments', { resource_id: resource, token_id: randomToken(), starts_at: slotStart(40) });
      await api.call('POST', `/appointments/${String(booked.json.id)}/confirm`);
      const dead = await waitFor(
        () => withCoreTenant(api.tenantId, (tx) => tx.delivery.findFirst({ where: { endpointId: endpoint.id, status: 'dead' } })).then((d) => d ?? undefined),
        120_000,
      );
      if (!dead) {
        return { ok: false, figure: 'delivery never dead-lettered', evidence: { attempts: receiver.requests.length } };
      }
      const alerted = await waitFor(async () => {
        const now = sinkCounts();
        return now.slack > before.slack && now.pagerduty > before.pagerduty && now.datadog > before.datadog ? Date.now() : undefined;
      }, 10_000);
      const alertLatencyMs = alerted ? alerted - (dead.deadAt?.getTime() ?? alerted) : undefined;
      const keys = new Set(receiver.requests.map((r) => r.headers['x-periodic-idempotency-key']));
      const attempts = receiver.requests.length;
      receiver.setBehaviour(() => ({ kind: 'status', status: 204 }));
      await replayDelivery(api.tenantId, dead.id);
      const delivered = await waitFor(
        () => withCoreTenant(api.tenantId, (tx) => tx.delivery.findFirst({ where: { id: dead.id, status: 'delivered' } })).then((d) => d ?? undefined),
        30_000,
      );
      await new Promise((r) => setTimeout(r, 1000));
      const successes = receiver.requests.length - attempts;
      const ok = attempts === Number(stack.env.WEBHOOK_MAX_ATTEMPTS ?? 5) && keys.size === 1 && alertLatencyMs !== undefined && alertLatencyMs <= 5000 && Boolean(delivered) && successes === 1;
      return {
        ok,
        figure: `${attempts} attempts → dead-lettered; alerts in ${alertLatencyMs ?? '∞'} ms; replay delivered ${successes}×`,
        evidence: { deliveryId: dead.id, attempts, distinctIdempotencyKeys: keys.size, alertLatencyMs, sinks: sinkCounts(), replayDeliveries: successes },
      };
    } finally {
      // The bodies this receiver got are part of the final PHI / link-token scan.
      for (const r of receiver.requests) {
        collectWebhookBody('dead-letter drill receiver', r.body);
      }
      await setEndpointEnabled(api.tenantId, endpoint.id, false).catch(() => {});
      await receiver.close();
    }
  },
};
