/**
 * Books a patient (by token) into a free slot of a resource.
 */
import { z } from 'zod';
import type { CoreTx } from '../../db/tenant-scope.ts';
import { withCoreTenant } from '../../db/tenant-scope.ts';
import { AppError } from '../../errors/app-error.ts';
import { isOverlapViolation } from '../db-errors.ts';
import { recordAppointmentEvent } from '../events/record-event.ts';
import { ZTokenId } from '../ids.ts';
import { assertBookableSlot, slotTakenError } from '../schedule/assert-bookable-slot.ts';
import { getTenantSettings } from '../tenants/get-tenant-settings.ts';
import { APPOINTMENT_SELECT, type AppointmentView } from './appointment-view.ts';

export const ZBookAppointment = z.object({
  resourceId: z.uuid(),
  tokenId: ZTokenId,
  startsAt: z.coerce.date(),
});
export type TBookAppointment = z.infer<typeof ZBookAppointment>;

/**
 * Inserts an active appointment and its `appointment.created` event in `tx`; when the tenant
 * auto-confirms, moves it to confirmed and writes `appointment.status.confirmed` too.
 * An overlap surfaces as CONFLICT (slot_taken).
 */
export async function insertAppointment(
  tx: CoreTx,
  data: { tenantId: string; resourceId: string; tokenId: string; startsAt: Date; endsAt: Date; kind: 'scheduled' | 'on_demand'; confirm: boolean },
): Promise<AppointmentView> {
  const { confirm, ...row } = data;
  let created: AppointmentView;
  try {
    created = await tx.appointment.create({ data: { ...row, status: 'pending' }, select: APPOINTMENT_SELECT });
  } catch (error) {
    throw isOverlapViolation(error) ? slotTakenError() : error;
  }
  await recordAppointmentEvent(tx, created, 'appointment.created');
  if (!confirm) {
    return created;
  }
  const confirmed = await tx.appointment.update({
    where: { id: created.id },
    data: { status: 'confirmed', version: { increment: 1 } },
    select: APPOINTMENT_SELECT,
  });
  await recordAppointmentEvent(tx, confirmed, 'appointment.status.confirmed');
  return confirmed;
}

/**
 * Books `tokenId` into the slot of `resourceId` starting at `startsAt`. The slot must be on the
 * resource's grid, in the future and free. Status: confirmed when the tenant auto-confirms, else
 * pending. Concurrent attempts on one slot end in exactly one success; the rest get CONFLICT.
 */
export async function bookAppointment(tenantId: string, input: TBookAppointment, opts: { now?: Date } = {}): Promise<AppointmentView> {
  const parsed = ZBookAppointment.safeParse(input);
  if (!parsed.success) {
    throw new AppError('BAD_REQUEST', 'Invalid booking request', { issues: parsed.error.issues });
  }
  const { resourceId, tokenId, startsAt } = parsed.data;
  const now = opts.now ?? new Date();
  return withCoreTenant(tenantId, async (tx) => {
    const settings = await getTenantSettings(tx, tenantId);
    const { slot } = await assertBookableSlot(tx, tenantId, resourceId, startsAt, { now });
    return insertAppointment(tx, { tenantId, resourceId, tokenId, startsAt: slot.startsAt, endsAt: slot.endsAt, kind: 'scheduled', confirm: settings.autoConfirm });
  });
}
