/**
 * `alert.send`: fans a recorded alert out to Slack / PagerDuty / Datadog / the generic webhook.
 * Throws while a configured sink still refuses, so pg-boss retries (with backoff) just those sinks.
 */
import type { JobDefinition } from './job-definition.ts';
import { ALERT_QUEUE, ZAlertJob, type TAlertJob } from '../lib/webhooks/delivery/queues.ts';
import { sendRecordedAlert } from '../lib/webhooks/delivery/send-recorded-alert.ts';

export const sendAlertJob: JobDefinition<TAlertJob> = {
  queue: ALERT_QUEUE,
  schema: ZAlertJob,
  work: { batchSize: 1, pollingIntervalSeconds: 0.5, localConcurrency: 2 },
  async handle(data) {
    await sendRecordedAlert(data);
  },
};
