/** Reads one resource of a tenant. */
import type { CoreTx } from '../../db/tenant-scope.ts';
import { withCoreTenant } from '../../db/tenant-scope.ts';
import { AppError } from '../../errors/app-error.ts';
import { RESOURCE_SELECT, type ResourceView } from './resource-schemas.ts';

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Loads a resource inside `tx`; NOT_FOUND when absent (or not a uuid). */
export async function findResourceOrThrow(tx: CoreTx, tenantId: string, resourceId: string): Promise<ResourceView> {
  if (!UUID_RE.test(resourceId)) {
    throw new AppError('NOT_FOUND', 'Resource not found');
  }
  const resource = await tx.resource.findFirst({ where: { id: resourceId, tenantId }, select: RESOURCE_SELECT });
  if (!resource) {
    throw new AppError('NOT_FOUND', 'Resource not found');
  }
  return resource;
}

/** Reads one resource of the tenant; NOT_FOUND when it does not exist there. */
export async function getResource(tenantId: string, resourceId: string): Promise<ResourceView> {
  return withCoreTenant(tenantId, (tx) => findResourceOrThrow(tx, tenantId, resourceId));
}
