/**
 * Read-only FHIR R4 views of core appointments and slots. Patients appear only as token
 * identifiers (never a name, birth date or contact); clinicians as their resource id.
 */
import type { AppointmentStatusName } from '../../core/appointments/appointment-status.ts';
import type { AppointmentView } from '../../core/appointments/appointment-view.ts';

export const FHIR_CONTENT_TYPE = 'application/fhir+json';
export const TOKEN_SYSTEM = 'urn:periodic:patient-token';
export const RESOURCE_SYSTEM = 'urn:periodic:resource';

/** Core status → FHIR Appointment.status. */
export const FHIR_APPOINTMENT_STATUS: Record<AppointmentStatusName, string> = {
  pending: 'pending',
  confirmed: 'booked',
  completed: 'fulfilled',
  cancelled: 'cancelled',
  no_show: 'noshow',
};

const PRACTITIONER_PARTICIPATION: Record<AppointmentStatusName, string> = {
  pending: 'needs-action',
  confirmed: 'accepted',
  completed: 'accepted',
  cancelled: 'declined',
  no_show: 'accepted',
};

/** A FHIR R4 Appointment resource for a core appointment. */
export function toFhirAppointment(a: AppointmentView) {
  return {
    resourceType: 'Appointment',
    id: a.id,
    meta: { versionId: String(a.version), lastUpdated: a.updatedAt.toISOString() },
    status: FHIR_APPOINTMENT_STATUS[a.status],
    ...(a.kind === 'on_demand' ? { appointmentType: { text: 'on-demand' } } : {}),
    start: a.startsAt.toISOString(),
    end: a.endsAt.toISOString(),
    minutesDuration: Math.round((a.endsAt.getTime() - a.startsAt.getTime()) / 60_000),
    created: a.createdAt.toISOString(),
    participant: [
      {
        actor: { type: 'Patient', identifier: { system: TOKEN_SYSTEM, value: a.tokenId } },
        required: 'required',
        status: a.status === 'cancelled' ? 'declined' : 'accepted',
      },
      {
        actor: { type: 'Practitioner', identifier: { system: RESOURCE_SYSTEM, value: a.resourceId } },
        required: 'required',
        status: PRACTITIONER_PARTICIPATION[a.status],
      },
    ],
  };
}

/** A FHIR R4 Slot (status free) of a resource's schedule. */
export function toFhirSlot(resourceId: string, slot: { startsAt: Date; endsAt: Date }) {
  return {
    resourceType: 'Slot',
    id: `${resourceId}-${slot.startsAt.getTime() / 1000}`,
    schedule: { reference: `Schedule/${resourceId}` },
    status: 'free',
    start: slot.startsAt.toISOString(),
    end: slot.endsAt.toISOString(),
  };
}

/** A searchset Bundle. */
export function toSearchBundle(resources: unknown[]) {
  return { resourceType: 'Bundle', type: 'searchset', total: resources.length, entry: resources.map((resource) => ({ resource })) };
}

/** A FHIR OperationOutcome for an error (FHIR clients expect this, not problem+json). */
export function toOperationOutcome(code: string, diagnostics: string) {
  return { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code, diagnostics }] };
}
