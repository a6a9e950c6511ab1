/**
 * The facts provisioning and access checks need about one visit: the appointment (read from the
 * core, which platform code may do) and its two participants as identity users. The core knows
 * the patient only as a token_id and the clinician only as a resource_id; the mapping to user
 * accounts happens here, on the platform side.
 */
import { withCoreTenant, withIdentityTenant } from '../db/tenant-scope.ts';

export interface VisitAppointment {
  id: string;
  status: 'pending' | 'confirmed' | 'cancelled' | 'completed' | 'no_show';
  resourceId: string;
  tokenId: string;
  startsAt: Date;
  endsAt: Date;
}

export interface VisitParticipants {
  appointment: VisitAppointment;
  /** The patient's user account, or null for a headless patient without a portal account. */
  patientUserId: string | null;
  /** The clinician's user account (users.resource_id), or null when the resource has none. */
  clinicianUserId: string | null;
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Reads the appointment from the core; null when it does not exist in the tenant. */
export async function loadVisitAppointment(tenantId: string, appointmentId: string): Promise<VisitAppointment | null> {
  if (!UUID_RE.test(appointmentId)) {
    return null;
  }
  return withCoreTenant(tenantId, (tx) =>
    tx.appointment.findFirst({
      where: { id: appointmentId, tenantId },
      select: { id: true, status: true, resourceId: true, tokenId: true, startsAt: true, endsAt: true },
    }),
  );
}

/** Maps the appointment's token and resource to identity users. */
export async function resolveVisitUsers(
  tenantId: string,
  appointment: Pick<VisitAppointment, 'tokenId' | 'resourceId'>,
): Promise<{ patientUserId: string | null; clinicianUserId: string | null }> {
  return withIdentityTenant(tenantId, async (tx) => {
    const patient = await tx.user.findFirst({
      where: { tenantId, role: 'patient', disabledAt: null, patient: { tokenId: appointment.tokenId } },
      select: { id: true },
      orderBy: { createdAt: 'asc' },
    });
    const clinician = await tx.user.findFirst({
      where: { tenantId, role: 'clinician', disabledAt: null, resourceId: appointment.resourceId },
      select: { id: true },
      orderBy: { createdAt: 'asc' },
    });
    return { patientUserId: patient?.id ?? null, clinicianUserId: clinician?.id ?? null };
  });
}

/** Appointment plus participants, or null when the appointment does not exist. */
export async function loadVisitParticipants(tenantId: string, appointmentId: string): Promise<VisitParticipants | null> {
  const appointment = await loadVisitAppointment(tenantId, appointmentId);
  if (!appointment) {
    return null;
  }
  return { appointment, ...(await resolveVisitUsers(tenantId, appointment)) };
}

/** The role `userId` plays in the visit, or null when they are not one of its two participants. */
export function participantRole(visit: Pick<VisitParticipants, 'patientUserId' | 'clinicianUserId'>, userId: string): 'patient' | 'clinician' | null {
  if (visit.patientUserId === userId) {
    return 'patient';
  }
  if (visit.clinicianUserId === userId) {
    return 'clinician';
  }
  return null;
}
