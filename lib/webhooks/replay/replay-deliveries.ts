/**
 * Replay: re-send deliveries through the normal pipeline. A replay keeps the delivery row, so
 * the event id — the `webhook-id` and `X-Periodic-Idempotency-Key` — is the same as before and
 * receivers dedupe it; it starts a new round of WEBHOOK_MAX_ATTEMPTS attempts and is
 * dead-lettered again if that round fails too.
 */
import { z } from 'zod';
import type { CoreTx } from '../../db/tenant-scope.ts';
import { withCoreTenant } from '../../db/tenant-scope.ts';
import { AppError } from '../../errors/app-error.ts';
import { sendDeliverJob } from '../delivery/queues.ts';

/** Statuses a delivery can be replayed from (never while attempts are still scheduled). */
export const REPLAYABLE_STATUSES = ['dead', 'delivered', 'cancelled'] as const;

/** Upper bound of deliveries one bulk replay touches (call again for more). */
export const REPLAY_BATCH_LIMIT = 1000;

export const ZReplayWindow = z
  .object({
    from: z.coerce.date(),
    to: z.coerce.date(),
    endpointId: z.uuid().optional(),
    /** Which deliveries of the window: dead letters only (default) or everything settled. */
    statuses: z.array(z.enum(REPLAYABLE_STATUSES)).min(1).default(['dead']),
  })
  .refine((w) => w.from < w.to, { message: 'from must be before to', path: ['from'] });
export type TReplayWindow = z.input<typeof ZReplayWindow>;

async function replayInTx(tx: CoreTx, tenantId: string, deliveryId: string): Promise<boolean> {
  const [row] = await tx.$queryRaw<Array<{ attempts: number }>>`
    UPDATE deliveries d SET status = 'pending', round_first_attempt = d.attempts + 1, replays = d.replays + 1,
      dead_at = NULL, next_attempt_at = now(), lease_until = NULL, updated_at = now()
    FROM webhook_endpoints e
    WHERE d.id = ${deliveryId}::uuid AND d.tenant_id = ${tenantId}::uuid AND e.id = d.endpoint_id AND e.enabled
      AND d.status IN ('dead', 'delivered', 'cancelled')
    RETURNING d.attempts`;
  if (!row) {
    return false;
  }
  await sendDeliverJob(tx, { tenantId, deliveryId, attempt: row.attempts + 1 });
  return true;
}

/**
 * Replays one delivery.
 *
 * @throws AppError NOT_FOUND; CONFLICT when it is still in progress or its endpoint is disabled/deleted
 */
export async function replayDelivery(tenantId: string, deliveryId: string): Promise<void> {
  await withCoreTenant(tenantId, async (tx) => {
    const existing = await tx.delivery.findFirst({ where: { id: deliveryId, tenantId }, select: { status: true } });
    if (!existing) {
      throw new AppError('NOT_FOUND', 'Delivery not found.');
    }
    if (!(await replayInTx(tx, tenantId, deliveryId))) {
      throw new AppError('CONFLICT', `Delivery is ${existing.status}; only settled deliveries of an enabled endpoint can be replayed.`);
    }
  });
}

/** Replays every dead letter of one endpoint (up to REPLAY_BATCH_LIMIT); returns how many. */
export async function replayEndpointDeadLetters(tenantId: string, endpointId: string): Promise<number> {
  return withCoreTenant(
    tenantId,
    async (tx) => {
      const endpoint = await tx.webhookEndpoint.findFirst({ where: { id: endpointId, tenantId }, select: { enabled: true } });
      if (!endpoint) {
        throw new AppError('NOT_FOUND', 'Webhook endpoint not found.');
      }
      if (!endpoint.enabled) {
        throw new AppError('CONFLICT', 'Enable the endpoint before replaying its dead letters.');
      }
      const dead = await tx.delivery.findMany({
        where: { tenantId, endpointId, status: 'dead' },
        orderBy: { createdAt: 'asc' },
        take: REPLAY_BATCH_LIMIT,
        select: { id: true },
      });
      let replayed = 0;
      for (const d of dead) {
        replayed += (await replayInTx(tx, tenantId, d.id)) ? 1 : 0;
      }
      return replayed;
    },
    { timeout: 60_000 },
  );
}

/** Replays deliveries created in [from, to) with the given statuses (default dead); returns how many. */
export async function replayWindow(tenantId: string, input: TReplayWindow): Promise<number> {
  const w = ZReplayWindow.parse(input);
  return withCoreTenant(
    tenantId,
    async (tx) => {
      const rows = await tx.delivery.findMany({
        where: {
          tenantId,
          createdAt: { gte: w.from, lt: w.to },
          status: { in: w.statuses },
          ...(w.endpointId ? { endpointId: w.endpointId } : {}),
        },
        orderBy: { createdAt: 'asc' },
        take: REPLAY_BATCH_LIMIT,
        select: { id: true },
      });
      let replayed = 0;
      for (const d of rows) {
        replayed += (await replayInTx(tx, tenantId, d.id)) ? 1 : 0;
      }
      return replayed;
    },
    { timeout: 60_000 },
  );
}
