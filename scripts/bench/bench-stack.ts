/**
 * The bench's stack: fresh test databases and the built web server, and no resident worker —
 * each suite runs the worker processes it measures (see scripts/bench/worker-fleet.ts), so the
 * 1-, 2- and 3-process figures are not blurred by a worker nobody asked for.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createTestDatabases } from '../../test/support/test-databases.ts';
import { buildIfNeeded } from '../lib/build-if-needed.ts';
import { E2E_LOG_DIR } from '../lib/e2e-stack.ts';
import { spawnWeb, stopChild, waitForHttp } from '../lib/processes.ts';

export interface BenchStack {
  baseUrl: string;
  stop(): Promise<void>;
}

/** Creates the databases, puts their env into process.env (suites and fleets read it), serves on `port`. */
export async function startBenchStack(opts: { port: number; extraEnv?: Record<string, string>; log: (m: string) => void }): Promise<BenchStack> {
  const dbs = await createTestDatabases({ label: 'bench' });
  const baseUrl = `http://localhost:${opts.port}`;
  Object.assign(process.env, dbs.env, { APP_URL: baseUrl, NEXTAUTH_URL: baseUrl, WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true', ...opts.extraEnv });
  try {
    buildIfNeeded(opts.log);
  } catch (error) {
    await dbs.drop();
    throw error;
  }
  fs.mkdirSync(E2E_LOG_DIR, { recursive: true });
  const web = spawnWeb(opts.port, {}, { stdio: 'pipe' });
  const out = fs.createWriteStream(path.join(E2E_LOG_DIR, 'bench-web.log'), { flags: 'a' });
  web.stdout?.pipe(out);
  web.stderr?.pipe(out);
  const stop = async () => {
    await stopChild(web);
    await dbs.drop();
  };
  try {
    await waitForHttp(`${baseUrl}/api/health`, 120_000);
  } catch (error) {
    await stop();
    throw error;
  }
  opts.log(`bench stack ready at ${baseUrl}`);
  return { baseUrl, stop };
}
