/**
 * Holds a queue's waiting backlog while worker processes boot, then releases it all at once, and
 * reads the drain window back from pg-boss's own job rows (release → last completion, database
 * clock). Throughput figures so measured contain neither process start-up nor producer time.
 */
import pg from 'pg';
import { pgConfigFromUrl } from '../../lib/db/pg-url.ts';

export interface DrainWindow {
  /** Jobs completed since the release. */
  jobs: number;
  seconds: number;
}

export class JobGate {
  private readonly pool: pg.Pool;

  constructor(coreAdminUrl: string) {
    this.pool = new pg.Pool({ ...pgConfigFromUrl(coreAdminUrl), max: 2 });
  }

  /** The database's clock now (marks the start of a run). */
  async now(): Promise<Date> {
    const { rows } = await this.pool.query<{ now: Date }>('SELECT clock_timestamp() AS now');
    return rows[0]!.now;
  }

  /** Pushes every waiting job of `queue` an hour into the future. */
  async hold(queue: string): Promise<number> {
    const res = await this.pool.query(`UPDATE pgboss.job SET start_after = now() + interval '1 hour' WHERE name = $1 AND state = 'created'`, [queue]);
    return res.rowCount ?? 0;
  }

  /** Makes the held jobs due now; returns the release time. */
  async release(queue: string): Promise<Date> {
    const { rows } = await this.pool.query<{ at: Date }>(
      `WITH r AS (UPDATE pgboss.job SET start_after = clock_timestamp() WHERE name = $1 AND state = 'created' RETURNING 1)
       SELECT clock_timestamp() AS at FROM (SELECT count(*) FROM r) c`,
      [queue],
    );
    return rows[0]!.at;
  }

  /** Jobs of `queue` still waiting, retrying or running. */
  async unfinished(queue: string): Promise<number> {
    const { rows } = await this.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM pgboss.job WHERE name = $1 AND state IN ('created', 'retry', 'active')`, [queue]);
    return rows[0]!.n;
  }

  /** Waits until `queue` is drained; throws after `timeoutMs`. */
  async waitDrained(queue: string, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while ((await this.unfinished(queue)) > 0) {
      if (Date.now() > deadline) {
        throw new Error(`${queue} not drained within ${timeoutMs} ms`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** Completed jobs of `queue` since `releasedAt` and the window from the release to the last completion. */
  async drainWindow(queue: string, releasedAt: Date): Promise<DrainWindow> {
    const { rows } = await this.pool.query<{ n: number; seconds: number | null }>(
      `SELECT count(*)::int AS n, EXTRACT(EPOCH FROM max(completed_on) - $2::timestamptz)::float8 AS seconds
       FROM pgboss.job WHERE name = $1 AND state = 'completed' AND completed_on >= $2`,
      [queue, releasedAt],
    );
    return { jobs: rows[0]!.n, seconds: rows[0]!.seconds ?? Number.NaN };
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
