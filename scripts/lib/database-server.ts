/**
 * Where the databases live: the server named by an admin URL, or the embedded PostgreSQL.
 */
import { startEmbeddedPostgres } from './embedded-postgres.ts';
import { restartClusterOnPort } from './restart-cluster.ts';
import { pgConfigFromUrl } from '../../lib/db/pg-url.ts';

export interface DatabaseServer {
  adminUrl: string;
  embedded: boolean;
  stop(): Promise<void>;
  /**
   * Stops and starts the server on the same port and data (chaos drills). Embedded: only a server
   * this process started; external: the pg_ctlcluster cluster serving the URL's port.
   */
  restart(): Promise<void>;
}

/** Uses `adminUrl` when given, else starts the embedded server under `dataDir`. */
export async function acquireDatabaseServer(opts: {
  adminUrl?: string;
  dataDir: string;
  port: number;
  embeddedPassword: string;
  log?: (m: string) => void;
}): Promise<DatabaseServer> {
  if (opts.adminUrl) {
    const port = pgConfigFromUrl(opts.adminUrl).port;
    return { adminUrl: opts.adminUrl, embedded: false, stop: async () => {}, restart: async () => void restartClusterOnPort(port) };
  }
  const server = await startEmbeddedPostgres({ dataDir: opts.dataDir, port: opts.port, password: opts.embeddedPassword, log: opts.log });
  return { adminUrl: server.adminUrl, embedded: true, stop: server.stop, restart: server.restart };
}
