/** POST — send a synthetic `webhook.test` event to this endpoint through the normal pipeline. */
import { apiRoute } from '../../../../../../lib/api/api-route.ts';
import { sendTestEvent } from '../../../../../../lib/webhooks/endpoints/send-test-event.ts';

export const POST = apiRoute<{ id: string }>(async ({ caller, params }) => {
  return { status: 202, body: await sendTestEvent(caller.tenantId, params.id) };
});
