/** Replaces a resource's weekly hours and date exceptions in one transaction. */
import { ZAvailability, type AvailabilityView, type TAvailability } from './availability-schemas.ts';
import { updateAvailability } from './update-availability.ts';

/**
 * Replaces all rules and exceptions of the resource with `input` (validated with ZAvailability).
 * Booked appointments are untouched: changing hours never cancels a visit.
 */
export async function putAvailability(tenantId: string, resourceId: string, input: TAvailability): Promise<AvailabilityView> {
  // Validated before the transaction too, so a bad body never takes the resource's lock.
  const next = ZAvailability.parse(input);
  return updateAvailability(tenantId, resourceId, () => next);
}
