/**
 * Test-only: writes an appointment-shaped event (synthetic ids, no PHI) and fans it out with
 * enqueueDeliveries in ONE core transaction — what the booking code does.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { withCoreTenant } from '../../db/tenant-scope.ts';
import type { EventType, TEventPayload } from '../../core/events/event-types.ts';
import { enqueueDeliveries } from '../enqueue-deliveries.ts';

/** A contract-valid payload for `tenantId`. */
export function buildTestPayload(tenantId: string, type: EventType = 'appointment.created'): TEventPayload {
  const start = new Date(Date.now() + 86_400_000);
  return {
    type,
    timestamp: new Date().toISOString(),
    data: {
      appointment_id: randomUUID(),
      tenant_id: tenantId,
      resource_id: randomUUID(),
      token_id: `tk_${randomBytes(18).toString('base64url')}`,
      status: type === 'appointment.status.confirmed' ? 'confirmed' : 'pending',
      starts_at: start.toISOString(),
      ends_at: new Date(start.getTime() + 1_800_000).toISOString(),
    },
  };
}

/** Inserts `count` events and their deliveries; returns the event ids (one transaction per chunk). */
export async function emitTestEvents(tenantId: string, count = 1, type: EventType = 'appointment.created'): Promise<string[]> {
  const ids: string[] = [];
  for (let offset = 0; offset < count; offset += 100) {
    const chunk = Math.min(100, count - offset);
    const chunkIds = await withCoreTenant(
      tenantId,
      async (tx) => {
        const out: string[] = [];
        for (let i = 0; i < chunk; i += 1) {
          const id = `evt_${randomBytes(16).toString('base64url')}`;
          const payload = buildTestPayload(tenantId, type);
          await tx.event.create({ data: { id, tenantId, type, appointmentId: payload.data.appointment_id, payload } });
          await enqueueDeliveries(tx, { id, tenantId, type });
          out.push(id);
        }
        return out;
      },
      { timeout: 60_000 },
    );
    ids.push(...chunkIds);
  }
  return ids;
}
