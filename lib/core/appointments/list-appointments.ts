/**
 * Cursor-paginated appointment listing with filters (the API's GET /appointments).
 */
import { z } from 'zod';
import { withCoreTenant } from '../../db/tenant-scope.ts';
import { ZTokenId } from '../ids.ts';
import { decodeCursor, encodeCursor, PAGE_SIZE_DEFAULT, PAGE_SIZE_MAX } from '../pagination/cursor.ts';
import { APPOINTMENT_STATUSES } from './appointment-status.ts';
import { APPOINTMENT_SELECT, type AppointmentView } from './appointment-view.ts';

export const ZAppointmentFilter = z.object({
  status: z.enum(APPOINTMENT_STATUSES).optional(),
  resourceId: z.uuid().optional(),
  tokenId: ZTokenId.optional(),
  /** Appointments starting at or after this instant. */
  from: z.coerce.date().optional(),
  /** Appointments starting before this instant. */
  to: z.coerce.date().optional(),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(PAGE_SIZE_MAX).default(PAGE_SIZE_DEFAULT),
});
export type TAppointmentFilter = z.input<typeof ZAppointmentFilter>;

export interface AppointmentPage {
  items: AppointmentView[];
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}

/** Appointments ordered by (starts_at, id), filtered, one page at a time (keyset pagination). */
export async function listAppointments(tenantId: string, filter: TAppointmentFilter): Promise<AppointmentPage> {
  const f = ZAppointmentFilter.parse(filter);
  const after = f.cursor ? decodeCursor(f.cursor) : undefined;
  const startsAt = { ...(f.from ? { gte: f.from } : {}), ...(f.to ? { lt: f.to } : {}) };
  const rows = await withCoreTenant(tenantId, (tx) =>
    tx.appointment.findMany({
      where: {
        tenantId,
        ...(f.status ? { status: f.status } : {}),
        ...(f.resourceId ? { resourceId: f.resourceId } : {}),
        ...(f.tokenId ? { tokenId: f.tokenId } : {}),
        ...(f.from || f.to ? { startsAt } : {}),
        ...(after ? { OR: [{ startsAt: { gt: after.key } }, { startsAt: after.key, id: { gt: after.id } }] } : {}),
      },
      select: APPOINTMENT_SELECT,
      orderBy: [{ startsAt: 'asc' }, { id: 'asc' }],
      take: f.limit + 1,
    }),
  );
  const items = rows.slice(0, f.limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > f.limit && last ? encodeCursor(last.startsAt, last.id) : null };
}
