/**
 * Spawns the web server and the worker as child processes and tears everything down together,
 * so Ctrl-C never leaves an orphan behind.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { ROOT } from './launch-env.ts';

const NODE_FLAGS = ['--experimental-wasm-modules', '--no-warnings=ExperimentalWarning', '--import', 'tsx'];

/**
 * The web server (scripts/web-server.ts: Next.js behind our own http server, which decides the
 * client address) on `port` with the given env.
 */
export function spawnWeb(port: number, env: Record<string, string>, opts: { dev?: boolean; stdio?: 'inherit' | 'pipe' } = {}): ChildProcess {
  const args = [...NODE_FLAGS, path.join(ROOT, 'scripts', 'web-server.ts'), String(port), ...(opts.dev ? ['--dev'] : [])];
  return spawn(process.execPath, args, {
    cwd: ROOT,
    env: {
      ...process.env,
      ...env,
      NODE_ENV: opts.dev ? 'development' : 'production',
      PERIODIC_PROCESS: 'web',
      NEXT_TELEMETRY_DISABLED: '1',
    },
    stdio: opts.stdio ?? 'inherit',
  });
}

/** The pg-boss worker process. */
export function spawnWorker(env: Record<string, string>, opts: { stdio?: 'inherit' | 'pipe'; name?: string } = {}): ChildProcess {
  return spawn(process.execPath, [...NODE_FLAGS, path.join(ROOT, 'scripts', 'worker.ts')], {
    cwd: ROOT,
    env: { ...process.env, ...env, PERIODIC_PROCESS: opts.name ?? 'worker' },
    stdio: opts.stdio ?? 'inherit',
  });
}

/** Sends SIGTERM (then SIGKILL after `graceMs`) and waits for exit. */
export async function stopChild(child: ChildProcess, graceMs = 10_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return;
  }
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

/** Polls `url` until it answers 2xx or `timeoutMs` passes. */
export async function waitForHttp(url: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError = '';
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url);
      if (res.ok) {
        return;
      }
      lastError = `HTTP ${res.status}`;
    } catch (error) {
      lastError = error instanceof Error ? error.message : String(error);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} did not become ready: ${lastError}`);
}
