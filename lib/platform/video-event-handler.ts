/**
 * The video side of the platform's webhook receiver: turns appointment events into room jobs.
 * Called once per deduplicated event by lib/platform/handle-periodic-event.ts. Jobs carry ids
 * only; handlers re-read the appointment, so out-of-order or repeated events converge.
 */
import type { TEventPayload } from '../core/events/event-types.ts';
import { getBoss } from '../jobs/boss.ts';

export type VideoJob =
  | { queue: 'video.provision'; data: { tenantId: string; appointmentId: string } }
  | { queue: 'video.revoke'; data: { tenantId: string; appointmentId: string; reason: 'cancelled' | 'completed' | 'no_show' } };

/** The room job an event calls for, or null (created, test events, rescheduled pending visits). */
export function videoJobForEvent(event: TEventPayload): VideoJob | null {
  const ids = { tenantId: event.data.tenant_id, appointmentId: event.data.appointment_id };
  switch (event.type) {
    case 'appointment.status.confirmed':
      return { queue: 'video.provision', data: ids };
    case 'appointment.rescheduled':
      // The provisioning job notices the new times and replaces the room (and its links).
      return event.data.status === 'confirmed' ? { queue: 'video.provision', data: ids } : null;
    case 'appointment.status.cancelled':
      return { queue: 'video.revoke', data: { ...ids, reason: 'cancelled' } };
    case 'appointment.status.completed':
      return { queue: 'video.revoke', data: { ...ids, reason: 'completed' } };
    case 'appointment.status.no_show':
      return { queue: 'video.revoke', data: { ...ids, reason: 'no_show' } };
    default:
      return null;
  }
}

/** Enqueues the room job for `event` (no-op for events that need none). */
export async function handleVideoEvent(event: TEventPayload): Promise<void> {
  const job = videoJobForEvent(event);
  if (!job) {
    return;
  }
  const boss = await getBoss();
  await boss.send(job.queue, job.data);
}
