/**
 * The job worker process (separate from the web server so each scales on its own). Runs every
 * job in jobs/registry.ts against the core database as the core app role.
 */
import PgBoss from 'pg-boss';
import { getConfig } from '../lib/config.ts';
import { bossOptions } from '../lib/jobs/boss.ts';
import { startWorkers } from '../jobs/registry.ts';
import { logger } from '../lib/log/logger.ts';
import { disconnectDbs } from '../lib/db/clients.ts';
import { retryThroughOutage, surviveDatabaseOutages } from '../lib/jobs/database-outage.ts';

process.env.PERIODIC_PROCESS ??= 'worker';
getConfig();
// A PostgreSQL restart must not kill the worker (pg-boss leaves some promises unawaited).
surviveDatabaseOutages(logger);

// Set once started; a signal may arrive while start still waits for the database.
const running: { boss?: PgBoss } = {};
let stopping = false;
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));

// Started while the database is away (restart, failover): wait for it rather than exit.
running.boss = await retryThroughOutage(async () => {
  const candidate = new PgBoss(bossOptions({ supervise: true }));
  candidate.on('error', (err) => logger.error({ err: { message: err.message } }, 'pg-boss error'));
  try {
    await candidate.start();
    await startWorkers(candidate);
    return candidate;
  } catch (err) {
    await candidate.stop({ graceful: false, wait: true }).catch(() => {});
    throw err;
  }
}, logger);
logger.info('worker started');

async function shutdown(signal: string): Promise<void> {
  if (stopping) {
    return;
  }
  stopping = true;
  logger.info({ signal }, 'worker stopping');
  await running.boss?.stop({ graceful: true, timeout: 10_000, wait: true }).catch(() => {});
  await disconnectDbs().catch(() => {});
  process.exit(0);
}
