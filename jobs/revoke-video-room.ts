/**
 * `video.revoke`: a cancelled, completed or no-show visit loses its room: links revoked, vendor
 * meeting deleted (lib/video/revoke-video-room.ts). A vendor outage is retried by pg-boss.
 */
import { z } from 'zod';
import type { JobDefinition } from './job-definition.ts';
import { revokeVideoRoom } from '../lib/video/revoke-video-room.ts';
import { describeProvisioningError } from '../lib/video/record-provisioning-failure.ts';

export const VIDEO_REVOKE_QUEUE = 'video.revoke';

export const ZRevokeVideoRoomJob = z
  .object({ tenantId: z.uuid(), appointmentId: z.uuid(), reason: z.enum(['cancelled', 'completed', 'no_show']) })
  .strict();
export type TRevokeVideoRoomJob = z.infer<typeof ZRevokeVideoRoomJob>;

export const revokeVideoRoomJob: JobDefinition<TRevokeVideoRoomJob> = {
  queue: VIDEO_REVOKE_QUEUE,
  schema: ZRevokeVideoRoomJob,
  async handle(data) {
    try {
      await revokeVideoRoom(data);
    } catch (error) {
      throw new Error(`video revoke attempt failed: ${describeProvisioningError(error)}`);
    }
  },
};
