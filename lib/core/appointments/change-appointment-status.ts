/**
 * The one place an appointment's status changes: legal-transition check, actor rules, an
 * optimistic version check, and the status event — all in one transaction.
 */
import type { CoreTx } from '../../db/tenant-scope.ts';
import { withCoreTenant } from '../../db/tenant-scope.ts';
import { AppError } from '../../errors/app-error.ts';
import { recordAppointmentEvent } from '../events/record-event.ts';
import { getTenantSettings } from '../tenants/get-tenant-settings.ts';
import { actorScope, assertActorMayAct, assertBeforePatientCutoff, type AppointmentActor } from './appointment-actor.ts';
import { assertTransitionAllowed, STATUS_EVENT, type AppointmentStatusName } from './appointment-status.ts';
import { APPOINTMENT_SELECT, UUID_RE, type AppointmentView } from './appointment-view.ts';

export type TargetStatus = Exclude<AppointmentStatusName, 'pending'>;

export interface ChangeStatusOptions {
  actor?: AppointmentActor;
  now?: Date;
}

/** Loads an appointment the actor may see, or NOT_FOUND (another patient's visit is "not found"). */
export async function findAppointmentForActor(tx: CoreTx, tenantId: string, id: string, actor: AppointmentActor): Promise<AppointmentView> {
  if (!UUID_RE.test(id)) {
    throw new AppError('NOT_FOUND', 'Appointment not found');
  }
  const row = await tx.appointment.findFirst({ where: { id, tenantId, ...actorScope(actor) }, select: APPOINTMENT_SELECT });
  if (!row) {
    throw new AppError('NOT_FOUND', 'Appointment not found');
  }
  return row;
}

/**
 * Moves the appointment to `target` inside `tx` and writes its status event there. Throws
 * NOT_FOUND, FORBIDDEN (patient confirming/closing), CONFLICT (illegal transition or a concurrent
 * change) or UNPROCESSABLE (patient past the cut-off; completing/no-show before the visit starts).
 */
export async function changeAppointmentStatusInTx(
  tx: CoreTx,
  tenantId: string,
  id: string,
  target: TargetStatus,
  opts: ChangeStatusOptions = {},
): Promise<AppointmentView> {
  const actor = opts.actor ?? { kind: 'tenant' };
  const now = opts.now ?? new Date();
  const current = await findAppointmentForActor(tx, tenantId, id, actor);
  assertActorMayAct(actor, target);
  assertTransitionAllowed(current.status, target);
  if ((target === 'completed' || target === 'no_show') && now < current.startsAt) {
    throw new AppError('UNPROCESSABLE', `A visit cannot be marked ${target === 'completed' ? 'completed' : 'no-show'} before it starts`, { reason: 'not_started' });
  }
  if (target === 'cancelled') {
    const settings = await getTenantSettings(tx, tenantId);
    assertBeforePatientCutoff(actor, current.startsAt, settings.cancelCutoffMinutes, now);
  }
  // Conditional on the version we read: a concurrent change makes this match nothing.
  const updated = await tx.appointment.updateMany({
    where: { id, tenantId, status: current.status, version: current.version },
    data: { status: target, version: { increment: 1 } },
  });
  if (updated.count !== 1) {
    throw new AppError('CONFLICT', 'The appointment was changed by someone else; reload and try again', { reason: 'concurrent_change' });
  }
  const after = await tx.appointment.findUniqueOrThrow({ where: { id }, select: APPOINTMENT_SELECT });
  await recordAppointmentEvent(tx, after, STATUS_EVENT[target], now);
  return after;
}

/** Transaction-owning form of {@link changeAppointmentStatusInTx}. */
export async function changeAppointmentStatus(tenantId: string, id: string, target: TargetStatus, opts: ChangeStatusOptions = {}): Promise<AppointmentView> {
  return withCoreTenant(tenantId, (tx) => changeAppointmentStatusInTx(tx, tenantId, id, target, opts));
}
