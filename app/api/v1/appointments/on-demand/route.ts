/** POST /api/v1/appointments/on-demand — "see a clinician now" with the first free on-call resource. */
import { bookOnDemand } from '../../../../../lib/core/appointments/book-on-demand.ts';
import { apiRoute } from '../../../../../lib/api/api-route.ts';
import { parseOrThrow } from '../../../../../lib/api/problem.ts';
import { ZOnDemandBody } from '../../../../../lib/api/schemas.ts';
import { serializeAppointment } from '../../../../../lib/api/serialize.ts';

export const POST = apiRoute(async ({ caller, body }) => {
  const input = parseOrThrow(ZOnDemandBody, body, 'on-demand request');
  return { status: 201, body: serializeAppointment(await bookOnDemand(caller.tenantId, input.token_id)) };
});
