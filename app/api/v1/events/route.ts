/** GET /api/v1/events — the event log, oldest first, with a cursor. */
import { listEvents } from '../../../../lib/core/events/list-events.ts';
import { apiRoute, queryObject } from '../../../../lib/api/api-route.ts';
import { parseOrThrow } from '../../../../lib/api/problem.ts';
import { ZEventsQuery } from '../../../../lib/api/schemas.ts';
import { serializeEvent } from '../../../../lib/api/serialize.ts';

export const GET = apiRoute(async ({ caller, url }) => {
  const q = parseOrThrow(ZEventsQuery, queryObject(url), 'query');
  const page = await listEvents(caller.tenantId, { type: q.type, appointmentId: q.appointment_id, cursor: q.cursor, limit: q.limit });
  return { status: 200, body: { data: page.items.map(serializeEvent), next_cursor: page.nextCursor } };
});
