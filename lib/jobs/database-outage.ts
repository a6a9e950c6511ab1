/**
 * Keeps a worker process alive through a database outage (restart, failover, network blip).
 *
 * pg-boss 10 settles a fetched batch with `this.complete(...)` / `this.fail(...)` WITHOUT awaiting
 * them (node_modules/pg-boss/src/manager.js, `onFetch`). When the database goes away at that
 * moment the floating promise rejects, and Node's default for an unhandled rejection kills the
 * process — found by the verify chaos drill, which restarts PostgreSQL mid-delivery. Losing that
 * completion is harmless: the job stays active, expires and is re-run, and our handlers skip work
 * already recorded. So an unhandled rejection that is a lost or refused database connection is
 * logged and survived; any other unhandled rejection is still a bug and still exits the process.
 */

/** SQLSTATEs of a connection the server ended or refused: class 08, admin/crash shutdown, starting up. */
const OUTAGE_SQLSTATES = /^(08...|57P01|57P02|57P03)$/;
const OUTAGE_NODE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT']);
/** Messages node-postgres and pg-pool use for a connection that died under them. */
const OUTAGE_MESSAGES = [/connection terminated/i, /not queryable/i, /terminating connection/i, /database system is (shutting down|starting up)/i];

/** True when `err` means the database connection was lost or refused (not a query or logic error). */
export function isDatabaseOutageError(err: unknown): boolean {
  if (typeof err !== 'object' || err === null) {
    return false;
  }
  if (err instanceof AggregateError && err.errors.length > 0) {
    return err.errors.every(isDatabaseOutageError);
  }
  const { code, message } = err as { code?: unknown; message?: unknown };
  if (typeof code === 'string' && (OUTAGE_SQLSTATES.test(code) || OUTAGE_NODE_CODES.has(code))) {
    return true;
  }
  return typeof message === 'string' && OUTAGE_MESSAGES.some((re) => re.test(message));
}

/**
 * Installs the process-wide policy described above. `log` receives a message without PHI (only
 * the error's code and message, which come from the driver).
 */
export function surviveDatabaseOutages(log: { warn(obj: object, msg: string): void; fatal(obj: object, msg: string): void }): void {
  process.on('unhandledRejection', (reason) => {
    const err = reason as { code?: unknown; message?: unknown };
    const summary = { code: typeof err?.code === 'string' ? err.code : undefined, message: typeof err?.message === 'string' ? err.message : String(reason) };
    if (isDatabaseOutageError(reason)) {
      log.warn({ err: summary }, 'database unavailable; unsettled job will expire and be retried');
      return;
    }
    log.fatal({ err: summary }, 'unhandled rejection');
    process.exit(1);
  });
}

/**
 * Runs `start` until it succeeds, retrying (with backoff, up to `giveUpMs`) while it fails because
 * the database is away. A worker started during a restart or failover (a crash-looping replica, a
 * deploy racing a database upgrade) then waits for the database instead of exiting — found by the
 * chaos drill, whose replacement worker started while PostgreSQL was restarting. pg-boss 10 cannot
 * retry `start()` on the same instance (it stays "starting"), so `start` must build a new one.
 */
export async function retryThroughOutage<T>(
  start: () => Promise<T>,
  log: { warn(obj: object, msg: string): void },
  opts: { giveUpMs?: number } = {},
): Promise<T> {
  const deadline = Date.now() + (opts.giveUpMs ?? 120_000);
  for (let delayMs = 500; ; delayMs = Math.min(delayMs * 2, 5000)) {
    try {
      return await start();
    } catch (err) {
      if (!isDatabaseOutageError(err) || Date.now() + delayMs > deadline) {
        throw err;
      }
      log.warn({ err: { code: (err as { code?: string }).code }, retryInMs: delayMs }, 'database unavailable at start; retrying');
      await new Promise((r) => setTimeout(r, delayMs));
    }
  }
}
