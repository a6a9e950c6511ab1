/**
 * `video.provision`: creates the private room of a confirmed visit (lib/video/provision-video-room.ts,
 * idempotent per appointment). Vendor failures that a retry may fix are rethrown so pg-boss retries
 * with backoff; when retries run out the job lands in `video.dead-letter`, whose handler marks the
 * room failed and alerts. Failures no retry can fix (bad credentials, vendor policy) are final at once.
 */
import { z } from 'zod';
import type { JobDefinition } from './job-definition.ts';
import { provisionVideoRoom } from '../lib/video/provision-video-room.ts';
import {
  describeProvisioningError,
  isRetryableProvisioningError,
  recordProvisioningFailure,
} from '../lib/video/record-provisioning-failure.ts';
import { logger } from '../lib/log/logger.ts';

export const VIDEO_PROVISION_QUEUE = 'video.provision';
export const VIDEO_DEAD_LETTER_QUEUE = 'video.dead-letter';

export const ZProvisionVideoRoomJob = z.object({ tenantId: z.uuid(), appointmentId: z.uuid() }).strict();
export type TProvisionVideoRoomJob = z.infer<typeof ZProvisionVideoRoomJob>;

/** Runs one provisioning attempt with the job's failure policy (exported for tests and benches). */
export async function runProvisionVideoRoomJob(data: TProvisionVideoRoomJob): Promise<void> {
  try {
    const result = await provisionVideoRoom(data);
    logger.info({ appointmentId: data.appointmentId, outcome: result.outcome }, 'video.provision done');
  } catch (error) {
    const lastError = describeProvisioningError(error);
    const retryable = isRetryableProvisioningError(error);
    await recordProvisioningFailure({ ...data, lastError, final: !retryable });
    if (!retryable) {
      return;
    }
    // Our own classification only: the vendor's text may echo request data into pg-boss's output column.
    throw new Error(`video provisioning attempt failed: ${lastError}`);
  }
}

export const provisionVideoRoomJob: JobDefinition<TProvisionVideoRoomJob> = {
  queue: VIDEO_PROVISION_QUEUE,
  schema: ZProvisionVideoRoomJob,
  work: { localConcurrency: 2 },
  handle: (data) => runProvisionVideoRoomJob(data),
};

export const ZVideoDeadLetterJob = z
  .object({ tenantId: z.uuid(), appointmentId: z.uuid(), reason: z.enum(['cancelled', 'completed', 'no_show']).optional() })
  .strict();

/** `video.dead-letter`: a provisioning (or revoke) job ran out of retries. */
export const videoDeadLetterJob: JobDefinition<z.infer<typeof ZVideoDeadLetterJob>> = {
  queue: VIDEO_DEAD_LETTER_QUEUE,
  schema: ZVideoDeadLetterJob,
  async handle(data) {
    if (data.reason !== undefined) {
      logger.error({ tenantId: data.tenantId, appointmentId: data.appointmentId, reason: data.reason }, 'video room revoke ran out of retries');
    }
    await recordProvisioningFailure({ tenantId: data.tenantId, appointmentId: data.appointmentId, final: true });
  },
};
