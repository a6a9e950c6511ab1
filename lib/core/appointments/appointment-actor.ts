/**
 * Who is acting on an appointment. Authorization is enforced in the core's own queries: a patient
 * sees only appointments of their token, a clinician only those of their resource.
 */
import { AppError } from '../../errors/app-error.ts';
import type { AppointmentStatusName } from './appointment-status.ts';

export type AppointmentActor =
  | { kind: 'patient'; tokenId: string }
  | { kind: 'clinician'; resourceId: string }
  /** A tenant API key or the tenant's own admin: any appointment of the tenant. */
  | { kind: 'tenant' };

/** The where-clause fragment restricting rows to what `actor` may see. */
export function actorScope(actor: AppointmentActor): { tokenId?: string; resourceId?: string } {
  if (actor.kind === 'patient') {
    return { tokenId: actor.tokenId };
  }
  if (actor.kind === 'clinician') {
    return { resourceId: actor.resourceId };
  }
  return {};
}

/** Patients may only cancel or reschedule; confirming and closing visits is the clinician's job. */
export function assertActorMayAct(actor: AppointmentActor, action: AppointmentStatusName | 'reschedule'): void {
  if (actor.kind === 'patient' && action !== 'cancelled' && action !== 'reschedule') {
    throw new AppError('FORBIDDEN', 'Patients can only cancel or reschedule their visits');
  }
}

/** Patients must act at least `cutoffMinutes` before the visit starts. */
export function assertBeforePatientCutoff(actor: AppointmentActor, startsAt: Date, cutoffMinutes: number, now: Date): void {
  if (actor.kind !== 'patient') {
    return;
  }
  if (startsAt.getTime() - now.getTime() < cutoffMinutes * 60_000) {
    throw new AppError('UNPROCESSABLE', `Visits can only be changed online up to ${cutoffMinutes} minutes before they start`, { reason: 'cutoff_passed' });
  }
}
