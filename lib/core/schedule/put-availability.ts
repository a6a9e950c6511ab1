/** Replaces a resource's weekly hours and date exceptions in one transaction. */
import { withCoreTenant } from '../../db/tenant-scope.ts';
import { findResourceOrThrow } from '../resources/get-resource.ts';
import { ZAvailability, type AvailabilityView, type TAvailability } from './availability-schemas.ts';
import { getAvailability } from './get-availability.ts';

/**
 * Replaces all rules and exceptions of the resource with `input` (validated with ZAvailability).
 * Booked appointments are untouched: changing hours never cancels a visit.
 */
export async function putAvailability(tenantId: string, resourceId: string, input: TAvailability): Promise<AvailabilityView> {
  const { rules, exceptions } = ZAvailability.parse(input);
  await withCoreTenant(tenantId, async (tx) => {
    await findResourceOrThrow(tx, tenantId, resourceId);
    await tx.availabilityRule.deleteMany({ where: { tenantId, resourceId } });
    await tx.availabilityException.deleteMany({ where: { tenantId, resourceId } });
    if (rules.length > 0) {
      await tx.availabilityRule.createMany({ data: rules.map((r) => ({ tenantId, resourceId, ...r })) });
    }
    if (exceptions.length > 0) {
      await tx.availabilityException.createMany({
        data: exceptions.map((e) => ({ tenantId, resourceId, date: new Date(`${e.date}T00:00:00Z`), kind: e.kind, startMinute: e.startMinute, endMinute: e.endMinute })),
      });
    }
  });
  return getAvailability(tenantId, resourceId);
}
