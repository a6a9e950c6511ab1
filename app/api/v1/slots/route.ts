/** GET /api/v1/slots?resource_id&from&to&tz — free slots, labelled in the viewer's zone. */
import { listSlots } from '../../../../lib/core/schedule/list-slots.ts';
import { apiRoute, queryObject } from '../../../../lib/api/api-route.ts';
import { parseOrThrow } from '../../../../lib/api/problem.ts';
import { ZSlotsQuery } from '../../../../lib/api/schemas.ts';
import { serializeSlotList } from '../../../../lib/api/serialize.ts';

export const GET = apiRoute(async ({ caller, url }) => {
  const q = parseOrThrow(ZSlotsQuery, queryObject(url), 'slot query');
  const slots = await listSlots(caller.tenantId, { resourceId: q.resource_id, from: q.from, to: q.to, tz: q.tz });
  return { status: 200, body: serializeSlotList(slots) };
});
