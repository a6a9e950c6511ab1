/** Read-modify-write of a resource's availability, serialised per resource. */
import { withCoreTenant } from '../../db/tenant-scope.ts';
import { findResourceOrThrow } from '../resources/get-resource.ts';
import { ZAvailability, type AvailabilityView, type TAvailability } from './availability-schemas.ts';
import { getAvailability, readAvailability } from './get-availability.ts';

/**
 * Replaces the resource's rules and exceptions with `change(current)` (validated with
 * ZAvailability; a ZodError leaves everything as it was). The resource row is locked first, so
 * concurrent saves of one schedule run one after another: without the lock two replacements
 * interleave their delete and insert and leave both rule sets behind (found by the server-action
 * fuzz), and two "add an exception" edits would lose one of them.
 */
export async function updateAvailability(tenantId: string, resourceId: string, change: (current: AvailabilityView) => TAvailability): Promise<AvailabilityView> {
  await withCoreTenant(tenantId, async (tx) => {
    await findResourceOrThrow(tx, tenantId, resourceId);
    await tx.$queryRaw`SELECT id FROM resources WHERE id = ${resourceId}::uuid AND tenant_id = ${tenantId}::uuid FOR UPDATE`;
    const { rules, exceptions } = ZAvailability.parse(change(await readAvailability(tx, tenantId, resourceId)));
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
