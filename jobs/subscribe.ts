/**
 * One queue's subscriptions in a worker process: `localConcurrency` pg-boss workers, each
 * fetching up to `batchSize` jobs that run concurrently. Shared by the real registry and the
 * bench's bare no-op baseline, so both consume a queue the same way.
 */
import type PgBoss from 'pg-boss';

export interface WorkSettings {
  batchSize?: number;
  pollingIntervalSeconds?: number;
  localConcurrency?: number;
}

/** Subscribes `handle` to `queue`; a batch fails as a whole when any of its jobs throws. */
export async function subscribeQueue(
  boss: PgBoss,
  queue: string,
  work: WorkSettings | undefined,
  handle: (job: PgBoss.Job<unknown>) => Promise<void>,
): Promise<void> {
  const concurrency = work?.localConcurrency ?? 1;
  const batchSize = work?.batchSize ?? 1;
  for (let i = 0; i < concurrency; i += 1) {
    // The handler may run before work() resolves with the id, hence a holder rather than a const.
    const worker: { id?: string } = {};
    worker.id = await boss.work(queue, { batchSize, pollingIntervalSeconds: work?.pollingIntervalSeconds ?? 0.5 }, async (jobs) => {
      if (jobs.length >= batchSize && worker.id) {
        // A full batch means more are probably waiting: fetch again right after this one instead
        // of sleeping out the polling interval (which would cap a busy queue at batch / interval).
        boss.notifyWorker(worker.id);
      }
      // A batch runs concurrently: pg-boss waits out the polling interval after each fetch, so
      // one job per fetch would cap a subscription at two jobs a second. If any job throws, the
      // whole batch is failed and retried, so batching is only for idempotent handlers.
      const results = await Promise.allSettled(jobs.map(async (j) => handle(j)));
      const failed = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
      if (failed.length === 1) {
        throw failed[0]!.reason;
      }
      if (failed.length > 1) {
        throw new AggregateError(failed.map((r) => r.reason), `${failed.length} of ${jobs.length} jobs failed`);
      }
    });
  }
}
