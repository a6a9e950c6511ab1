/**
 * Dispatches POST /appointments/{id}/{action} to the matching core use-case.
 */
import { cancelAppointment } from '../core/appointments/cancel-appointment.ts';
import { completeAppointment } from '../core/appointments/complete-appointment.ts';
import { confirmAppointment } from '../core/appointments/confirm-appointment.ts';
import { markNoShow } from '../core/appointments/mark-no-show.ts';
import { rescheduleAppointment } from '../core/appointments/reschedule-appointment.ts';
import type { AppointmentView } from '../core/appointments/appointment-view.ts';
import { AppError } from '../errors/app-error.ts';
import { parseOrThrow } from './problem.ts';
import { ZEmptyBody, ZRescheduleBody } from './schemas.ts';

export const APPOINTMENT_ACTIONS = ['confirm', 'cancel', 'complete', 'no-show', 'reschedule'] as const;
type StatusAction = Exclude<(typeof APPOINTMENT_ACTIONS)[number], 'reschedule'>;

const STATUS_ACTIONS: Record<StatusAction, (tenantId: string, id: string) => Promise<AppointmentView>> = {
  confirm: confirmAppointment,
  cancel: cancelAppointment,
  complete: completeAppointment,
  'no-show': markNoShow,
};

/** Runs `action` on appointment `id` as the tenant (API key); NOT_FOUND for unknown actions. */
export async function runAppointmentAction(tenantId: string, id: string, action: string, body: unknown): Promise<AppointmentView> {
  if (action === 'reschedule') {
    const input = parseOrThrow(ZRescheduleBody, body, 'reschedule request');
    return rescheduleAppointment(tenantId, id, new Date(input.starts_at));
  }
  const run = Object.hasOwn(STATUS_ACTIONS, action) ? STATUS_ACTIONS[action as StatusAction] : undefined;
  if (!run) {
    throw new AppError('NOT_FOUND', `Unknown appointment action "${action}"`);
  }
  parseOrThrow(ZEmptyBody, body, 'request body');
  return run(tenantId, id);
}
