/**
 * Fan-out of a domain event to its webhook endpoints, INSIDE the caller's core transaction:
 * deliveries rows and their pg-boss jobs commit together with the event (commit ⇔ jobs), so a
 * crash can neither lose an event's deliveries nor deliver an event that rolled back.
 */
import { randomUUID } from 'node:crypto';
import type { CoreTx } from '../db/tenant-scope.ts';
import { sendDeliverJob } from './delivery/queues.ts';

/**
 * Creates one delivery (and its first job) per enabled endpoint subscribed to `event.type`
 * (an empty event-type filter means every type). Idempotent per (event, endpoint): calling it
 * twice for the same event adds nothing.
 *
 * @param tx a core transaction already scoped to `event.tenantId` (withCoreTenant)
 * @returns the number of deliveries created
 */
export async function enqueueDeliveries(tx: CoreTx, event: { id: string; tenantId: string; type: string }): Promise<number> {
  const endpoints = await tx.$queryRaw<Array<{ id: string }>>`
    SELECT id FROM webhook_endpoints
    WHERE tenant_id = ${event.tenantId}::uuid AND enabled
      AND (cardinality(event_types) = 0 OR ${event.type} = ANY(event_types))
    ORDER BY created_at, id`;
  return insertDeliveries(tx, event, endpoints.map((e) => e.id));
}

/** Inserts deliveries of `event` to the given endpoints and sends their first jobs. */
export async function insertDeliveries(
  tx: CoreTx,
  event: { id: string; tenantId: string; type: string },
  endpointIds: string[],
): Promise<number> {
  let created = 0;
  for (const endpointId of endpointIds) {
    const id = randomUUID();
    const inserted = await tx.$executeRaw`
      INSERT INTO deliveries (id, tenant_id, event_id, endpoint_id, event_type, status, next_attempt_at)
      VALUES (${id}::uuid, ${event.tenantId}::uuid, ${event.id}, ${endpointId}::uuid, ${event.type}, 'pending', now())
      ON CONFLICT (event_id, endpoint_id) DO NOTHING`;
    if (inserted === 0) {
      continue;
    }
    await sendDeliverJob(tx, { tenantId: event.tenantId, deliveryId: id, attempt: 1 });
    created += 1;
  }
  return created;
}
