/** Marks a confirmed appointment completed (not before it starts). */
import { changeAppointmentStatus, type ChangeStatusOptions } from './change-appointment-status.ts';
import type { AppointmentView } from './appointment-view.ts';

/** confirmed → completed; writes appointment.status.completed. */
export function completeAppointment(tenantId: string, id: string, opts: ChangeStatusOptions = {}): Promise<AppointmentView> {
  return changeAppointmentStatus(tenantId, id, 'completed', opts);
}
