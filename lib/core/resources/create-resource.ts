/** Creates a bookable resource. */
import { withCoreTenant } from '../../db/tenant-scope.ts';
import { RESOURCE_SELECT, ZCreateResource, type ResourceView, type TCreateResource } from './resource-schemas.ts';

/** Creates a resource (validated with ZCreateResource) and returns it. */
export async function createResource(tenantId: string, input: TCreateResource): Promise<ResourceView> {
  const data = ZCreateResource.parse(input);
  return withCoreTenant(tenantId, (tx) => tx.resource.create({ data: { tenantId, ...data }, select: RESOURCE_SELECT }));
}
