/** Core schedules not yet linked to a clinician account (choices for a clinician invite). */
import { withCoreTenant, withIdentityTenant } from '../../db/tenant-scope.ts';
import { AppError } from '../../errors/app-error.ts';
import type { SessionContext } from '../session.ts';

/** Active resources of the admin's tenant that no user links to. */
export async function listUnlinkedResources(ctx: SessionContext): Promise<Array<{ id: string; label: string }>> {
  if (ctx.role !== 'admin') {
    throw new AppError('FORBIDDEN', 'Only admins can manage users.');
  }
  const linked = await withIdentityTenant(ctx.tenantId, (tx) =>
    tx.user.findMany({ where: { tenantId: ctx.tenantId, resourceId: { not: null } }, select: { resourceId: true } }),
  );
  const taken = new Set(linked.map((u) => u.resourceId));
  const resources = await withCoreTenant(ctx.tenantId, (tx) =>
    tx.resource.findMany({ where: { tenantId: ctx.tenantId, active: true }, orderBy: { label: 'asc' }, select: { id: true, label: true } }),
  );
  return resources.filter((r) => !taken.has(r.id));
}
