/** A patient's (token's) upcoming or past appointments, for the patient portal. */
import { withCoreTenant } from '../../db/tenant-scope.ts';
import { ZTokenId } from '../ids.ts';
import { APPOINTMENT_SELECT, type AppointmentView } from './appointment-view.ts';

/**
 * `upcoming`: not yet ended, soonest first; `past`: ended, most recent first. All statuses are
 * included (the UI shows a badge); at most `limit` rows (default 100).
 */
export async function listAppointmentsForToken(
  tenantId: string,
  tokenId: string,
  opts: { when: 'upcoming' | 'past'; limit?: number; now?: Date },
): Promise<AppointmentView[]> {
  ZTokenId.parse(tokenId);
  const now = opts.now ?? new Date();
  const upcoming = opts.when === 'upcoming';
  return withCoreTenant(tenantId, (tx) =>
    tx.appointment.findMany({
      where: { tenantId, tokenId, endsAt: upcoming ? { gte: now } : { lt: now } },
      select: APPOINTMENT_SELECT,
      orderBy: [{ startsAt: upcoming ? 'asc' : 'desc' }, { id: 'asc' }],
      take: Math.min(opts.limit ?? 100, 500),
    }),
  );
}
