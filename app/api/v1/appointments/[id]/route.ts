/** GET /api/v1/appointments/{id}. */
import { getAppointment } from '../../../../../lib/core/appointments/get-appointment.ts';
import { apiRoute } from '../../../../../lib/api/api-route.ts';
import { serializeAppointment } from '../../../../../lib/api/serialize.ts';

export const GET = apiRoute<{ id: string }>(async ({ caller, params }) => {
  return { status: 200, body: serializeAppointment(await getAppointment(caller.tenantId, params.id)) };
});
