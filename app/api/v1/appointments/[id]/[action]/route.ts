/** POST /api/v1/appointments/{id}/{confirm|cancel|complete|no-show|reschedule}. */
import { apiRoute } from '../../../../../../lib/api/api-route.ts';
import { runAppointmentAction } from '../../../../../../lib/api/appointment-actions.ts';
import { serializeAppointment } from '../../../../../../lib/api/serialize.ts';

export const POST = apiRoute<{ id: string; action: string }>(async ({ caller, params, body }) => {
  const appointment = await runAppointmentAction(caller.tenantId, params.id, params.action, body);
  return { status: 200, body: serializeAppointment(appointment) };
});
