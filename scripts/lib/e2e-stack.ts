/**
 * A complete running Periodic for browser tests: fresh test databases, the demo seed, the built
 * web app and a worker, with every process's output captured under test-results/logs/ (the PHI
 * log scan reads these files).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { createTestDatabases } from '../../test/support/test-databases.ts';
import type { DbUrls } from '../db/setup.ts';
import { buildIfNeeded } from './build-if-needed.ts';
import { spawnWeb, spawnWorker, stopChild, waitForHttp } from './processes.ts';
import { ROOT } from './launch-env.ts';

export const E2E_LOG_DIR = path.join(ROOT, 'test-results', 'logs');

export interface E2EStack {
  baseUrl: string;
  urls: DbUrls;
  env: Record<string, string>;
  logFiles: string[];
  /** The stack's own processes (drills check they survived, e.g. a database restart). */
  processes: { web: ChildProcess; worker: ChildProcess };
  /** Restarts the PostgreSQL server under the stack (chaos drills); the app must recover alone. */
  restartDatabaseServer(): Promise<void>;
  stop(): Promise<void>;
}

function pipeToFile(child: ChildProcess, file: string): void {
  const out = fs.createWriteStream(file, { flags: 'a' });
  child.stdout?.pipe(out);
  child.stderr?.pipe(out);
}

/** Starts the stack on `port`; `extraEnv` tunes timeouts etc. for the tests. */
export async function startE2EStack(opts: { port: number; extraEnv?: Record<string, string>; log?: (m: string) => void }): Promise<E2EStack> {
  const log = opts.log ?? (() => {});
  const dbs = await createTestDatabases({ label: 'e2e' });
  const baseUrl = `http://localhost:${opts.port}`;
  const env: Record<string, string> = {
    ...dbs.env,
    APP_URL: baseUrl,
    NEXTAUTH_URL: baseUrl,
    WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true',
    ...opts.extraEnv,
  };
  Object.assign(process.env, env);
  const { seedDemo } = await import('../seed-demo.ts');
  await seedDemo(dbs.urls);
  log('seeded demo clinic into fresh test databases');
  buildIfNeeded(log);

  fs.mkdirSync(E2E_LOG_DIR, { recursive: true });
  const webLog = path.join(E2E_LOG_DIR, 'web.log');
  const workerLog = path.join(E2E_LOG_DIR, 'worker.log');
  const web = spawnWeb(opts.port, env, { stdio: 'pipe' });
  const worker = spawnWorker(env, { stdio: 'pipe' });
  pipeToFile(web, webLog);
  pipeToFile(worker, workerLog);
  try {
    await waitForHttp(`${baseUrl}/api/health`, 120_000);
  } catch (error) {
    // Never leave orphans behind (a web server still holding the port, a worker, test databases).
    await Promise.all([stopChild(web), stopChild(worker)]);
    await dbs.drop();
    throw error;
  }
  log(`e2e stack ready at ${baseUrl}`);
  return {
    baseUrl,
    urls: dbs.urls,
    env,
    logFiles: [webLog, workerLog],
    processes: { web, worker },
    restartDatabaseServer: () => dbs.server.restart(),
    async stop() {
      await Promise.all([stopChild(web), stopChild(worker)]);
      await dbs.drop();
    },
  };
}
