/** Reads a resource's weekly hours and date exceptions. */
import { withCoreTenant, type CoreTx } from '../../db/tenant-scope.ts';
import { findResourceOrThrow } from '../resources/get-resource.ts';
import type { AvailabilityView } from './availability-schemas.ts';

/** Weekly rules (by weekday, start) and all exceptions (by date) of the resource. */
export async function getAvailability(tenantId: string, resourceId: string): Promise<AvailabilityView> {
  return withCoreTenant(tenantId, async (tx) => {
    await findResourceOrThrow(tx, tenantId, resourceId);
    return readAvailability(tx, tenantId, resourceId);
  });
}

/** The availability inside `tx` (the caller has checked the resource exists). */
export async function readAvailability(tx: CoreTx, tenantId: string, resourceId: string): Promise<AvailabilityView> {
  const [rules, exceptions] = await Promise.all([
    tx.availabilityRule.findMany({
      where: { tenantId, resourceId },
      select: { weekday: true, startMinute: true, endMinute: true },
      orderBy: [{ weekday: 'asc' }, { startMinute: 'asc' }],
    }),
    tx.availabilityException.findMany({
      where: { tenantId, resourceId },
      select: { date: true, kind: true, startMinute: true, endMinute: true },
      orderBy: [{ date: 'asc' }, { startMinute: 'asc' }],
    }),
  ]);
  return {
    resourceId,
    rules,
    exceptions: exceptions.map((e) => ({
      date: e.date.toISOString().slice(0, 10),
      kind: e.kind === 'extra' ? ('extra' as const) : ('off' as const),
      startMinute: e.startMinute,
      endMinute: e.endMinute,
    })),
  };
}
