/** GET /api/v1/deliveries/{id} — one delivery with every attempt. */
import { apiRoute } from '../../../../../lib/api/api-route.ts';
import { getDeliveryDetail } from '../../../../../lib/webhooks/health/list-deliveries.ts';

export const GET = apiRoute<{ id: string }>(async ({ caller, params }) => {
  return { status: 200, body: await getDeliveryDetail(caller.tenantId, params.id) };
});
