/**
 * Checklist 2: re-sent requests have exactly one effect — an API booking re-sent with its
 * Idempotency-Key (and the same key with another body refused), and a signed webhook re-delivered
 * to the platform receiver (deduplicated on X-Periodic-Idempotency-Key).
 */
import { createOpenResource, demoApiClient, randomToken, slotStart } from '../api-client.ts';
import type { Drill } from '../drill.ts';

export const idempotencyDrill: Drill = {
  id: 'idempotent-resend',
  title: 'Idempotency keys: API re-sends and webhook re-deliveries have exactly one effect',
  checklist: 2,
  async run({ stack, profile }) {
    const api = await demoApiClient(stack.baseUrl);
    const resource = await createOpenResource(api, 'Verify idempotency');
    const resends = profile === 'full' ? 20 : 5;
    const body = { resource_id: resource, token_id: randomToken(), starts_at: slotStart(1) };
    const key = `verify-${Date.now()}`;
    const responses = await Promise.all(Array.from({ length: resends }, () => api.call('POST', '/appointments', body, { 'idempotency-key': key })));
    const ids = new Set(responses.filter((r) => r.status === 201).map((r) => String(r.json.id)));
    const list = await api.call('GET', `/appointments?resource_id=${resource}`);
    const stored = (list.json.data as unknown[] | undefined)?.length ?? -1;
    const mismatch = await api.call('POST', '/appointments', { ...body, starts_at: slotStart(2) }, { 'idempotency-key': key });

    // Webhook side: re-send an already-received event with a valid signature.
    const { withCoreTenant, withIdentityTenant } = await import('../../../lib/db/tenant-scope.ts');
    const { activeEndpointSecrets } = await import('../../../lib/webhooks/delivery/endpoint-secrets.ts');
    const { signWebhook } = await import('../../../lib/webhooks/signature.ts');
    const deadline = Date.now() + 20_000;
    let received = 0;
    while (Date.now() < deadline && received === 0) {
      received = await withIdentityTenant(api.tenantId, (tx) => tx.receivedWebhook.count());
      await new Promise((r) => setTimeout(r, 250));
    }
    const event = await withCoreTenant(api.tenantId, (tx) => tx.event.findFirst({ orderBy: { createdAt: 'desc' } }));
    const endpoint = await withCoreTenant(api.tenantId, (tx) => tx.webhookEndpoint.findFirstOrThrow({ where: { isPlatformReceiver: true } }));
    const payload = JSON.stringify(event!.payload);
    const before = await withIdentityTenant(api.tenantId, (tx) => tx.receivedWebhook.count({ where: { idempotencyKey: event!.id } }));
    const statuses: number[] = [];
    for (let i = 0; i < 3; i += 1) {
      const ts = Math.floor(Date.now() / 1000);
      const res = await fetch(`${stack.baseUrl}/api/webhooks/periodic`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'webhook-id': event!.id,
          'webhook-timestamp': String(ts),
          'webhook-signature': signWebhook({ secrets: activeEndpointSecrets(endpoint), msgId: event!.id, timestamp: ts, body: payload }),
          'x-periodic-idempotency-key': event!.id,
        },
        body: payload,
      });
      statuses.push(res.status);
    }
    const after = await withIdentityTenant(api.tenantId, (tx) => tx.receivedWebhook.count({ where: { idempotencyKey: event!.id } }));
    const ok = ids.size === 1 && stored === 1 && mismatch.status === 422 && statuses.every((s) => s >= 200 && s < 300) && after === 1;
    return {
      ok,
      figure: `${resends} API re-sends → ${stored} appointment; 3 webhook re-sends → ${after} receipt`,
      evidence: { apiResends: resends, distinctAppointmentIds: ids.size, appointmentsStored: stored, differentBodySameKey: mismatch.status, receiverStatuses: statuses, receiptsBefore: before, receiptsAfter: after, platformReceipts: received },
    };
  },
};
