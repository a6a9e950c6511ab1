/**
 * Moves an active appointment to another free slot of the same resource, keeping its id.
 */
import { withCoreTenant } from '../../db/tenant-scope.ts';
import { AppError } from '../../errors/app-error.ts';
import { isOverlapViolation } from '../db-errors.ts';
import { recordAppointmentEvent } from '../events/record-event.ts';
import { assertBookableSlot, slotTakenError } from '../schedule/assert-bookable-slot.ts';
import { getTenantSettings } from '../tenants/get-tenant-settings.ts';
import { assertActorMayAct, assertBeforePatientCutoff } from './appointment-actor.ts';
import { ACTIVE_STATUSES } from './appointment-status.ts';
import { APPOINTMENT_SELECT, type AppointmentView } from './appointment-view.ts';
import { findAppointmentForActor, type ChangeStatusOptions } from './change-appointment-status.ts';

/**
 * Moves appointment `id` to the slot starting at `startsAt` (same resource; status unchanged) and
 * writes appointment.rescheduled. Only pending/confirmed visits move (else CONFLICT
 * illegal_transition); the new start must be a free slot (the exclusion constraint re-checks
 * overlap); patients must act before the tenant's cut-off measured from the current start.
 */
export async function rescheduleAppointment(tenantId: string, id: string, startsAt: Date, opts: ChangeStatusOptions = {}): Promise<AppointmentView> {
  if (Number.isNaN(startsAt.getTime())) {
    throw new AppError('BAD_REQUEST', 'starts_at must be a valid date-time');
  }
  const actor = opts.actor ?? { kind: 'tenant' };
  const now = opts.now ?? new Date();
  return withCoreTenant(tenantId, async (tx) => {
    const current = await findAppointmentForActor(tx, tenantId, id, actor);
    assertActorMayAct(actor, 'reschedule');
    if (!(ACTIVE_STATUSES as readonly string[]).includes(current.status)) {
      throw new AppError('CONFLICT', `Cannot reschedule a ${current.status} appointment`, { reason: 'illegal_transition', from: current.status, to: 'rescheduled' });
    }
    const settings = await getTenantSettings(tx, tenantId);
    assertBeforePatientCutoff(actor, current.startsAt, settings.cancelCutoffMinutes, now);
    const { slot } = await assertBookableSlot(tx, tenantId, current.resourceId, startsAt, { now, excludeAppointmentId: id });
    let count: number;
    try {
      ({ count } = await tx.appointment.updateMany({
        where: { id, tenantId, version: current.version, status: current.status },
        data: { startsAt: slot.startsAt, endsAt: slot.endsAt, version: { increment: 1 } },
      }));
    } catch (error) {
      throw isOverlapViolation(error) ? slotTakenError() : error;
    }
    if (count !== 1) {
      throw new AppError('CONFLICT', 'The appointment was changed by someone else; reload and try again', { reason: 'concurrent_change' });
    }
    const after = await tx.appointment.findUniqueOrThrow({ where: { id }, select: APPOINTMENT_SELECT });
    await recordAppointmentEvent(tx, after, 'appointment.rescheduled', now);
    return after;
  });
}
