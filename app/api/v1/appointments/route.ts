/** POST /api/v1/appointments — book a slot; GET — list with filters and cursor. */
import { bookAppointment } from '../../../../lib/core/appointments/book-appointment.ts';
import { listAppointments } from '../../../../lib/core/appointments/list-appointments.ts';
import { apiRoute, queryObject } from '../../../../lib/api/api-route.ts';
import { parseOrThrow } from '../../../../lib/api/problem.ts';
import { ZAppointmentsQuery, ZCreateAppointmentBody } from '../../../../lib/api/schemas.ts';
import { serializeAppointment } from '../../../../lib/api/serialize.ts';

export const POST = apiRoute(async ({ caller, body }) => {
  const input = parseOrThrow(ZCreateAppointmentBody, body, 'appointment');
  const appointment = await bookAppointment(caller.tenantId, { resourceId: input.resource_id, tokenId: input.token_id, startsAt: new Date(input.starts_at) });
  return { status: 201, body: serializeAppointment(appointment) };
});

export const GET = apiRoute(async ({ caller, url }) => {
  const q = parseOrThrow(ZAppointmentsQuery, queryObject(url), 'query');
  const page = await listAppointments(caller.tenantId, {
    status: q.status,
    resourceId: q.resource_id,
    tokenId: q.token_id,
    from: q.from,
    to: q.to,
    cursor: q.cursor,
    limit: q.limit,
  });
  return { status: 200, body: { data: page.items.map(serializeAppointment), next_cursor: page.nextCursor } };
});
