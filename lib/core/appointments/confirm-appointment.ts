/** Confirms a pending appointment (clinician or tenant). */
import { changeAppointmentStatus, type ChangeStatusOptions } from './change-appointment-status.ts';
import type { AppointmentView } from './appointment-view.ts';

/** pending → confirmed; writes appointment.status.confirmed. */
export function confirmAppointment(tenantId: string, id: string, opts: ChangeStatusOptions = {}): Promise<AppointmentView> {
  return changeAppointmentStatus(tenantId, id, 'confirmed', opts);
}
