/**
 * Queue names and payloads of webhook delivery, and helpers that send their jobs INSIDE a core
 * transaction (pg-boss `db` option), so a job exists if and only if the rows it refers to commit.
 */
import { z } from 'zod';
import { getBoss, prismaTxExecutor } from '../../jobs/boss.ts';
import type { CoreTx } from '../../db/tenant-scope.ts';

export const DELIVER_QUEUE = 'webhook.deliver';
export const DEAD_LETTER_QUEUE = 'webhook.dead-letter';
export const ALERT_QUEUE = 'alert.send';

/**
 * One delivery attempt. `attempt` is the 1-based attempt number this job performs; handlers skip a
 * job whose attempt is already recorded, which makes crash re-runs and duplicates harmless.
 */
export const ZDeliverJob = z.object({
  tenantId: z.uuid(),
  deliveryId: z.uuid(),
  attempt: z.number().int().min(1).max(10_000).default(1),
});
export type TDeliverJob = z.infer<typeof ZDeliverJob>;

/** An alert row to fan out to the configured sinks. */
export const ZAlertJob = z.object({ tenantId: z.uuid(), alertId: z.uuid() });
export type TAlertJob = z.infer<typeof ZAlertJob>;

/** Sends the delivery job for `data.attempt`, optionally delayed, inside `tx`. */
export async function sendDeliverJob(tx: CoreTx, data: TDeliverJob, delayMs = 0): Promise<void> {
  const boss = await getBoss();
  const options: { db: ReturnType<typeof prismaTxExecutor>; startAfter?: number } = { db: prismaTxExecutor(tx) };
  if (delayMs > 0) {
    // Seconds (fractional allowed): pg-boss adds them to the database clock, not ours.
    options.startAfter = Math.max(0.001, delayMs / 1000);
  }
  await boss.send(DELIVER_QUEUE, data, options);
}

/** Puts a delivery into the dead-letter queue (same payload as its delivery job), inside `tx`. */
export async function sendDeadLetterJob(tx: CoreTx, data: TDeliverJob): Promise<void> {
  const boss = await getBoss();
  await boss.send(DEAD_LETTER_QUEUE, data, { db: prismaTxExecutor(tx) });
}

/** Enqueues the fan-out of a recorded alert, inside `tx`. */
export async function sendAlertJob(tx: CoreTx, data: TAlertJob): Promise<void> {
  const boss = await getBoss();
  await boss.send(ALERT_QUEUE, data, { db: prismaTxExecutor(tx) });
}
