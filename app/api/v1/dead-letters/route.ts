/** GET /api/v1/dead-letters?endpoint_id=&cursor=&limit= — the dead-letter inbox. */
import { apiRoute, queryObject } from '../../../../lib/api/api-route.ts';
import { parseOrThrow } from '../../../../lib/api/problem.ts';
import { listDeliveries, ZDeliveryQuery } from '../../../../lib/webhooks/health/list-deliveries.ts';

export const GET = apiRoute(async ({ caller, url }) => {
  const raw = queryObject(url);
  const q = parseOrThrow(ZDeliveryQuery, { endpointId: raw.endpoint_id, status: 'dead', cursor: raw.cursor, limit: raw.limit }, 'query');
  const page = await listDeliveries(caller.tenantId, q);
  return { status: 200, body: { data: page.items, next_cursor: page.nextCursor } };
});
