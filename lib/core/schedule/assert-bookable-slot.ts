/**
 * Re-checks at write time that a requested start is one of the resource's free slots.
 */
import type { CoreTx } from '../../db/tenant-scope.ts';
import { AppError } from '../../errors/app-error.ts';
import { computeSlots, isSlotBlockedByBusy, type Slot } from '../availability/index.ts';
import type { ResourceView } from '../resources/resource-schemas.ts';
import { loadBusy, loadSchedule } from './load-schedule.ts';

/**
 * How far ahead a visit can be booked. Clinics plan months, not decades ahead; the bound also
 * keeps far-future starts (year 9999 + a visit length overflows PostgreSQL's date range) from
 * reaching the schedule queries.
 */
export const BOOKING_HORIZON_DAYS = 730;

/**
 * Returns the slot starting at `startsAt` when it lies on the resource's grid, in the future, and
 * free of other active visits (buffer included). Throws NOT_FOUND for an unknown resource,
 * UNPROCESSABLE (reason not_a_slot) off the grid or in the past, (reason beyond_horizon) past
 * the booking horizon, and CONFLICT (reason slot_taken)
 * when taken. The database's exclusion constraint remains the final guard against races.
 */
export async function assertBookableSlot(
  tx: CoreTx,
  tenantId: string,
  resourceId: string,
  startsAt: Date,
  opts: { now: Date; excludeAppointmentId?: string },
): Promise<{ resource: ResourceView; slot: Slot }> {
  if (startsAt.getTime() > opts.now.getTime() + BOOKING_HORIZON_DAYS * 86_400_000) {
    throw new AppError('UNPROCESSABLE', `Visits can be booked up to ${BOOKING_HORIZON_DAYS / 365} years ahead`, { reason: 'beyond_horizon' });
  }
  const probeEnd = new Date(startsAt.getTime() + 480 * 60_000);
  const schedule = await loadSchedule(tx, tenantId, resourceId, startsAt, probeEnd);
  const { resource } = schedule;
  if (!resource.active) {
    throw new AppError('UNPROCESSABLE', 'This clinician is not taking bookings', { reason: 'resource_inactive' });
  }
  const slotEnd = new Date(startsAt.getTime() + resource.visitMinutes * 60_000);
  const onGrid = computeSlots({ ...schedule, busy: [], from: startsAt, to: slotEnd, now: opts.now });
  const slot = onGrid.find((s) => s.startsAt.getTime() === startsAt.getTime());
  if (!slot) {
    throw new AppError('UNPROCESSABLE', 'The requested time is not a bookable slot', { reason: 'not_a_slot' });
  }
  const busy = await loadBusy(tx, tenantId, resource.id, slot.startsAt, slot.endsAt, resource.bufferMinutes, opts.excludeAppointmentId);
  if (isSlotBlockedByBusy(slot, busy, resource.bufferMinutes)) {
    throw slotTakenError();
  }
  return { resource, slot };
}

/** The error every path reports when a slot is already taken (pre-check or exclusion constraint). */
export function slotTakenError(): AppError {
  return new AppError('CONFLICT', 'This slot has just been taken; please choose another', { reason: 'slot_taken' });
}
