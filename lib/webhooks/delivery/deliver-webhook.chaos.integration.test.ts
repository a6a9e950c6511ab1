/**
 * Chaos: 1,000 events to the platform's real receiver (signature check + received_webhooks
 * dedupe) behind a proxy that, on ≈30 % of calls, returns 500, hangs past the timeout or resets
 * the connection — sometimes AFTER the receiver processed the event, so redeliveries must be
 * deduped. Two spawned worker processes (scripts/worker.ts) deliver; one is killed with SIGKILL
 * mid-run and restarted. Every event must end received exactly once, or dead-lettered and alerted.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type PgBoss from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSlackStandin } from '../../../test/standins/slack-standin.ts';
import type { AlertStandin } from '../../../test/standins/alert-standin-server.ts';
import { createTestTenant } from '../../../test/support/test-tenant.ts';
import { withCoreTenant, withIdentityTenant } from '../../db/tenant-scope.ts';
import { receivePeriodicWebhook } from '../../platform/receive-periodic-webhook.ts';
import { registerPlatformReceiver } from '../../platform/register-platform-receiver.ts';
import { emitTestEvents } from '../testing/test-events.ts';
import { startTestWorker } from '../testing/test-worker.ts';

const EVENTS = 1000;
const ROOT = path.resolve(import.meta.dirname, '../../..');
const WORKER_ENV = {
  WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true',
  WEBHOOK_RETRY_BASE_MS: '100',
  WEBHOOK_TIMEOUT_MS: '1000',
  WEBHOOK_MAX_ATTEMPTS: '5',
  WEBHOOK_ENDPOINT_CONCURRENCY: '20',
  WEBHOOK_WORKER_CONCURRENCY: '12',
  LOG_LEVEL: 'warn',
};
Object.assign(process.env, WORKER_ENV);

let tenantId = '';
let proxy: Server;
let proxyUrl = '';
let slack: AlertStandin;
let maintenance: PgBoss;
const workers: ChildProcess[] = [];
const stats = { calls: 0, chaos: 0, processedThenFailed: 0 };

function spawnWorker(): ChildProcess {
  const child = spawn(process.execPath, ['--experimental-wasm-modules', '--no-warnings', '--import', 'tsx', 'scripts/worker.ts'], {
    cwd: ROOT,
    env: { ...process.env, ...WORKER_ENV, PERIODIC_PROCESS: 'worker' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  workers.push(child);
  return child;
}

async function startChaosProxy(): Promise<void> {
  proxy = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      stats.calls += 1;
      const rawBody = Buffer.concat(chunks).toString('utf8');
      const headers = new Headers(Object.entries(req.headers).map(([k, v]): [string, string] => [k, Array.isArray(v) ? v.join(',') : (v ?? '')]));
      const roll = Math.random();
      const chaos = roll < 0.3;
      const processFirst = Math.random() < 0.5;
      void (async () => {
        if (chaos) {
          stats.chaos += 1;
          if (processFirst) {
            await receivePeriodicWebhook({ headers, rawBody }).catch(() => undefined);
            stats.processedThenFailed += 1;
          }
          if (roll < 0.1) {
            res.writeHead(500).end('chaos');
          } else if (roll < 0.2) {
            // hang past the sender's timeout, then drop
            setTimeout(() => req.socket.destroy(), 2500);
          } else {
            req.socket.destroy();
          }
          return;
        }
        const result = await receivePeriodicWebhook({ headers, rawBody }).catch(() => ({ status: 503, body: { ok: false } }));
        res.writeHead(result.status, { 'content-type': 'application/json' }).end(JSON.stringify(result.body));
      })();
    });
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}/api/webhooks/periodic`;
}

async function counts(eventIds: string[]) {
  const deliveries = await withCoreTenant(tenantId, (tx) =>
    tx.delivery.findMany({ where: { eventId: { in: eventIds } }, select: { id: true, eventId: true, status: true, attempts: true } }),
  );
  return deliveries;
}

beforeAll(async () => {
  slack = await startSlackStandin();
  process.env.ALERT_SLACK_WEBHOOK_URL = slack.url;
  ({ id: tenantId } = await createTestTenant('whchaos'));
  await startChaosProxy();
  await registerPlatformReceiver(tenantId, { url: proxyUrl });
  // Maintenance only (expiry of jobs held by the killed worker); the spawned workers deliver.
  maintenance = await startTestWorker({ subscribe: false, maintenanceIntervalSeconds: 2 });
});

afterAll(async () => {
  for (const w of workers) {
    if (w.exitCode === null && w.signalCode === null) {
      w.kill('SIGTERM');
    }
  }
  await maintenance?.stop({ graceful: false, wait: true });
  proxy?.closeAllConnections();
  await new Promise<void>((resolve) => proxy?.close(() => resolve()));
  await slack?.close();
});

describe('chaos: 1,000 events, 30 % faults, a worker SIGKILLed mid-run', () => {
  it('delivers every event exactly once or dead-letters and alerts it; loses none', async () => {
    const started = Date.now();
    const victim = spawnWorker();
    spawnWorker();
    const eventIds = await emitTestEvents(tenantId, EVENTS);
    expect(eventIds).toHaveLength(EVENTS);

    // Kill one worker with SIGKILL once deliveries are well under way, then restart it.
    for (;;) {
      const settled = (await counts(eventIds)).filter((d) => d.status === 'delivered').length;
      if (settled >= EVENTS * 0.25) {
        break;
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    victim.kill('SIGKILL');
    await new Promise((resolve) => victim.once('exit', resolve));
    const killedAt = Date.now();
    await new Promise((r) => setTimeout(r, 2000));
    spawnWorker();

    let final: Awaited<ReturnType<typeof counts>> = [];
    for (;;) {
      final = await counts(eventIds);
      const open = final.filter((d) => d.status !== 'delivered' && d.status !== 'dead');
      if (open.length === 0) {
        break;
      }
      if (Date.now() - started > 240_000) {
        throw new Error(`still open after 240 s: ${open.length} (${[...new Set(open.map((d) => d.status))].join(',')})`);
      }
      await new Promise((r) => setTimeout(r, 500));
    }

    const received = await withIdentityTenant(tenantId, (tx) =>
      tx.receivedWebhook.findMany({ where: { tenantId }, select: { idempotencyKey: true } }),
    );
    const receivedKeys = new Set(received.map((r) => r.idempotencyKey));
    const delivered = final.filter((d) => d.status === 'delivered');
    const dead = final.filter((d) => d.status === 'dead');
    const alerts = await withCoreTenant(tenantId, (tx) => tx.alert.findMany({ where: { kind: 'dead_letter' }, select: { deliveryId: true } }));
    const alerted = new Set(alerts.map((a) => a.deliveryId));

    // One delivery per event; one dedupe row per received event (PK ⇒ exactly once).
    expect(final).toHaveLength(EVENTS);
    expect(received.length).toBe(receivedKeys.size);
    for (const d of delivered) {
      expect(receivedKeys.has(d.eventId)).toBe(true);
    }
    for (const d of dead) {
      expect(alerted.has(d.id)).toBe(true);
    }
    const lost = eventIds.filter((id) => !receivedKeys.has(id) && !dead.some((d) => d.eventId === id));
    expect(lost).toEqual([]);
    if (dead.length > 0) {
      expect(slack.received.some((r) => JSON.stringify(r.body).includes('dead-lettered'))).toBe(true);
    }
    const attempts = final.reduce((s, d) => s + d.attempts, 0);
    console.log(
      JSON.stringify({
        events: EVENTS,
        delivered: delivered.length,
        dead: dead.length,
        receivedRows: received.length,
        httpCalls: stats.calls,
        chaosCalls: stats.chaos,
        processedThenFailed: stats.processedThenFailed,
        recordedAttempts: attempts,
        seconds: Math.round((Date.now() - started) / 1000),
        secondsAfterKill: Math.round((Date.now() - killedAt) / 1000),
      }),
    );
    expect(stats.chaos / stats.calls).toBeGreaterThan(0.2);
  }, 300_000);
});
