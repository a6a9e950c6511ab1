/**
 * Read side of deliveries for the dashboard and the API: the event log (keyset-paginated on
 * created_at, id — index deliveries(tenant_id, created_at)), dead-letter inbox and one delivery's
 * attempt detail.
 */
import { z } from 'zod';
import { withCoreTenant } from '../../db/tenant-scope.ts';
import { AppError } from '../../errors/app-error.ts';

export const DELIVERY_STATUSES = ['pending', 'delivering', 'retrying', 'delivered', 'failed', 'dead', 'cancelled'] as const;

export const ZDeliveryQuery = z.object({
  endpointId: z.uuid().optional(),
  status: z.enum(DELIVERY_STATUSES).optional(),
  /** Opaque cursor from a previous page. */
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type TDeliveryQuery = z.input<typeof ZDeliveryQuery>;

export interface DeliveryView {
  id: string;
  eventId: string;
  eventType: string;
  endpointId: string;
  status: string;
  attempts: number;
  replays: number;
  lastStatusCode: number | null;
  lastError: string | null;
  nextAttemptAt: string | null;
  deliveredAt: string | null;
  deadAt: string | null;
  createdAt: string;
}

export interface AttemptView {
  attempt: number;
  outcome: string;
  statusCode: number | null;
  latencyMs: number;
  errorClass: string | null;
  responseBody: string | null;
  attemptedAt: string;
}

/** The database row: the view with its timestamps still as Dates. */
type DeliveryRow = Omit<DeliveryView, 'nextAttemptAt' | 'deliveredAt' | 'deadAt' | 'createdAt'> & {
  nextAttemptAt: Date | null;
  deliveredAt: Date | null;
  deadAt: Date | null;
  createdAt: Date;
};

function toView(r: DeliveryRow): DeliveryView {
  return {
    ...r,
    nextAttemptAt: r.nextAttemptAt?.toISOString() ?? null,
    deliveredAt: r.deliveredAt?.toISOString() ?? null,
    deadAt: r.deadAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
  };
}

function decodeCursor(cursor: string | undefined): { createdAt: Date; id: string } | undefined {
  if (!cursor) {
    return undefined;
  }
  const [ms, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (!ms || !id || !/^\d+$/.test(ms)) {
    throw new AppError('BAD_REQUEST', 'Invalid cursor');
  }
  return { createdAt: new Date(Number(ms)), id };
}

/** Newest first, keyset-paginated. */
export async function listDeliveries(tenantId: string, query: TDeliveryQuery): Promise<{ items: DeliveryView[]; nextCursor: string | null }> {
  const q = ZDeliveryQuery.parse(query);
  const after = decodeCursor(q.cursor);
  const rows = await withCoreTenant(tenantId, (tx) =>
    tx.delivery.findMany({
      where: {
        tenantId,
        ...(q.endpointId ? { endpointId: q.endpointId } : {}),
        ...(q.status ? { status: q.status } : {}),
        ...(after ? { OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] } : {}),
      },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: q.limit + 1,
    }),
  );
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  const nextCursor = rows.length > q.limit && last ? Buffer.from(`${last.createdAt.getTime()}|${last.id}`).toString('base64url') : null;
  return { items: page.map(toView), nextCursor };
}

/** One delivery with every attempt. @throws AppError NOT_FOUND */
export async function getDeliveryDetail(tenantId: string, deliveryId: string): Promise<DeliveryView & { attemptLog: AttemptView[] }> {
  return withCoreTenant(tenantId, async (tx) => {
    const d = await tx.delivery.findFirst({ where: { id: deliveryId, tenantId } });
    if (!d) {
      throw new AppError('NOT_FOUND', 'Delivery not found.');
    }
    const attempts = await tx.deliveryAttempt.findMany({ where: { tenantId, deliveryId }, orderBy: [{ attempt: 'asc' }, { id: 'asc' }] });
    return {
      ...toView(d),
      attemptLog: attempts.map((a) => ({
        attempt: a.attempt,
        outcome: a.outcome,
        statusCode: a.statusCode,
        latencyMs: a.latencyMs,
        errorClass: a.errorClass,
        responseBody: a.responseBody,
        attemptedAt: a.attemptedAt.toISOString(),
      })),
    };
  });
}
