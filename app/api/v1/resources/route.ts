/** GET /api/v1/resources — list; POST /api/v1/resources — create. */
import { createResource } from '../../../../lib/core/resources/create-resource.ts';
import { listResources } from '../../../../lib/core/resources/list-resources.ts';
import { apiRoute } from '../../../../lib/api/api-route.ts';
import { parseOrThrow } from '../../../../lib/api/problem.ts';
import { ZCreateResourceBody } from '../../../../lib/api/schemas.ts';
import { resourceFieldsFromApi, serializeResource } from '../../../../lib/api/serialize.ts';

export const GET = apiRoute(async ({ caller }) => {
  const resources = await listResources(caller.tenantId);
  return { status: 200, body: { data: resources.map(serializeResource) } };
});

export const POST = apiRoute(async ({ caller, body }) => {
  const input = parseOrThrow(ZCreateResourceBody, body, 'resource');
  const resource = await createResource(caller.tenantId, resourceFieldsFromApi(input));
  return { status: 201, body: serializeResource(resource) };
});
