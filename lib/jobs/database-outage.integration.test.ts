/**
 * Recovery: the real worker process (scripts/worker.ts) keeps running through a PostgreSQL restart
 * and consumes jobs again afterwards, with nobody restarting it. Uses a private embedded server
 * (own port and data dir) so the shared test server is never restarted under other test files.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes, randomUUID } from 'node:crypto';
import PgBoss from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedPostgres, type EmbeddedServer } from '../../scripts/lib/embedded-postgres.ts';
import { setupDatabases, type DbUrls } from '../../scripts/db/setup.ts';
import { pgConfigFromUrl } from '../db/pg-url.ts';
import { PGBOSS_SCHEMA } from '../../jobs/queue-definitions.ts';
import { isDatabaseOutageError } from './database-outage.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const PORT = 54_400 + Math.floor(Math.random() * 500);
let server: EmbeddedServer;
let urls: DbUrls;
let worker: ChildProcess;
const spawned: ChildProcess[] = [];
let sender: PgBoss;
let dataDir: string;

function spawnWorker(): ChildProcess {
  const child = spawn(process.execPath, ['--experimental-wasm-modules', '--no-warnings', '--import', 'tsx', 'scripts/worker.ts'], {
    cwd: ROOT,
    env: { ...process.env, IDENTITY_DATABASE_URL: urls.identityApp, CORE_DATABASE_URL: urls.coreApp, PERIODIC_PROCESS: 'worker', LOG_LEVEL: 'warn', PGBOSS_MAINTENANCE_SECONDS: '2' },
    stdio: ['ignore', process.env.OUTAGE_TEST_WORKER_LOG ? fs.openSync(process.env.OUTAGE_TEST_WORKER_LOG, 'a') : 'ignore', 'inherit'],
  });
  spawned.push(child);
  return child;
}

function startSender(): Promise<PgBoss> {
  const boss = new PgBoss({ ...pgConfigFromUrl(urls.coreApp), schema: PGBOSS_SCHEMA, migrate: false, supervise: false, schedule: false, max: 2 } as PgBoss.ConstructorOptions);
  boss.on('error', () => {});
  return boss.start();
}

async function pingCompleted(boss: PgBoss, timeoutMs: number): Promise<boolean> {
  const id = await boss.send('system.ping', { sentAt: new Date().toISOString() });
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const job = id ? await boss.getJobById('system.ping', id).catch(() => null) : null;
    if (job?.state === 'completed') {
      return true;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return false;
}

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'periodic-outage-'));
  fs.chmodSync(dataDir, 0o777);
  server = await startEmbeddedPostgres({ dataDir, port: PORT, password: randomBytes(12).toString('hex') });
  const appPassword = randomBytes(12).toString('base64url');
  urls = await setupDatabases({ identityAdminUrl: server.adminUrl, coreAdminUrl: server.adminUrl, prefix: 'outage', appPassword });
  worker = spawnWorker();
  sender = await startSender();
}, 120_000);

afterAll(async () => {
  for (const child of spawned) {
    child.kill('SIGKILL');
  }
  await sender?.stop({ graceful: false, wait: true }).catch(() => {});
  await server?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('worker through a PostgreSQL restart', () => {
  it('stays up and consumes jobs again without being restarted', async () => {
    expect(await pingCompleted(sender, 30_000)).toBe(true);
    // Keep jobs flowing while the server goes away, so handlers and completions race the shutdown.
    // Deliveries of unknown ids make the handler query the database (then skip as 'missing').
    let flowing = true;
    const flow = (async () => {
      while (flowing) {
        await sender.send('system.ping', { sentAt: new Date().toISOString() }).catch(() => {});
        const deliveries = Array.from({ length: 20 }, () => ({ name: 'webhook.deliver', data: { tenantId: randomUUID(), deliveryId: randomUUID(), attempt: 1 } }));
        await sender.insert(deliveries).catch(() => {});
        // The ping queue drains ~2 jobs/s; a bigger backlog would only delay the final check.
        await new Promise((r) => setTimeout(r, 300));
      }
    })();
    await new Promise((r) => setTimeout(r, 1500));
    await server.restart();
    await new Promise((r) => setTimeout(r, 3000));
    flowing = false;
    await flow;
    expect(worker.exitCode).toBeNull();
    expect(worker.signalCode).toBeNull();
    expect(await pingCompleted(sender, 60_000)).toBe(true);
    expect(worker.exitCode).toBeNull();
  }, 120_000);

  it('a worker started while the database is down waits for it, then consumes', async () => {
    worker.kill('SIGKILL');
    await server.stop();
    const late = spawnWorker();
    await new Promise((r) => setTimeout(r, 5000));
    expect(late.exitCode).toBeNull();
    await server.restart();
    // Only the late worker is left to consume the ping.
    expect(await pingCompleted(sender, 60_000)).toBe(true);
    expect(late.exitCode).toBeNull();
  }, 120_000);
});

describe('isDatabaseOutageError', () => {
  it('accepts lost or refused connections and rejects ordinary errors', () => {
    expect(isDatabaseOutageError(Object.assign(new Error('the database system is shutting down'), { code: '57P03' }))).toBe(true);
    expect(isDatabaseOutageError(Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }))).toBe(true);
    expect(isDatabaseOutageError(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }))).toBe(true);
    expect(isDatabaseOutageError(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isDatabaseOutageError(Object.assign(new Error('duplicate key value'), { code: '23505' }))).toBe(false);
    expect(isDatabaseOutageError(new TypeError('x is undefined'))).toBe(false);
    expect(isDatabaseOutageError('string')).toBe(false);
  });
});
