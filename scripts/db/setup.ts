/**
 * Creates (idempotently) everything the app needs on a PostgreSQL server, as the admin:
 * the two databases, the two least-privilege login roles, migrations, and pg-boss's schema and
 * queues. Safe to run on every start.
 */
import pg from 'pg';
import { applyMigrations } from './engine.ts';
import { schemaInfo } from './schemas.ts';
import { pgConfigFromUrl, withDatabase } from '../../lib/db/pg-url.ts';
import { ensureQueues } from './pgboss-setup.ts';

export interface DbLayout {
  /** Admin URL of the server holding the identity database (any database on it). */
  identityAdminUrl: string;
  /** Admin URL of the server holding the core database (same server by default). */
  coreAdminUrl: string;
  /** Name prefix: databases `<prefix>_identity`/`<prefix>_core`, roles `<prefix>_identity_app`/`<prefix>_core_app`. */
  prefix: string;
  /** Password for both app login roles. */
  appPassword: string;
}

export interface DbUrls {
  identityAdmin: string;
  coreAdmin: string;
  identityApp: string;
  coreApp: string;
  names: { identityDb: string; coreDb: string; identityRole: string; coreRole: string };
}

const NAME_RE = /^[a-z][a-z0-9_]{0,40}$/;

/** Database and role names and URLs for a layout (pure). */
export function resolveDbUrls(layout: DbLayout): DbUrls {
  if (!NAME_RE.test(layout.prefix)) {
    throw new Error('DB prefix must match ^[a-z][a-z0-9_]{0,40}$');
  }
  const names = {
    identityDb: `${layout.prefix}_identity`,
    coreDb: `${layout.prefix}_core`,
    identityRole: `${layout.prefix}_identity_app`,
    coreRole: `${layout.prefix}_core_app`,
  };
  return {
    names,
    identityAdmin: withDatabase(layout.identityAdminUrl, names.identityDb),
    coreAdmin: withDatabase(layout.coreAdminUrl, names.coreDb),
    identityApp: withDatabase(layout.identityAdminUrl, names.identityDb, { user: names.identityRole, password: layout.appPassword }),
    coreApp: withDatabase(layout.coreAdminUrl, names.coreDb, { user: names.coreRole, password: layout.appPassword }),
  };
}

async function withAdmin<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client(pgConfigFromUrl(url));
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

async function ensureDatabase(serverUrl: string, db: string): Promise<void> {
  await withAdmin(serverUrl, async (c) => {
    const exists = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [db]);
    if (exists.rowCount === 0) {
      await c.query(`CREATE DATABASE "${db}"`);
    }
  });
}

async function ensureLoginRole(serverUrl: string, role: string, password: string): Promise<void> {
  await withAdmin(serverUrl, async (c) => {
    const exists = await c.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
    const verb = exists.rowCount === 0 ? 'CREATE' : 'ALTER';
    // Password literal via format() server-side: never interpolated by us, never logged.
    const { rows } = await c.query<{ sql: string }>(
      `SELECT format('${verb} ROLE %I LOGIN INHERIT NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS NOREPLICATION PASSWORD %L', $1::text, $2::text) AS sql`,
      [role, password],
    );
    await c.query(rows[0]!.sql);
  });
}

/** Grants the login role its group role and CONNECT on its own database only. */
async function grantAccess(dbAdminUrl: string, db: string, role: string, group: string): Promise<void> {
  await withAdmin(dbAdminUrl, async (c) => {
    await c.query(`REVOKE ALL ON DATABASE "${db}" FROM PUBLIC`);
    await c.query(`GRANT CONNECT, TEMPORARY ON DATABASE "${db}" TO "${role}"`);
    await c.query(`GRANT "${group}" TO "${role}"`);
    // Migration bookkeeping is the owner's business (the blanket table grant would include it).
    await c.query(`REVOKE ALL ON "_prisma_migrations" FROM "${group}"`);
  });
}

/** Full idempotent setup; returns the URLs the app processes should use. */
export async function setupDatabases(layout: DbLayout, log: (msg: string) => void = () => {}): Promise<DbUrls> {
  const urls = resolveDbUrls(layout);
  const { names } = urls;
  await ensureDatabase(layout.identityAdminUrl, names.identityDb);
  await ensureDatabase(layout.coreAdminUrl, names.coreDb);
  await ensureLoginRole(layout.identityAdminUrl, names.identityRole, layout.appPassword);
  await ensureLoginRole(layout.coreAdminUrl, names.coreRole, layout.appPassword);

  const appliedIdentity = await applyMigrations(schemaInfo('identity'), urls.identityAdmin);
  const appliedCore = await applyMigrations(schemaInfo('core'), urls.coreAdmin);
  for (const m of [...appliedIdentity.map((n) => `identity/${n}`), ...appliedCore.map((n) => `core/${n}`)]) {
    log(`applied migration ${m}`);
  }

  await grantAccess(urls.identityAdmin, names.identityDb, names.identityRole, 'periodic_identity_rw');
  await grantAccess(urls.coreAdmin, names.coreDb, names.coreRole, 'periodic_core_rw');
  await ensureQueues(urls.coreAdmin);
  return urls;
}
