/**
 * Starts a subscription for every job file. Payloads are validated with each job's zod schema
 * before the handler runs; a malformed payload fails the job (and so reaches its dead letter).
 */
import type PgBoss from 'pg-boss';
import type { JobDefinition } from './job-definition.ts';
import { systemPingJob } from './system-ping.ts';
import { deliverWebhookJob } from './deliver-webhook.ts';
import { handleDeadLetterJob } from './handle-dead-letter.ts';
import { sendAlertJob } from './send-alert.ts';
import { provisionVideoRoomJob, videoDeadLetterJob } from './provision-video-room.ts';
import { revokeVideoRoomJob } from './revoke-video-room.ts';
import { logger } from '../lib/log/logger.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const JOBS: JobDefinition<any>[] = [systemPingJob, deliverWebhookJob, handleDeadLetterJob, sendAlertJob, provisionVideoRoomJob, revokeVideoRoomJob, videoDeadLetterJob];

/** Subscribes all jobs on `boss`. */
export async function startWorkers(boss: PgBoss): Promise<void> {
  for (const job of JOBS) {
    const concurrency = job.work?.localConcurrency ?? 1;
    for (let i = 0; i < concurrency; i += 1) {
      await boss.work(job.queue, { batchSize: job.work?.batchSize ?? 1, pollingIntervalSeconds: job.work?.pollingIntervalSeconds ?? 0.5 }, async (jobs) => {
        // A batch runs concurrently: pg-boss waits out the polling interval after each fetch, so
        // one job per fetch would cap a subscription at two jobs a second. If any job throws, the
        // whole batch is failed and retried, so batching is only for idempotent handlers.
        const results = await Promise.allSettled(
          jobs.map((j) => job.handle(job.schema.parse(j.data), { id: j.id, retryCount: (j as { retryCount?: number }).retryCount })),
        );
        const failed = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
        if (failed.length > 0) {
          throw failed.length === 1 ? failed[0]!.reason : new AggregateError(failed.map((r) => r.reason), `${failed.length} of ${jobs.length} jobs failed`);
        }
      });
    }
    logger.info({ queue: job.queue, concurrency }, 'worker subscribed');
  }
}
