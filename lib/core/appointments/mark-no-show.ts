/** Marks a confirmed appointment as a no-show (not before it starts). */
import { changeAppointmentStatus, type ChangeStatusOptions } from './change-appointment-status.ts';
import type { AppointmentView } from './appointment-view.ts';

/** confirmed → no_show; writes appointment.status.no_show. */
export function markNoShow(tenantId: string, id: string, opts: ChangeStatusOptions = {}): Promise<AppointmentView> {
  return changeAppointmentStatus(tenantId, id, 'no_show', opts);
}
