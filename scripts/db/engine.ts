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

/** Reads a Prisma migrations folder (NNNN_name/migration.sql + migration_lock.toml). */
export function readMigrations(migrationsDir: string): MigrationList {
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
        content: { tag: 'ok', value: fs.readFileSync(path.join(migrationsDir, name, 'migration.sql'), 'utf8') },
      },
    })),
  };
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
    readCharAsCharacter(adapter);
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
 * "char" (OID 18, e.g. pg_constraint.contype) and expects them as the driver-adapter column type
 * Character; @prisma/adapter-pg 7.10 has no mapping for OID 18 and rejects the result. We report
 * such columns as text to the adapter and then relabel them Character (6) in the result.
 */
const CHARACTER_COLUMN = 6;
function readCharAsCharacter(adapter: unknown): void {
  const a = adapter as {
    performIO(q: unknown): Promise<{ fields: { dataTypeID: number }[]; rows: unknown[] }>;
    queryRaw(q: unknown): Promise<{ columnTypes: number[]; rows: unknown[] }>;
  };
  const charColumns = new WeakMap<object, boolean[]>();
  const performIO = a.performIO.bind(a);
  a.performIO = async (q) => {
    const result = await performIO(q);
    const flags = result.fields.map((f) => f.dataTypeID === 18);
    if (flags.some(Boolean)) {
      charColumns.set(result.rows, flags);
      for (const f of result.fields) {
        if (f.dataTypeID === 18) {
          f.dataTypeID = 25;
        }
      }
    }
    return result;
  };
  const queryRaw = a.queryRaw.bind(a);
  a.queryRaw = async (q) => {
    const result = await queryRaw(q);
    const flags = charColumns.get(result.rows);
    if (flags) {
      result.columnTypes = result.columnTypes.map((t, i) => (flags[i] ? CHARACTER_COLUMN : t));
    }
    return result;
  };
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
    const list = readMigrations(schema.migrationsDir);
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

/** The engine answers an empty diff with a comment only. */
export function isEmptyDiff(sql: string): boolean {
  return sql.split('\n').every((l) => l.trim() === '' || l.trim().startsWith('--'));
}
