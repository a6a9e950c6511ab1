/**
 * `webhook.dead-letter`: the dead-letter queue of webhook deliveries. Marks the delivery dead and
 * alerts through the endpoint's incident (lib/webhooks/delivery/dead-letter.ts).
 */
import type { JobDefinition } from './job-definition.ts';
import { handleDeadLetter } from '../lib/webhooks/delivery/dead-letter.ts';
import { DEAD_LETTER_QUEUE, ZDeliverJob, type TDeliverJob } from '../lib/webhooks/delivery/queues.ts';
import { logger } from '../lib/log/logger.ts';

export const handleDeadLetterJob: JobDefinition<TDeliverJob> = {
  queue: DEAD_LETTER_QUEUE,
  schema: ZDeliverJob,
  work: { batchSize: 1, pollingIntervalSeconds: 0.5, localConcurrency: 2 },
  async handle(data) {
    const outcome = await handleDeadLetter(data);
    logger.warn({ deliveryId: data.deliveryId, outcome }, 'webhook dead letter');
  },
};
