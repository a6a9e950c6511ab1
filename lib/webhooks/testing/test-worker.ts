/**
 * Test-only: a pg-boss worker in the test process running the real job registry, with frequent
 * maintenance so expired (crashed) jobs are re-queued within seconds.
 */
import PgBoss from 'pg-boss';
import { bossOptions } from '../../jobs/boss.ts';
import { startWorkers } from '../../../jobs/registry.ts';

/** Starts a supervising boss; `subscribe: false` only runs maintenance (for spawned workers). */
export async function startTestWorker(opts: { subscribe?: boolean; maintenanceIntervalSeconds?: number } = {}): Promise<PgBoss> {
  const boss = new PgBoss({ ...bossOptions({ supervise: true }), maintenanceIntervalSeconds: opts.maintenanceIntervalSeconds ?? 2 } as PgBoss.ConstructorOptions);
  boss.on('error', () => {});
  await boss.start();
  if (opts.subscribe ?? true) {
    await startWorkers(boss);
  }
  return boss;
}
