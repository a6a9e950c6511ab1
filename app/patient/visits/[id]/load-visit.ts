/**
 * Loads a visit for its patient (ownership checked in the core query) with its clinician label.
 */
import { notFound } from 'next/navigation';
import { getAppointment } from '@/lib/core/appointments/get-appointment.ts';
import { getResource } from '@/lib/core/resources/get-resource.ts';
import { isAppError } from '@/lib/errors/app-error.ts';
import type { SessionContext } from '@/lib/auth/session.ts';

/** The visit and its clinician, or a 404 page when it is not this patient's. */
export async function loadVisitForPatient(session: SessionContext, id: string) {
  if (!session.tokenId) {
    notFound();
  }
  try {
    const appointment = await getAppointment(session.tenantId, id, { kind: 'patient', tokenId: session.tokenId });
    const resource = await getResource(session.tenantId, appointment.resourceId);
    return { appointment, resource };
  } catch (error) {
    if (isAppError(error) && error.code === 'NOT_FOUND') {
      notFound();
    }
    throw error;
  }
}
