/**
 * Extra web and worker processes against the verify stack's databases, with the stack's env —
 * what "run as many of each as needed against one PostgreSQL" means in practice. Each process logs
 * to its own file under test-results/logs/ (added to the stack's log list for the PHI scan).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { E2E_LOG_DIR, type E2EStack } from '../lib/e2e-stack.ts';
import { spawnWeb, spawnWorker, stopChild, waitForHttp } from '../lib/processes.ts';

export interface Cluster {
  /** Base URLs of the extra web servers (the stack's own is `stack.baseUrl`). */
  webUrls: string[];
  /** Starts one more worker process; returns it (e.g. to SIGKILL it). */
  addWorker(): ChildProcess;
  /** Live extra workers. */
  workers(): ChildProcess[];
  /** Stops every process this cluster started (SIGTERM, then SIGKILL). */
  stop(): Promise<void>;
}

let sequence = 0;

function logTo(stack: E2EStack, child: ChildProcess, name: string): void {
  fs.mkdirSync(E2E_LOG_DIR, { recursive: true });
  const file = path.join(E2E_LOG_DIR, `${name}.log`);
  const out = fs.createWriteStream(file, { flags: 'a' });
  child.stdout?.pipe(out);
  child.stderr?.pipe(out);
  if (!stack.logFiles.includes(file)) {
    stack.logFiles.push(file);
  }
}

/**
 * Starts `webPorts.length` extra web servers (waiting for /api/health) and `workers` extra worker
 * processes. `env` overrides the stack's env for the new processes only.
 */
export async function startCluster(stack: E2EStack, opts: { webPorts?: number[]; workers?: number; env?: Record<string, string> }): Promise<Cluster> {
  const env = { ...stack.env, ...opts.env };
  const children: ChildProcess[] = [];
  const workerChildren: ChildProcess[] = [];
  const id = (sequence += 1);
  const addWorker = (): ChildProcess => {
    const child = spawnWorker(env, { stdio: 'pipe', name: `worker-${id}-${workerChildren.length + 1}` });
    logTo(stack, child, `worker-${id}-${workerChildren.length + 1}`);
    children.push(child);
    workerChildren.push(child);
    return child;
  };
  const webUrls: string[] = [];
  try {
    for (const port of opts.webPorts ?? []) {
      const child = spawnWeb(port, env, { stdio: 'pipe' });
      logTo(stack, child, `web-${port}`);
      children.push(child);
      webUrls.push(`http://localhost:${port}`);
    }
    await Promise.all(webUrls.map((u) => waitForHttp(`${u}/api/health`, 120_000)));
  } catch (error) {
    await Promise.all(children.map((c) => stopChild(c)));
    throw error;
  }
  for (let i = 0; i < (opts.workers ?? 0); i += 1) {
    addWorker();
  }
  return {
    webUrls,
    addWorker,
    workers: () => workerChildren.filter((c) => c.exitCode === null && c.signalCode === null),
    async stop() {
      await Promise.all(children.map((c) => stopChild(c)));
    },
  };
}
