/** `system.ping`: a no-op job the health check uses to prove the worker is consuming. */
import { z } from 'zod';
import type { JobDefinition } from './job-definition.ts';

export const ZSystemPing = z.object({ sentAt: z.iso.datetime() });

export const systemPingJob: JobDefinition<z.infer<typeof ZSystemPing>> = {
  queue: 'system.ping',
  schema: ZSystemPing,
  async handle() {
    // Completing the job is the signal; nothing else to do.
  },
};
