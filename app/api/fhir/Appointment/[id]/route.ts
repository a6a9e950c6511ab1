/** GET /api/fhir/Appointment/{id} — FHIR R4 read view (patient as token identifier only). */
import { getAppointment } from '../../../../../lib/core/appointments/get-appointment.ts';
import { fhirRoute } from '../../../../../lib/api/fhir/fhir-route.ts';
import { toFhirAppointment } from '../../../../../lib/api/fhir/fhir-mapping.ts';

export const GET = fhirRoute<{ id: string }>(async ({ caller, params }) => toFhirAppointment(await getAppointment(caller.tenantId, params.id)));
