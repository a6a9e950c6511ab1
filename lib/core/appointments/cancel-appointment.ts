/** Cancels a pending or confirmed appointment (patients only before the tenant's cut-off). */
import { changeAppointmentStatus, type ChangeStatusOptions } from './change-appointment-status.ts';
import type { AppointmentView } from './appointment-view.ts';

/** pending|confirmed → cancelled; frees the slot and writes appointment.status.cancelled. */
export function cancelAppointment(tenantId: string, id: string, opts: ChangeStatusOptions = {}): Promise<AppointmentView> {
  return changeAppointmentStatus(tenantId, id, 'cancelled', opts);
}
