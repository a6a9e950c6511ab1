/**
 * The process's pg-boss instance, connected to the core database as the core app role with
 * `migrate: false` (setup, as the owner, installed the schema and queues). Web processes use it to
 * send; the worker process also subscribes.
 */
import PgBoss from 'pg-boss';
import { getConfig } from '../config.ts';
import { pgConfigFromUrl } from '../db/pg-url.ts';
import { PGBOSS_SCHEMA } from '../../jobs/queue-definitions.ts';
import { logger } from '../log/logger.ts';

const holder = globalThis as typeof globalThis & { __periodicBoss?: Promise<PgBoss> };

/** Options for a boss instance; `supervise` only in the worker (maintenance runs once). */
export function bossOptions(opts: { supervise: boolean }): PgBoss.ConstructorOptions {
  return {
    ...pgConfigFromUrl(getConfig().CORE_DATABASE_URL),
    schema: PGBOSS_SCHEMA,
    migrate: false,
    supervise: opts.supervise,
    // Maintenance re-queues jobs whose worker died (expired active jobs); pg-boss's default of
    // 120 s would leave a crashed delivery waiting minutes before redelivery.
    maintenanceIntervalSeconds: Number(process.env.PGBOSS_MAINTENANCE_SECONDS ?? 10),
    schedule: false,
    max: Number(process.env.PGBOSS_POOL_MAX ?? 5),
  } as PgBoss.ConstructorOptions;
}

/** The started pg-boss instance for sending jobs (lazily started once per process). */
export function getBoss(): Promise<PgBoss> {
  holder.__periodicBoss ??= (async () => {
    const boss = new PgBoss(bossOptions({ supervise: false }));
    boss.on('error', (err) => logger.error({ err: { message: err.message } }, 'pg-boss error'));
    await boss.start();
    return boss;
  })();
  return holder.__periodicBoss;
}

/** Minimal executor pg-boss accepts as `db` so a job is inserted inside our own transaction. */
export interface SqlExecutor {
  executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
}

/** Adapts a Prisma transaction client into a pg-boss `db` executor (commit ⇔ job). */
export function prismaTxExecutor(tx: { $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T> }): SqlExecutor {
  return {
    async executeSql(text, values = []) {
      const rows = await tx.$queryRawUnsafe<unknown[]>(text, ...values);
      return { rows };
    },
  };
}
