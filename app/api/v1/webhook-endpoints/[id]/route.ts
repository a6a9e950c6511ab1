/** GET / PATCH (url, description, eventTypes, enabled) / DELETE one webhook endpoint. */
import { apiRoute } from '../../../../../lib/api/api-route.ts';
import { parseOrThrow } from '../../../../../lib/api/problem.ts';
import { ZUpdateEndpoint } from '../../../../../lib/webhooks/endpoints/endpoint-schemas.ts';
import { deleteEndpoint, getEndpoint, updateEndpoint } from '../../../../../lib/webhooks/endpoints/manage-endpoints.ts';

export const GET = apiRoute<{ id: string }>(async ({ caller, params }) => {
  return { status: 200, body: await getEndpoint(caller.tenantId, params.id) };
});

export const PATCH = apiRoute<{ id: string }>(async ({ caller, params, body }) => {
  return { status: 200, body: await updateEndpoint(caller.tenantId, params.id, parseOrThrow(ZUpdateEndpoint, body, 'body')) };
});

export const DELETE = apiRoute<{ id: string }>(async ({ caller, params }) => {
  await deleteEndpoint(caller.tenantId, params.id);
  return { status: 204, body: null };
});
