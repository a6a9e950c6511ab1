/** POST /api/v1/deliveries/{id}/replay — re-send a settled delivery (same idempotency key). */
import { apiRoute } from '../../../../../../lib/api/api-route.ts';
import { replayDelivery } from '../../../../../../lib/webhooks/replay/replay-deliveries.ts';

export const POST = apiRoute<{ id: string }>(async ({ caller, params }) => {
  await replayDelivery(caller.tenantId, params.id);
  return { status: 202, body: { replayed: 1 } };
});
