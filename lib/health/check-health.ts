/**
 * Liveness of the three things the app depends on: the identity database, the core database and
 * the pg-boss queue (with the age of the newest completed worker ping).
 */
import { withCoreUnscoped, withIdentityUnscoped } from '../db/tenant-scope.ts';
import { getBoss } from '../jobs/boss.ts';

export interface ComponentHealth {
  ok: boolean;
  latencyMs: number;
  detail?: Record<string, unknown>;
  error?: string;
}

export interface HealthReport {
  ok: boolean;
  checkedAt: string;
  components: { identityDb: ComponentHealth; coreDb: ComponentHealth; jobQueue: ComponentHealth };
}

async function timed(fn: () => Promise<Record<string, unknown> | undefined>): Promise<ComponentHealth> {
  const t0 = performance.now();
  try {
    const detail = await fn();
    return { ok: true, latencyMs: Math.round(performance.now() - t0), detail };
  } catch (error) {
    // Error class only: driver messages can carry hostnames or role names.
    return { ok: false, latencyMs: Math.round(performance.now() - t0), error: error instanceof Error ? error.name : 'Error' };
  }
}

/** Runs all checks in parallel. */
export async function checkHealth(): Promise<HealthReport> {
  const [identityDb, coreDb, jobQueue] = await Promise.all([
    timed(async () => {
      await withIdentityUnscoped((tx) => tx.$queryRaw`SELECT 1`);
      return undefined;
    }),
    timed(async () => {
      await withCoreUnscoped((tx) => tx.$queryRaw`SELECT 1`);
      return undefined;
    }),
    timed(async () => {
      const boss = await getBoss();
      await boss.send('system.ping', { sentAt: new Date().toISOString() }, { retentionSeconds: 300 } as never);
      const queued = await boss.getQueueSize('system.ping');
      return { pendingPings: queued };
    }),
  ]);
  return { ok: identityDb.ok && coreDb.ok && jobQueue.ok, checkedAt: new Date().toISOString(), components: { identityDb, coreDb, jobQueue } };
}
