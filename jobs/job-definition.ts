/** Shape of a job file: its queue, the zod schema of its payload (ids only), its handler. */
import type { ZodType } from 'zod';

export interface JobDefinition<T> {
  queue: string;
  schema: ZodType<T>;
  /** Concurrency knobs for this queue's worker. */
  work?: { batchSize?: number; pollingIntervalSeconds?: number; localConcurrency?: number };
  handle(data: T, job: { id: string; retryCount?: number }): Promise<void>;
}
