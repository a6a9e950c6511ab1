/**
 * Where the databases live: the server named by an admin URL, or the embedded PostgreSQL.
 */
import { startEmbeddedPostgres } from './embedded-postgres.ts';

export interface DatabaseServer {
  adminUrl: string;
  embedded: boolean;
  stop(): Promise<void>;
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
    return { adminUrl: opts.adminUrl, embedded: false, stop: async () => {} };
  }
  const server = await startEmbeddedPostgres({ dataDir: opts.dataDir, port: opts.port, password: opts.embeddedPassword, log: opts.log });
  return { adminUrl: server.adminUrl, embedded: true, stop: server.stop };
}
