/**
 * Starts N worker processes for one bench measurement and stops them again: the real
 * `scripts/worker.ts`, or the bare no-op pg-boss worker that is its baseline. Each process's
 * output goes to test-results/logs/bench-<kind>-<i>.log; a fleet counts as ready when every
 * process has printed its start line (subscriptions made), so boot time never enters a figure.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { E2E_LOG_DIR } from '../lib/e2e-stack.ts';
import { ROOT } from '../lib/launch-env.ts';
import { stopChild } from '../lib/processes.ts';

export type FleetKind = 'worker' | 'noop';

const NODE_FLAGS = ['--experimental-wasm-modules', '--no-warnings=ExperimentalWarning', '--import', 'tsx'];
const SCRIPT: Record<FleetKind, string> = {
  worker: path.join(ROOT, 'scripts', 'worker.ts'),
  noop: path.join(ROOT, 'scripts', 'bench', 'noop-worker.ts'),
};
/** The line each kind prints once its subscriptions are made. */
const READY_TEXT: Record<FleetKind, string> = { worker: 'worker started', noop: 'noop worker started' };

export interface WorkerFleet {
  size: number;
  stop(): Promise<void>;
}

function startOne(kind: FleetKind, index: number, env: Record<string, string>): { child: ChildProcess; ready: Promise<void> } {
  const child = spawn(process.execPath, [...NODE_FLAGS, SCRIPT[kind]], {
    cwd: ROOT,
    env: { ...process.env, ...env, PERIODIC_PROCESS: `bench-${kind}-${index}` },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  fs.mkdirSync(E2E_LOG_DIR, { recursive: true });
  const log = fs.createWriteStream(path.join(E2E_LOG_DIR, `bench-${kind}-${index}.log`), { flags: 'a' });
  child.stderr?.pipe(log);
  const ready = new Promise<void>((resolve, reject) => {
    let seen = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      log.write(chunk);
      if (seen !== 'done') {
        seen = (seen + chunk.toString('utf8')).slice(-4096);
        if (seen.includes(READY_TEXT[kind])) {
          seen = 'done';
          resolve();
        }
      }
    });
    child.once('exit', (code) => reject(new Error(`bench ${kind} ${index} exited (${code}) before it was ready`)));
  });
  return { child, ready };
}

/** Starts `size` processes of `kind` and resolves once all are subscribed. */
export async function startFleet(kind: FleetKind, size: number, env: Record<string, string> = {}): Promise<WorkerFleet> {
  const started = Array.from({ length: size }, (_, i) => startOne(kind, i + 1, env));
  const stop = async () => {
    await Promise.all(started.map((s) => stopChild(s.child)));
  };
  try {
    await Promise.race([
      Promise.all(started.map((s) => s.ready)),
      new Promise((_, reject) => setTimeout(() => reject(new Error(`bench ${kind} fleet not ready within 90 s`)), 90_000)),
    ]);
  } catch (error) {
    await stop();
    throw error;
  }
  return { size, stop };
}
