/** A clinician's (resource's) appointments in a time range, for the clinician panel. */
import { withCoreTenant } from '../../db/tenant-scope.ts';
import { APPOINTMENT_SELECT, type AppointmentView } from './appointment-view.ts';

/** Appointments of `resourceId` starting in [from, to), soonest first, every status, max 1000. */
export async function listAppointmentsForResource(tenantId: string, resourceId: string, range: { from: Date; to: Date }): Promise<AppointmentView[]> {
  return withCoreTenant(tenantId, (tx) =>
    tx.appointment.findMany({
      where: { tenantId, resourceId, startsAt: { gte: range.from, lt: range.to } },
      select: APPOINTMENT_SELECT,
      orderBy: [{ startsAt: 'asc' }, { id: 'asc' }],
      take: 1000,
    }),
  );
}
