/** GET /api/v1/resources/{id}; PATCH /api/v1/resources/{id} (label, zone, visit length, buffer, on_call, active). */
import { getResource } from '../../../../../lib/core/resources/get-resource.ts';
import { updateResource } from '../../../../../lib/core/resources/update-resource.ts';
import { apiRoute } from '../../../../../lib/api/api-route.ts';
import { parseOrThrow } from '../../../../../lib/api/problem.ts';
import { ZUpdateResourceBody } from '../../../../../lib/api/schemas.ts';
import { resourceFieldsFromApi, serializeResource } from '../../../../../lib/api/serialize.ts';

export const GET = apiRoute<{ id: string }>(async ({ caller, params }) => {
  return { status: 200, body: serializeResource(await getResource(caller.tenantId, params.id)) };
});

export const PATCH = apiRoute<{ id: string }>(async ({ caller, params, body }) => {
  const input = parseOrThrow(ZUpdateResourceBody, body, 'resource update');
  const resource = await updateResource(caller.tenantId, params.id, resourceFieldsFromApi(input));
  return { status: 200, body: serializeResource(resource) };
});
