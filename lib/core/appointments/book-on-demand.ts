/**
 * "See a clinician now": an immediate visit with the first on-call clinician who is free.
 */
import { withCoreTenant } from '../../db/tenant-scope.ts';
import { AppError, isAppError } from '../../errors/app-error.ts';
import { ZTokenId } from '../ids.ts';
import { loadBusy } from '../schedule/load-schedule.ts';
import type { AppointmentView } from './appointment-view.ts';
import { insertAppointment } from './book-appointment.ts';

/** Thrown (UNPROCESSABLE, reason nobody_available) when no on-call clinician is free now. */
export function nobodyAvailableError(): AppError {
  return new AppError('UNPROCESSABLE', 'Nobody is available right now. Please try again in a few minutes or book a slot.', { reason: 'nobody_available' });
}

/**
 * Creates an on-demand appointment starting now for one visit length with the first active,
 * on-call resource (by label) that has no active visit in that time. On-demand visits are
 * confirmed at once (being on call is the clinician's standing acceptance), writing created +
 * confirmed events. Each candidate is tried in its own transaction so a lost race moves on to the
 * next clinician instead of aborting.
 */
export async function bookOnDemand(tenantId: string, tokenId: string, opts: { now?: Date } = {}): Promise<AppointmentView> {
  ZTokenId.parse(tokenId);
  const now = opts.now ?? new Date();
  const candidates = await withCoreTenant(tenantId, (tx) =>
    tx.resource.findMany({
      where: { tenantId, onCall: true, active: true },
      select: { id: true, visitMinutes: true, bufferMinutes: true },
      orderBy: [{ label: 'asc' }, { id: 'asc' }],
    }),
  );
  for (const resource of candidates) {
    const endsAt = new Date(now.getTime() + resource.visitMinutes * 60_000);
    try {
      return await withCoreTenant(tenantId, async (tx) => {
        const busy = await loadBusy(tx, tenantId, resource.id, now, endsAt, 0);
        if (busy.length > 0) {
          throw new AppError('CONFLICT', 'busy', { reason: 'slot_taken' });
        }
        return insertAppointment(tx, { tenantId, resourceId: resource.id, tokenId, startsAt: now, endsAt, kind: 'on_demand', confirm: true });
      });
    } catch (error) {
      if (isAppError(error) && error.code === 'CONFLICT') {
        continue;
      }
      throw error;
    }
  }
  throw nobodyAvailableError();
}
