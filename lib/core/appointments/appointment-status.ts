/**
 * The appointment lifecycle: pending → confirmed → completed | no_show; pending/confirmed →
 * cancelled. Everything else is an illegal transition and changes nothing.
 */
import { AppError } from '../../errors/app-error.ts';
import type { EventType } from '../events/event-types.ts';

export const APPOINTMENT_STATUSES = ['pending', 'confirmed', 'cancelled', 'completed', 'no_show'] as const;
export type AppointmentStatusName = (typeof APPOINTMENT_STATUSES)[number];
/** Statuses that hold the slot (the exclusion constraint's WHERE clause). */
export const ACTIVE_STATUSES = ['pending', 'confirmed'] as const satisfies readonly AppointmentStatusName[];

/** Target status → the statuses it may be reached from. */
export const ALLOWED_FROM: Record<AppointmentStatusName, readonly AppointmentStatusName[]> = {
  pending: [],
  confirmed: ['pending'],
  cancelled: ['pending', 'confirmed'],
  completed: ['confirmed'],
  no_show: ['confirmed'],
};

/** The event written when an appointment enters `status`. */
export const STATUS_EVENT: Record<Exclude<AppointmentStatusName, 'pending'>, EventType> = {
  confirmed: 'appointment.status.confirmed',
  cancelled: 'appointment.status.cancelled',
  completed: 'appointment.status.completed',
  no_show: 'appointment.status.no_show',
};

/** Whether `from → to` is a legal transition. */
export function isTransitionAllowed(from: AppointmentStatusName, to: AppointmentStatusName): boolean {
  return ALLOWED_FROM[to].includes(from);
}

/** Throws CONFLICT (reason illegal_transition) unless `from → to` is legal. */
export function assertTransitionAllowed(from: AppointmentStatusName, to: AppointmentStatusName): void {
  if (!isTransitionAllowed(from, to)) {
    throw new AppError('CONFLICT', `Cannot change an appointment from ${from} to ${to}`, { reason: 'illegal_transition', from, to });
  }
}
