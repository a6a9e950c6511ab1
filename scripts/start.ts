/**
 * `npm start`: one command from a fresh clone to a running Periodic.
 *  1. PostgreSQL: DATABASE_URL (admin URL) if set, else the embedded server under .data/.
 *  2. Setup: databases, least-privilege roles, migrations, pg-boss queues (idempotent).
 *  3. Seed the demo clinic (idempotent) and print its sign-ins.
 *  4. Build the web app if needed, then run the web server (:3000) and the job worker.
 * Ctrl-C stops the web server, the worker and the embedded PostgreSQL.
 */
import { prepareLaunch } from './lib/launch-env.ts';
import { buildIfNeeded } from './lib/build-if-needed.ts';
import { spawnWeb, spawnWorker, stopChild } from './lib/processes.ts';
import { redactUrl } from '../lib/db/pg-url.ts';

const log = (m: string) => console.log(`[periodic] ${m}`);
const dev = process.argv.includes('--dev');
const port = Number(process.env.PORT ?? 3000);

const launch = await prepareLaunch({ log });
log(`databases ready on ${redactUrl(launch.server.adminUrl)} (${launch.server.embedded ? 'embedded PostgreSQL in .data/pg' : 'DATABASE_URL'})`);
Object.assign(process.env, launch.appEnv);

const { seedDemo, demoLoginLines } = await import('./seed-demo.ts');
const seeded = await seedDemo(launch.urls);
log(seeded.created ? 'seeded the demo clinic' : 'demo clinic already seeded');
for (const line of demoLoginLines()) {
  log(line);
}

if (!dev) {
  buildIfNeeded(log);
}
const web = spawnWeb(port, launch.appEnv, { dev });
const worker = spawnWorker(launch.appEnv);
log(`serving http://localhost:${port}  (health: http://localhost:${port}/api/health)`);

let stopping = false;
async function shutdown(code: number): Promise<void> {
  if (stopping) {
    return;
  }
  stopping = true;
  log('stopping…');
  await Promise.all([stopChild(web), stopChild(worker)]);
  await launch.server.stop();
  log('stopped');
  process.exit(code);
}
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));
web.on('exit', (code) => void shutdown(code ?? 1));
worker.on('exit', (code) => {
  if (!stopping) {
    log(`worker exited (${code}); stopping`);
    void shutdown(code ?? 1);
  }
});
