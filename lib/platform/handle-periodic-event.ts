/**
 * Hook point for the platform's reaction to a verified, first-time core event. Called by the
 * receiver after dedupe, inside the dedupe transaction's lifetime: if this throws, the dedupe row
 * is rolled back and the receiver answers 500, so core redelivers and nothing is lost.
 * Must stay fast (the receiver answers within core's 3 s timeout): enqueue work, don't do it here.
 * Video provisioning on `appointment.status.confirmed` plugs in here.
 */
import type { TEventPayload } from '../core/events/event-types.ts';
import { logger } from '../log/logger.ts';
import { handleVideoEvent } from './video-event-handler.ts';

/** Reacts to one event. For now it only records it (the dedupe row is the record). */
export async function handlePeriodicEvent(event: TEventPayload): Promise<void> {
  // Ids only: the payload carries no PHI, and a token id is not logged either.
  logger.info({ type: event.type, appointmentId: event.data.appointment_id, tenantId: event.data.tenant_id }, 'periodic event received');
  // Video rooms: confirm → provision job; cancel/complete/no-show → revoke job (helper D).
  await handleVideoEvent(event);
}
