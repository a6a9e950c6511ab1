/** GET /api/v1/webhook-endpoints — list; POST — register (the `whsec_` secret is returned once). */
import { apiRoute } from '../../../../lib/api/api-route.ts';
import { parseOrThrow } from '../../../../lib/api/problem.ts';
import { ZCreateEndpoint } from '../../../../lib/webhooks/endpoints/endpoint-schemas.ts';
import { createEndpoint, listEndpoints } from '../../../../lib/webhooks/endpoints/manage-endpoints.ts';

export const GET = apiRoute(async ({ caller }) => {
  return { status: 200, body: { data: await listEndpoints(caller.tenantId) } };
});

export const POST = apiRoute(async ({ caller, body }) => {
  const input = parseOrThrow(ZCreateEndpoint, body, 'body');
  const { endpoint, secret } = await createEndpoint(caller.tenantId, input);
  return { status: 201, body: { ...endpoint, secret } };
});
