/** Lists a tenant's bookable resources. */
import { withCoreTenant } from '../../db/tenant-scope.ts';
import { RESOURCE_SELECT, type ResourceView } from './resource-schemas.ts';

/** Resources of the tenant ordered by label; `activeOnly` hides retired schedules. */
export async function listResources(tenantId: string, opts: { activeOnly?: boolean } = {}): Promise<ResourceView[]> {
  return withCoreTenant(tenantId, (tx) =>
    tx.resource.findMany({
      where: { tenantId, ...(opts.activeOnly ? { active: true } : {}) },
      select: RESOURCE_SELECT,
      orderBy: [{ label: 'asc' }, { id: 'asc' }],
    }),
  );
}
