/**
 * The scheduling settings a tenant chooses (auto-confirm, patient cancel/reschedule cut-off).
 */
import { withCoreTenant, type CoreTx } from '../../db/tenant-scope.ts';
import { AppError } from '../../errors/app-error.ts';

export interface TenantSettings {
  id: string;
  autoConfirm: boolean;
  cancelCutoffMinutes: number;
}

/** Reads the tenant's settings inside `tx` (the registry is readable by every session). */
export async function getTenantSettings(tx: CoreTx, tenantId: string): Promise<TenantSettings> {
  const tenant = await tx.tenant.findUnique({
    where: { id: tenantId },
    select: { id: true, autoConfirm: true, cancelCutoffMinutes: true },
  });
  if (!tenant) {
    throw new AppError('NOT_FOUND', 'Tenant not found');
  }
  return tenant;
}

/** Transaction-owning form of {@link getTenantSettings}, for pages. */
export async function readTenantSettings(tenantId: string): Promise<TenantSettings> {
  return withCoreTenant(tenantId, (tx) => getTenantSettings(tx, tenantId));
}
