/**
 * Fresh databases for one test run: a random prefix gives new `<prefix>_identity` and
 * `<prefix>_core` databases and new app roles on the test server (TEST_DATABASE_URL, or an
 * embedded PostgreSQL under .data/test-pg). Dropped again at the end of the run.
 */
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { acquireDatabaseServer, type DatabaseServer } from '../../scripts/lib/database-server.ts';
import { loadLocalSecrets } from '../../scripts/lib/local-secrets.ts';
import { setupDatabases, type DbUrls } from '../../scripts/db/setup.ts';
import { pgConfigFromUrl } from '../../lib/db/pg-url.ts';
import { DATA_DIR } from '../../scripts/lib/launch-env.ts';

export interface TestDatabases {
  server: DatabaseServer;
  urls: DbUrls;
  env: Record<string, string>;
  drop(): Promise<void>;
}

/** Refuses anything but a local server: tests create and drop databases and roles. */
export function assertLocalDatabase(url: string): void {
  const host = pgConfigFromUrl(url).host;
  if (!['127.0.0.1', 'localhost', '::1'].includes(host) && !host.startsWith('/')) {
    throw new Error(`refusing to run tests against non-local database host ${host}`);
  }
}

/** Creates fresh databases and returns the env the app code needs to use them. */
export async function createTestDatabases(opts: { port?: number; label?: string } = {}): Promise<TestDatabases> {
  // A run that must own its server (the verify drills restart it) names a private data dir and port.
  const dataDir = process.env.TEST_EMBEDDED_PG_DATA ? path.resolve(process.env.TEST_EMBEDDED_PG_DATA) : path.join(DATA_DIR, 'test');
  const adminUrl = process.env.TEST_DATABASE_URL || undefined;
  if (adminUrl) {
    assertLocalDatabase(adminUrl);
  }
  const server = await acquireDatabaseServer({
    adminUrl,
    dataDir,
    port: opts.port ?? Number(process.env.TEST_EMBEDDED_PG_PORT ?? 54339),
    embeddedPassword: loadLocalSecrets(dataDir).embeddedAdminPassword,
  });
  const prefix = `pt_${opts.label ?? ''}${randomBytes(5).toString('hex')}`;
  const appPassword = randomBytes(18).toString('base64url');
  const urls = await setupDatabases({ identityAdminUrl: server.adminUrl, coreAdminUrl: server.adminUrl, prefix, appPassword });
  const env = {
    IDENTITY_DATABASE_URL: urls.identityApp,
    CORE_DATABASE_URL: urls.coreApp,
    PERIODIC_MASTER_KEY: randomBytes(32).toString('base64'),
    NEXTAUTH_SECRET: randomBytes(32).toString('base64url'),
    PERIODIC_ENV: 'test',
    TEST_IDENTITY_ADMIN_URL: urls.identityAdmin,
    TEST_CORE_ADMIN_URL: urls.coreAdmin,
    TEST_SERVER_ADMIN_URL: server.adminUrl,
    TEST_DB_PREFIX: prefix,
    TEST_APP_PASSWORD: appPassword,
  };
  return {
    server,
    urls,
    env,
    async drop() {
      if (process.env.KEEP_TEST_DATABASES) {
        return;
      }
      const client = new pg.Client(pgConfigFromUrl(server.adminUrl));
      let inUse = false;
      await client.connect();
      try {
        for (const db of [urls.names.identityDb, urls.names.coreDb]) {
          await client.query(`DROP DATABASE IF EXISTS "${db}" WITH (FORCE)`);
        }
        for (const role of [urls.names.identityRole, urls.names.coreRole]) {
          await client.query(`DROP ROLE IF EXISTS "${role}"`);
        }
        // The embedded test server is shared by concurrent runs (a vitest run and a browser-test
        // stack, say): only the last one out stops it.
        const others = await client.query(`SELECT count(*)::int AS n FROM pg_database WHERE datname LIKE 'pt\\_%'`);
        inUse = others.rows[0].n > 0;
      } finally {
        await client.end();
      }
      if (!inUse) {
        await server.stop();
      }
    },
  };
}
