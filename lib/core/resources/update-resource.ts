/** Updates a resource's settings (label, zone, visit length, buffer, on-call, active). */
import { withCoreTenant } from '../../db/tenant-scope.ts';
import { findResourceOrThrow } from './get-resource.ts';
import { RESOURCE_SELECT, ZUpdateResource, type ResourceView, type TUpdateResource } from './resource-schemas.ts';

/**
 * Applies a partial update. Existing appointments keep their times: a new visit length only
 * shapes future slots.
 */
export async function updateResource(tenantId: string, resourceId: string, patch: TUpdateResource): Promise<ResourceView> {
  const data = ZUpdateResource.parse(patch);
  return withCoreTenant(tenantId, async (tx) => {
    await findResourceOrThrow(tx, tenantId, resourceId);
    return tx.resource.update({ where: { id: resourceId }, data, select: RESOURCE_SELECT });
  });
}
