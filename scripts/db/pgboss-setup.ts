/**
 * pg-boss schema and queues, created by the database owner at setup. At runtime the workers run
 * as the core app role with `migrate: false`, so the app role needs no CREATE rights.
 */
import pg from 'pg';
import PgBoss from 'pg-boss';
import { QUEUES, PGBOSS_SCHEMA } from '../../jobs/queue-definitions.ts';
import { pgConfigFromUrl } from '../../lib/db/pg-url.ts';

/** Installs/migrates the pg-boss schema, creates or updates every queue, grants the app group role. */
export async function ensureQueues(coreAdminUrl: string): Promise<void> {
  const boss = new PgBoss({ ...pgConfigFromUrl(coreAdminUrl), schema: PGBOSS_SCHEMA, supervise: false, schedule: false, max: 2 });
  boss.on('error', () => {});
  await boss.start();
  try {
    for (const q of QUEUES) {
      const existing = await boss.getQueue(q.name);
      if (existing) {
        await boss.updateQueue(q.name, { ...q.options, name: q.name } as never);
      } else {
        await boss.createQueue(q.name, { ...q.options, name: q.name } as never);
      }
    }
  } finally {
    await boss.stop({ graceful: false, wait: true });
  }
  const client = new pg.Client(pgConfigFromUrl(coreAdminUrl));
  await client.connect();
  try {
    await client.query(`GRANT USAGE ON SCHEMA ${PGBOSS_SCHEMA} TO periodic_core_rw`);
    await client.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${PGBOSS_SCHEMA} TO periodic_core_rw`);
    await client.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${PGBOSS_SCHEMA} TO periodic_core_rw`);
    await client.query(`GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA ${PGBOSS_SCHEMA} TO periodic_core_rw`);
  } finally {
    await client.end();
  }
}
