/**
 * Chaos with a database restart: four fresh tenants' platform receivers (a web process's
 * /api/webhooks/periodic, dedupe table `received_webhooks`) sits behind a proxy failing ~30 % of
 * calls (500 / hang past the 3 s timeout / reset, half of them after the receiver processed the
 * event). Three worker processes deliver; one is SIGKILLed and replaced; then PostgreSQL itself is
 * restarted under every process. Nobody restarts the web server or the other workers: they must
 * recover alone. Every event must end received exactly once, or dead-lettered with an alert.
 */
import { randomBytes } from 'node:crypto';
import type { ChildProcess } from 'node:child_process';
import type { Drill, VerifyContext } from '../drill.ts';
import { startCluster } from '../cluster.ts';
import { startChaosProxy } from '../webhook-receivers.ts';
import { deliveryCountsOf, waitForSettled } from '../delivery-progress.ts';
import { waitForHttp } from '../../lib/processes.ts';
import { pgConfigFromUrl } from '../../../lib/db/pg-url.ts';

// The 10,000 events in the full profile: measured ~5 min on the 2-core build machine
// (whole full verify 14.2 min including the web build); short ~1 min. VERIFY_CHAOS_EVENTS overrides.
const VOLUMES = {
  full: { events: Number(process.env.VERIFY_CHAOS_EVENTS ?? 10_000), drainTimeoutMs: 900_000 },
  short: { events: Number(process.env.VERIFY_CHAOS_EVENTS ?? 400), drainTimeoutMs: 240_000 },
} as const;
/** Past the sender's 3 s timeout. */
const HANG_MS = 3500;
/** Several tenants (endpoints): one endpoint's claims are serialised by its advisory lock. */
const TENANTS = 4;

const alive = (c: ChildProcess) => c.exitCode === null && c.signalCode === null;

async function waitForDelivered(tenantIds: string[], atLeast: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const c = await deliveryCountsOf(tenantIds).catch(() => undefined);
    if (c && c.delivered >= atLeast) {
      return;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`fewer than ${atLeast} deliveries after ${Math.round(timeoutMs / 1000)} s`);
}

/**
 * Other test runs connected to the same server (their `pt_*` databases have sessions): restarting
 * the server would break them, e.g. a vitest run or a second verify sharing the machine's
 * PostgreSQL. Stale databases without sessions do not count.
 */
async function otherRunsOnServer(ctx: VerifyContext): Promise<string[]> {
  const pg = (await import('pg')).default;
  const client = new pg.Client(pgConfigFromUrl(ctx.stack.env.TEST_SERVER_ADMIN_URL!));
  await client.connect();
  try {
    const prefix = ctx.stack.env.TEST_DB_PREFIX!;
    const r = await client.query<{ datname: string }>(
      `SELECT DISTINCT datname FROM pg_stat_activity WHERE datname LIKE 'pt\\_%' AND datname NOT IN ($1, $2)`,
      [`${prefix}_identity`, `${prefix}_core`],
    );
    return r.rows.map((row) => row.datname);
  } finally {
    await client.end();
  }
}

/** Restarts PostgreSQL and measures how long the server was away and the web app took to answer again. */
async function restartDatabase(ctx: VerifyContext): Promise<{ serverMs: number; webHealthyAfterMs: number; backAt: number }> {
  const t = Date.now();
  await ctx.stack.restartDatabaseServer();
  const backAt = Date.now();
  await waitForHttp(`${ctx.stack.baseUrl}/api/health`, 120_000);
  return { serverMs: backAt - t, webHealthyAfterMs: Date.now() - backAt, backAt };
}

export const chaosRestartDrill: Drill = {
  id: 'chaos-restart',
  title: 'Chaos: ~30 % receiver faults (500 / hang / reset), a worker SIGKILLed, PostgreSQL restarted mid-run → 0 lost, 0 duplicate effects, recovers alone',
  checklist: 4,
  async run(ctx) {
    const { provisionTenant } = await import('../../lib/provision-tenant.ts');
    const { registerPlatformReceiver } = await import('../../../lib/platform/register-platform-receiver.ts');
    const { emitTestEvents } = await import('../../../lib/webhooks/testing/test-events.ts');
    const { withCoreTenant, withIdentityTenant } = await import('../../../lib/db/tenant-scope.ts');
    const volumes = VOLUMES[ctx.profile];
    const busy = await otherRunsOnServer(ctx);
    if (busy.length > 0) {
      return { ok: false, figure: `not run: ${busy.length} other test databases in use on this PostgreSQL; a restart would break those runs`, evidence: { otherDatabasesInUse: busy.length, hint: 'run verify on a private server (TEST_EMBEDDED_PG_PORT, or TEST_DATABASE_URL of an unshared cluster)' } };
    }
    const started = Date.now();
    const proxy = await startChaosProxy(`${ctx.stack.baseUrl}/api/webhooks/periodic`, { faultRate: 0.3, hangMs: HANG_MS });
    const tenantIds: string[] = [];
    for (let i = 0; i < TENANTS; i += 1) {
      const tenantId = await provisionTenant(ctx.stack.urls, `verify-chaos-${randomBytes(3).toString('hex')}`, `Verify chaos clinic ${i + 1}`);
      await registerPlatformReceiver(tenantId, { url: proxy.url });
      tenantIds.push(tenantId);
    }
    const sinksBefore = ctx.alerts.slack.received.length + ctx.alerts.pagerduty.received.length + ctx.alerts.datadog.received.length;
    // Hung calls hold a per-endpoint slot for the whole 3 s timeout; a higher cap on the extra
    // workers keeps one faulty endpoint from stretching the drill to many minutes.
    const cluster = await startCluster(ctx.stack, { workers: 2, env: { WEBHOOK_ENDPOINT_CONCURRENCY: '40' } });
    try {
      const victim = cluster.workers()[0]!;
      const perTenant = await Promise.all(tenantIds.map((id) => emitTestEvents(id, Math.round(volumes.events / TENANTS))));
      const eventIds = perTenant.flat();
      const emittedAt = Date.now();

      await waitForDelivered(tenantIds, Math.round(volumes.events * 0.25), volumes.drainTimeoutMs);
      victim.kill('SIGKILL');
      await new Promise((resolve) => victim.once('exit', resolve));
      await new Promise((r) => setTimeout(r, 2000));
      cluster.addWorker();

      await waitForDelivered(tenantIds, Math.round(volumes.events * 0.5), volumes.drainTimeoutMs);
      const joined = await otherRunsOnServer(ctx);
      if (joined.length > 0) {
        throw new Error(`${joined.length} other test databases came into use on this PostgreSQL; not restarting it under them`);
      }
      const restart = await restartDatabase(ctx);
      const { counts, settledAt } = await waitForSettled(tenantIds, eventIds.length, volumes.drainTimeoutMs);

      const receivedKeys: string[] = [];
      const dead: Array<{ id: string; eventId: string }> = [];
      const alerted = new Set<string | null>();
      for (const tenantId of tenantIds) {
        receivedKeys.push(...(await withIdentityTenant(tenantId, (tx) => tx.receivedWebhook.findMany({ where: { tenantId }, select: { idempotencyKey: true } }))).map((r) => r.idempotencyKey));
        dead.push(...(await withCoreTenant(tenantId, (tx) => tx.delivery.findMany({ where: { tenantId, status: 'dead' }, select: { id: true, eventId: true } }))));
        for (const a of await withCoreTenant(tenantId, (tx) => tx.alert.findMany({ where: { kind: 'dead_letter' }, select: { deliveryId: true } }))) {
          alerted.add(a.deliveryId);
        }
      }
      const received = new Set(receivedKeys);
      const deadEvents = new Set(dead.map((d) => d.eventId));
      const lost = eventIds.filter((id) => !received.has(id) && !deadEvents.has(id)).length;
      const deadWithoutAlert = dead.filter((d) => !alerted.has(d.id)).length;
      const duplicateSideEffects = receivedKeys.length - received.size;
      // Sinks are alerted asynchronously (alert.send job); give them a moment after the last dead letter.
      await new Promise((r) => setTimeout(r, dead.length > 0 ? 3000 : 0));
      const sinkAlerts = ctx.alerts.slack.received.length + ctx.alerts.pagerduty.received.length + ctx.alerts.datadog.received.length - sinksBefore;
      const survivors = { web: alive(ctx.stack.processes.web), stackWorker: alive(ctx.stack.processes.worker), otherWorkers: cluster.workers().length };
      const recovered = survivors.web && survivors.stackWorker && survivors.otherWorkers === 2;
      const drainSeconds = Math.round((settledAt - restart.backAt) / 1000);
      const ok = lost === 0 && duplicateSideEffects === 0 && deadWithoutAlert === 0 && (dead.length === 0 || sinkAlerts > 0) && recovered && counts.total === eventIds.length && proxy.stats.faults / proxy.stats.calls > 0.2;
      return {
        ok,
        figure: `${volumes.events.toLocaleString('en-US')} events, ${Math.round((100 * proxy.stats.faults) / proxy.stats.calls)} % faults, worker killed, PostgreSQL restarted → ${lost} lost, ${duplicateSideEffects} duplicates, ${dead.length} dead-lettered (all alerted: ${deadWithoutAlert === 0}); drained ${drainSeconds} s after restart`,
        evidence: {
          events: eventIds.length,
          tenants: TENANTS,
          eventsWrittenLikeBooking: true,
          delivered: counts.delivered,
          deadLettered: dead.length,
          deadWithoutAlert,
          sinkAlerts,
          lost,
          duplicateSideEffects,
          receivedRows: receivedKeys.length,
          recordedAttempts: counts.attempts,
          proxy: proxy.stats,
          databaseRestart: { serverDownMs: restart.serverMs, webHealthyAfterMs: restart.webHealthyAfterMs },
          processesAliveAtEnd: survivors,
          manualRestarts: 0,
          secondsToEmit: Math.round((emittedAt - started) / 1000),
          drainSecondsAfterDatabaseRestart: drainSeconds,
          totalSeconds: Math.round((settledAt - started) / 1000),
        },
      };
    } finally {
      await cluster.stop();
      await proxy.close();
    }
  },
};
