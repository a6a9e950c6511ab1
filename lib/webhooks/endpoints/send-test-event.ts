/**
 * "Send a test event": a `webhook.test` event with a well-formed but synthetic payload (random
 * ids, no patient), delivered to ONE endpoint through the normal pipeline (signing, retries,
 * attempt log), so what the receiver sees is exactly what real events look like.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { withCoreTenant } from '../../db/tenant-scope.ts';
import { AppError } from '../../errors/app-error.ts';
import type { TEventPayload } from '../../core/events/event-types.ts';
import { insertDeliveries } from '../enqueue-deliveries.ts';

/** Creates the test event and its delivery; returns their ids. @throws AppError NOT_FOUND, CONFLICT */
export async function sendTestEvent(tenantId: string, endpointId: string): Promise<{ eventId: string; deliveryId: string }> {
  const eventId = `evt_${randomBytes(16).toString('base64url')}`;
  const now = new Date();
  const payload: TEventPayload = {
    type: 'webhook.test',
    timestamp: now.toISOString(),
    data: {
      appointment_id: randomUUID(),
      tenant_id: tenantId,
      resource_id: randomUUID(),
      token_id: `tk_test${randomBytes(18).toString('base64url')}`,
      status: 'pending',
      starts_at: new Date(now.getTime() + 86_400_000).toISOString(),
      ends_at: new Date(now.getTime() + 86_400_000 + 1_800_000).toISOString(),
    },
  };
  return withCoreTenant(tenantId, async (tx) => {
    const endpoint = await tx.webhookEndpoint.findFirst({ where: { id: endpointId, tenantId }, select: { enabled: true } });
    if (!endpoint) {
      throw new AppError('NOT_FOUND', 'Webhook endpoint not found.');
    }
    if (!endpoint.enabled) {
      throw new AppError('CONFLICT', 'Enable the endpoint before sending a test event.');
    }
    await tx.event.create({ data: { id: eventId, tenantId, type: 'webhook.test', payload } });
    await insertDeliveries(tx, { id: eventId, tenantId, type: 'webhook.test' }, [endpointId]);
    const delivery = await tx.delivery.findUniqueOrThrow({ where: { eventId_endpointId: { eventId, endpointId } }, select: { id: true } });
    return { eventId, deliveryId: delivery.id };
  });
}
