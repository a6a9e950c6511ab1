/**
 * Prisma's official wasm schema engine, driven through the pg driver adapter, so migrations work
 * without the native engine binary (unreachable from the build machines; see shared/TOOLCHAIN.md).
 * Migrations stay in Prisma's standard folder layout, so `prisma migrate deploy` works on the same
 * folders wherever the native engine is available.
 *
 * Needs `node --experimental-wasm-modules` on Node 20 (the npm scripts pass it).
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import pg, { type PoolConfig } from 'pg';
import { SchemaEngine } from '@prisma/schema-engine-wasm';
import { PrismaPg } from '@prisma/adapter-pg';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import { pgConfigFromUrl } from '../../lib/db/pg-url.ts';
import type { SchemaInfo } from './schemas.ts';

// The wasm engine reports Rust panics through this global; without it a panic surfaces as an
// unrelated TypeError. Keep the message so the thrown error says what went wrong.
const panicRegistry = { message: '', set_message(m: string) { this.message = m; console.error(`schema engine panic: ${m}`); } };
(globalThis as { PRISMA_WASM_PANIC_REGISTRY?: typeof panicRegistry }).PRISMA_WASM_PANIC_REGISTRY ??= panicRegistry;

const FILTERS = { externalTables: [], externalEnums: [] };

type MigrationList = {
  baseDir: string;
  lockfile: { path: string; content: string | null };
  shadowDbInitScript: string;
  migrationDirectories: {
    path: string;
    migrationFile: { path: string; content: { tag: 'ok'; value: string } };
  }[];
};

/**
 * Marks the start of the hand-written part of a migration (RLS, grants, check and exclusion
 * constraints): SQL that Prisma's datamodel cannot express. The wasm engine panics while
 * introspecting check constraints through the driver adapter (sql-schema-describer
 * postgres.rs:1193), so drift detection replays only the Prisma-generated part of each migration;
 * `db:migrate` always applies the whole file, and integration tests check the hand-written part.
 */
export const HAND_WRITTEN_MARKER = '-- periodic:hand-written';

function prismaPart(sql: string): string {
  const i = sql.indexOf(HAND_WRITTEN_MARKER);
  return i === -1 ? sql : sql.slice(0, i);
}

/** Reads a Prisma migrations folder (NNNN_name/migration.sql + migration_lock.toml). */
export function readMigrations(migrationsDir: string, opts: { prismaPartOnly?: boolean } = {}): MigrationList {
  const lockPath = path.join(migrationsDir, 'migration_lock.toml');
  const dirs = fs.existsSync(migrationsDir)
    ? fs
        .readdirSync(migrationsDir, { withFileTypes: true })
        .filter((d) => d.isDirectory() && fs.existsSync(path.join(migrationsDir, d.name, 'migration.sql')))
        .map((d) => d.name)
        .sort()
    : [];
  return {
    baseDir: migrationsDir,
    lockfile: { path: lockPath, content: fs.existsSync(lockPath) ? fs.readFileSync(lockPath, 'utf8') : null },
    shadowDbInitScript: '',
    migrationDirectories: dirs.map((name) => ({
      path: name,
      migrationFile: {
        path: 'migration.sql',
        content: { tag: 'ok', value: readSql(path.join(migrationsDir, name, 'migration.sql'), opts.prismaPartOnly ?? false) },
      },
    })),
  };
}

function readSql(file: string, prismaPartOnly: boolean): string {
  const sql = fs.readFileSync(file, 'utf8');
  return prismaPartOnly ? prismaPart(sql) : sql;
}

/**
 * Opens the schema engine against a database (admin/owner URL). The adapter is given a parsed
 * config rather than a connection string: pg lets a connection string override `database`, which
 * would point the engine's throwaway shadow database back at the real one.
 */
export async function openEngine(schema: SchemaInfo, adminUrl: string): Promise<SchemaEngine> {
  const datamodel = fs.readFileSync(schema.schemaPath, 'utf8');
  const adapter = bindMigrationAwareSqlAdapterFactory(wholeScriptFactory(pgConfigFromUrl(adminUrl)));
  return SchemaEngine.new({ datamodels: [[schema.schemaPath, datamodel]] }, () => {}, adapter);
}

type ScriptAdapter = { executeScript(script: string): Promise<void>; client: { query(sql: string): Promise<unknown> }; onError(e: unknown): never };

/**
 * @prisma/adapter-pg 7.10 runs a migration script by splitting it on every ";", which breaks
 * dollar-quoted bodies (DO blocks, functions) and comments. PostgreSQL's simple-query protocol
 * runs a multi-statement script natively and atomically, as `prisma migrate deploy` does.
 */
function wholeScriptFactory(config: PoolConfig): PrismaPg {
  const factory = new PrismaPg(config);
  const patch = <T>(adapter: T): T => {
    const a = adapter as unknown as ScriptAdapter;
    readCharAsText(a.client as unknown as pg.Pool);
    a.executeScript = async (script: string) => {
      try {
        await a.client.query(script);
      } catch (error) {
        a.onError(error);
      }
    };
    return adapter;
  };
  const connect = factory.connect.bind(factory);
  factory.connect = async () => patch(await connect());
  // The adapter's own shadow database drops the database before closing its pool, which
  // PostgreSQL refuses ("being accessed by other users"); close first, then drop.
  factory.connectToShadowDb = async () => {
    const name = `prisma_migrate_shadow_db_${randomUUID().replaceAll('-', '')}`;
    await runAdmin(config, `CREATE DATABASE "${name}"`);
    const adapter = patch(await new PrismaPg({ ...config, database: name }).connect());
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      await dispose();
      await runAdmin(config, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    };
    return adapter;
  };
  return factory;
}

/**
 * The engine's introspection selects catalog columns of PostgreSQL's internal one-byte type
 * "char" (OID 18, e.g. pg_class.relkind), which the adapter's type mapping rejects. Its values
 * arrive as strings anyway, so report them as text (OID 25).
 */
function readCharAsText(pool: pg.Pool): void {
  const fix = <R>(result: R): R => {
    for (const field of (result as { fields?: { dataTypeID: number }[] }).fields ?? []) {
      if (field.dataTypeID === 18) {
        field.dataTypeID = 25;
      }
    }
    return result;
  };
  const wrapQuery = (target: { query: (...args: never[]) => unknown }) => {
    const query = target.query.bind(target) as (...args: unknown[]) => unknown;
    target.query = ((...args: unknown[]) => {
      const out = query(...args);
      return out instanceof Promise ? out.then(fix) : out;
    }) as never;
  };
  wrapQuery(pool as never);
  const markFixed = (client: pg.PoolClient): pg.PoolClient => {
    if (!(client as { __charFixed?: boolean }).__charFixed) {
      wrapQuery(client as never);
      (client as { __charFixed?: boolean }).__charFixed = true;
    }
    return client;
  };
  const connect = pool.connect.bind(pool) as (cb?: (err: Error | undefined, c: pg.PoolClient, done: () => void) => void) => Promise<pg.PoolClient> | void;
  // pool.query() itself calls connect(callback); only the promise form (used by the adapter for
  // transactions) is wrapped, the callback form passes through untouched.
  pool.connect = ((cb?: (err: Error | undefined, c: pg.PoolClient, done: () => void) => void) => {
    if (cb) {
      return connect(cb);
    }
    return (connect() as Promise<pg.PoolClient>).then(markFixed);
  }) as never;
}

async function runAdmin(config: PoolConfig, sql: string): Promise<void> {
  const client = new pg.Client(config);
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Applies every pending migration of `schema` to the database at `adminUrl`. */
export async function applyMigrations(schema: SchemaInfo, adminUrl: string): Promise<string[]> {
  const engine = await openEngine(schema, adminUrl);
  try {
    const out = await engine.applyMigrations({ migrationsList: readMigrations(schema.migrationsDir), filters: FILTERS });
    return out.appliedMigrationNames;
  } finally {
    engine.free();
  }
}

/**
 * SQL that would bring the migrations folder up to the schema.prisma datamodel
 * (empty when they agree). Replays the migrations in a throwaway shadow database on the server.
 */
export async function diffMigrationsToSchema(schema: SchemaInfo, adminUrl: string): Promise<string> {
  const engine = await openEngine(schema, adminUrl);
  try {
    const list = readMigrations(schema.migrationsDir, { prismaPartOnly: true });
    const from = list.migrationDirectories.length === 0 ? { tag: 'empty' as const } : { tag: 'migrations' as const, ...list };
    const result = await engine.diff({
      from,
      to: { tag: 'schemaDatamodel', files: [{ path: schema.schemaPath, content: fs.readFileSync(schema.schemaPath, 'utf8') }] },
      script: true,
      exitCode: null,
      filters: FILTERS,
    });
    return (result.stdout ?? '').trim();
  } finally {
    engine.free();
  }
}
