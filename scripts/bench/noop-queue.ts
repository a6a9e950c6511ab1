/**
 * The bench's own no-op queue (`bench.noop`, with `webhook.deliver`'s retry and expiry options),
 * created by the database owner like every queue, and a way to fill it with a backlog.
 */
import pg from 'pg';
import PgBoss from 'pg-boss';
import { PGBOSS_SCHEMA, queueDefinition } from '../../jobs/queue-definitions.ts';
import { bossOptions } from '../../lib/jobs/boss.ts';
import { pgConfigFromUrl } from '../../lib/db/pg-url.ts';

export const NOOP_QUEUE = 'bench.noop';

/** Creates the no-op queue as the owner and grants the app roles its new partition. */
export async function ensureNoopQueue(coreAdminUrl: string): Promise<void> {
  const boss = new PgBoss({ ...pgConfigFromUrl(coreAdminUrl), schema: PGBOSS_SCHEMA, supervise: false, schedule: false, max: 2 });
  boss.on('error', () => {});
  await boss.start();
  try {
    if (!(await boss.getQueue(NOOP_QUEUE))) {
      const { deadLetter: _none, ...options } = queueDefinition('webhook.deliver').options;
      await boss.createQueue(NOOP_QUEUE, { ...options, name: NOOP_QUEUE } as never);
    }
  } finally {
    await boss.stop({ graceful: false, wait: true });
  }
  const client = new pg.Client(pgConfigFromUrl(coreAdminUrl));
  await client.connect();
  try {
    await client.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${PGBOSS_SCHEMA} TO periodic_core_rw`);
  } finally {
    await client.end();
  }
}

/** Inserts `count` no-op jobs as the app role (in chunks, like a busy producer). */
export async function insertNoopJobs(count: number): Promise<void> {
  const boss = new PgBoss(bossOptions({ supervise: false }));
  boss.on('error', () => {});
  await boss.start();
  try {
    for (let i = 0; i < count; i += 500) {
      await boss.insert(Array.from({ length: Math.min(500, count - i) }, (_, k) => ({ name: NOOP_QUEUE, data: { n: i + k } })));
    }
  } finally {
    await boss.stop({ graceful: false, wait: true });
  }
}
