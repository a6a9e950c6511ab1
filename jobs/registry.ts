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
import { subscribeQueue } from './subscribe.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const JOBS: JobDefinition<any>[] = [systemPingJob, deliverWebhookJob, handleDeadLetterJob, sendAlertJob, provisionVideoRoomJob, revokeVideoRoomJob, videoDeadLetterJob];

/** Subscribes all jobs on `boss`. */
export async function startWorkers(boss: PgBoss): Promise<void> {
  for (const job of JOBS) {
    await subscribeQueue(boss, job.queue, job.work, (j) => job.handle(job.schema.parse(j.data), { id: j.id, retryCount: (j as { retryCount?: number }).retryCount }));
    logger.info({ queue: job.queue, concurrency: job.work?.localConcurrency ?? 1 }, 'worker subscribed');
  }
}
