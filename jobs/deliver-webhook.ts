/**
 * `webhook.deliver`: one attempt of one delivery (payload: ids and the attempt number only).
 * The attempt logic, retries and dead-lettering live in lib/webhooks/delivery/deliver-once.ts.
 * Throwing here (database down, a bug) lets pg-boss retry the job; a worker killed mid-job is
 * re-run after the queue's short expiry.
 */
import type { JobDefinition } from './job-definition.ts';
import { deliverOnce } from '../lib/webhooks/delivery/deliver-once.ts';
import { DELIVER_QUEUE, ZDeliverJob, type TDeliverJob } from '../lib/webhooks/delivery/queues.ts';

export const deliverWebhookJob: JobDefinition<TDeliverJob> = {
  queue: DELIVER_QUEUE,
  schema: ZDeliverJob,
  // Parallel subscriptions per worker process, each fetching a batch that runs concurrently
  // (deliverOnce is idempotent per attempt, so a failed batch's re-run is harmless); the
  // per-endpoint cap is enforced in the database.
  work: {
    batchSize: Number(process.env.WEBHOOK_WORKER_BATCH_SIZE ?? 8),
    pollingIntervalSeconds: 0.5,
    localConcurrency: Number(process.env.WEBHOOK_WORKER_CONCURRENCY ?? 4),
  },
  async handle(data) {
    await deliverOnce(data);
  },
};
