/**
 * Writes an appointment event and fans it out to webhook deliveries, inside the caller's
 * transaction: the change, its event and its delivery jobs commit or roll back together.
 */
import type { CoreTx } from '../../db/tenant-scope.ts';
import { enqueueDeliveries } from '../../webhooks/enqueue-deliveries.ts';
import { newEventId } from '../ids.ts';
import type { AppointmentView } from '../appointments/appointment-view.ts';
import { ZEventPayload, type EventType, type TEventPayload } from './event-types.ts';

/** Builds the contract payload (ids, token, status, times only) and checks it against ZEventPayload. */
export function buildEventPayload(appointment: AppointmentView, type: EventType, at: Date): TEventPayload {
  return ZEventPayload.parse({
    type,
    timestamp: at.toISOString(),
    data: {
      appointment_id: appointment.id,
      tenant_id: appointment.tenantId,
      resource_id: appointment.resourceId,
      token_id: appointment.tokenId,
      status: appointment.status,
      starts_at: appointment.startsAt.toISOString(),
      ends_at: appointment.endsAt.toISOString(),
    },
  });
}

let lastEventMs = 0;

/**
 * A strictly increasing wall-clock time for event rows of this process, so two events written in
 * one transaction (created, then confirmed) keep their order in (created_at, id) pagination.
 */
function nextEventTime(): Date {
  lastEventMs = Math.max(Date.now(), lastEventMs + 1);
  return new Date(lastEventMs);
}

/** Inserts the event row and enqueues its deliveries in `tx`; returns the event id. */
export async function recordAppointmentEvent(tx: CoreTx, appointment: AppointmentView, type: EventType, at = new Date()): Promise<string> {
  const id = newEventId();
  const payload = buildEventPayload(appointment, type, at);
  await tx.event.create({ data: { id, tenantId: appointment.tenantId, type, appointmentId: appointment.id, payload, createdAt: nextEventTime() } });
  await enqueueDeliveries(tx, { id, tenantId: appointment.tenantId, type });
  return id;
}
