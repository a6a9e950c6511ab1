/** POST — replay every dead letter of this endpoint (same idempotency keys). */
import { apiRoute } from '../../../../../../lib/api/api-route.ts';
import { replayEndpointDeadLetters } from '../../../../../../lib/webhooks/replay/replay-deliveries.ts';

export const POST = apiRoute<{ id: string }>(async ({ caller, params }) => {
  return { status: 202, body: { replayed: await replayEndpointDeadLetters(caller.tenantId, params.id) } };
});
