/** Cursor-paginated event log (the API's GET /events). */
import { z } from 'zod';
import { withCoreTenant } from '../../db/tenant-scope.ts';
import { decodeCursor, encodeCursor, PAGE_SIZE_DEFAULT, PAGE_SIZE_MAX } from '../pagination/cursor.ts';
import { ZEventType } from './event-types.ts';

export const ZEventFilter = z.object({
  type: ZEventType.optional(),
  appointmentId: z.uuid().optional(),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(PAGE_SIZE_MAX).default(PAGE_SIZE_DEFAULT),
});
export type TEventFilter = z.input<typeof ZEventFilter>;

export interface EventView {
  id: string;
  type: string;
  appointmentId: string | null;
  payload: unknown;
  createdAt: Date;
}

/** Events oldest first by (created_at, id); `nextCursor` null on the last page. */
export async function listEvents(tenantId: string, filter: TEventFilter): Promise<{ items: EventView[]; nextCursor: string | null }> {
  const f = ZEventFilter.parse(filter);
  const after = f.cursor ? decodeCursor(f.cursor) : undefined;
  const rows = await withCoreTenant(tenantId, (tx) =>
    tx.event.findMany({
      where: {
        tenantId,
        ...(f.type ? { type: f.type } : {}),
        ...(f.appointmentId ? { appointmentId: f.appointmentId } : {}),
        ...(after ? { OR: [{ createdAt: { gt: after.key } }, { createdAt: after.key, id: { gt: after.id } }] } : {}),
      },
      select: { id: true, type: true, appointmentId: true, payload: true, createdAt: true },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      take: f.limit + 1,
    }),
  );
  const items = rows.slice(0, f.limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > f.limit && last ? encodeCursor(last.createdAt, last.id) : null };
}
