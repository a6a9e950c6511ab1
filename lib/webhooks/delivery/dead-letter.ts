/**
 * Handler logic of the webhook.dead-letter queue. A job lands there after a delivery's last
 * failed attempt (sent by recordAttempt in the attempt's transaction) or when pg-boss gave up on
 * a delivery job itself (its crash retries ran out: the queue's `deadLetter` option). Either way:
 * mark the delivery dead, count it, and alert through the endpoint's incident — idempotently, so
 * a re-run after a crash changes nothing twice.
 */
import { withCoreTenant } from '../../db/tenant-scope.ts';
import { addDeadLetterToHourlyStats } from './hourly-stats.ts';
import { deadLetterAlertedRecently, ensureIncident, recordAlert } from './incidents.ts';
import type { TDeliverJob } from './queues.ts';

export type DeadLetterOutcome = 'marked_dead' | 'already_dead' | 'not_dead' | 'missing';

/** Marks the delivery dead and records (and, rate-limited per incident, sends) the alert. */
export async function handleDeadLetter(job: TDeliverJob): Promise<DeadLetterOutcome> {
  return withCoreTenant(job.tenantId, async (tx) => {
    const [delivery] = await tx.$queryRaw<Array<{ id: string; status: string; endpoint_id: string; event_type: string; attempts: number; last_error: string | null }>>`
      SELECT id, status, endpoint_id, event_type, attempts, last_error FROM deliveries WHERE id = ${job.deliveryId}::uuid FOR UPDATE`;
    if (!delivery) {
      return 'missing';
    }
    if (delivery.status === 'dead') {
      return 'already_dead';
    }
    if (delivery.status === 'delivered' || delivery.status === 'cancelled') {
      // A replay already delivered it, or the endpoint went away: nothing is lost.
      return 'not_dead';
    }
    await tx.$executeRaw`
      UPDATE deliveries SET status = 'dead', dead_at = now(), lease_until = NULL, next_attempt_at = NULL,
        last_error = COALESCE(last_error, 'worker_gave_up'), updated_at = now()
      WHERE id = ${delivery.id}::uuid`;
    await addDeadLetterToHourlyStats(tx, { tenantId: job.tenantId, endpointId: delivery.endpoint_id });
    const endpoint = await tx.$queryRaw<Array<{ id: string }>>`SELECT id FROM webhook_endpoints WHERE id = ${delivery.endpoint_id}::uuid FOR UPDATE`;
    if (endpoint.length === 0) {
      return 'marked_dead';
    }
    const { incidentKey } = await ensureIncident(tx, delivery.endpoint_id);
    const suppressed = await deadLetterAlertedRecently(tx, job.tenantId, incidentKey);
    await recordAlert(tx, {
      tenantId: job.tenantId,
      endpointId: delivery.endpoint_id,
      deliveryId: delivery.id,
      kind: 'dead_letter',
      incidentKey,
      summary: `Webhook delivery ${delivery.id} (${delivery.event_type}) dead-lettered after ${delivery.attempts} attempts`,
      suppressed,
    });
    return 'marked_dead';
  });
}
