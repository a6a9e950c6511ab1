/** POST — new signing secret (shown once); the old one keeps signing for WEBHOOK_SECRET_OVERLAP_HOURS. */
import { apiRoute } from '../../../../../../lib/api/api-route.ts';
import { rotateEndpointSecret } from '../../../../../../lib/webhooks/endpoints/manage-endpoints.ts';

export const POST = apiRoute<{ id: string }>(async ({ caller, params }) => {
  return { status: 200, body: await rotateEndpointSecret(caller.tenantId, params.id) };
});
