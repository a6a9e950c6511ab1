/**
 * Resolves the server, secrets and database layout shared by `npm start`, `npm run db:migrate`,
 * `npm run keys:rotate` and the test runner, and turns them into the environment of the app
 * processes (which receive only the least-privilege URLs, never the admin URL).
 */
import path from 'node:path';
import { loadLocalSecrets, type LocalSecrets } from './local-secrets.ts';
import { acquireDatabaseServer, type DatabaseServer } from './database-server.ts';
import { setupDatabases, type DbUrls } from '../db/setup.ts';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');
export const DATA_DIR = path.join(ROOT, '.data');
export const EMBEDDED_PORT = Number(process.env.EMBEDDED_PG_PORT ?? 54329);

export interface Launch {
  server: DatabaseServer;
  urls: DbUrls;
  secrets: LocalSecrets;
  appEnv: Record<string, string>;
}

/** Secrets from the environment in production, else from `.data/secrets.json`. */
export function resolveSecrets(dataDir = DATA_DIR): LocalSecrets {
  const production = process.env.PERIODIC_ENV === 'production';
  if (production) {
    const missing = ['PERIODIC_MASTER_KEY', 'NEXTAUTH_SECRET', 'PERIODIC_DB_APP_PASSWORD'].filter((k) => !process.env[k]);
    if (missing.length > 0) {
      throw new Error(`PERIODIC_ENV=production refuses to start without ${missing.join(', ')} (no generated keys in production)`);
    }
  }
  const local = production ? undefined : loadLocalSecrets(dataDir);
  return {
    masterKey: process.env.PERIODIC_MASTER_KEY ?? local!.masterKey,
    previousMasterKey: process.env.PERIODIC_MASTER_KEY_PREVIOUS ?? local?.previousMasterKey,
    nextAuthSecret: process.env.NEXTAUTH_SECRET ?? local!.nextAuthSecret,
    dbAppPassword: process.env.PERIODIC_DB_APP_PASSWORD ?? local!.dbAppPassword,
    embeddedAdminPassword: local?.embeddedAdminPassword ?? '',
  };
}

/** Starts/uses the server, runs setup (databases, roles, migrations, queues), builds the app env. */
export async function prepareLaunch(opts: { prefix?: string; dataDir?: string; port?: number; log?: (m: string) => void } = {}): Promise<Launch> {
  const dataDir = opts.dataDir ?? DATA_DIR;
  const secrets = resolveSecrets(dataDir);
  const server = await acquireDatabaseServer({
    adminUrl: process.env.DATABASE_URL || undefined,
    dataDir,
    port: opts.port ?? EMBEDDED_PORT,
    embeddedPassword: secrets.embeddedAdminPassword,
    log: opts.log,
  });
  try {
    const urls = await setupDatabases(
      {
        identityAdminUrl: process.env.IDENTITY_ADMIN_URL || server.adminUrl,
        coreAdminUrl: process.env.CORE_ADMIN_URL || server.adminUrl,
        prefix: opts.prefix ?? process.env.DB_PREFIX ?? 'periodic',
        appPassword: secrets.dbAppPassword,
      },
      opts.log,
    );
    return { server, urls, secrets, appEnv: appEnvFor(urls, secrets) };
  } catch (error) {
    await server.stop();
    throw error;
  }
}

/** Environment for web/worker processes: app-role URLs and secrets, no admin credentials. */
export function appEnvFor(urls: DbUrls, secrets: LocalSecrets): Record<string, string> {
  const env: Record<string, string> = {
    IDENTITY_DATABASE_URL: urls.identityApp,
    CORE_DATABASE_URL: urls.coreApp,
    PERIODIC_MASTER_KEY: secrets.masterKey,
    NEXTAUTH_SECRET: secrets.nextAuthSecret,
  };
  if (secrets.previousMasterKey) {
    env.PERIODIC_MASTER_KEY_PREVIOUS = secrets.previousMasterKey;
  }
  return env;
}
