/** Reads one appointment as an actor may see it. */
import { withCoreTenant } from '../../db/tenant-scope.ts';
import type { AppointmentActor } from './appointment-actor.ts';
import type { AppointmentView } from './appointment-view.ts';
import { findAppointmentForActor } from './change-appointment-status.ts';

/**
 * Reads appointment `id`; a patient only sees their own token's visits and a clinician only their
 * resource's (NOT_FOUND otherwise, so ids of others' visits reveal nothing).
 */
export async function getAppointment(tenantId: string, id: string, actor: AppointmentActor = { kind: 'tenant' }): Promise<AppointmentView> {
  return withCoreTenant(tenantId, (tx) => findAppointmentForActor(tx, tenantId, id, actor));
}
