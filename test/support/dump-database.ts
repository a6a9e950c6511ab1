/**
 * A full dump of a database's contents for leak scans. Uses `pg_dump` when the machine has one
 * that can read the server (same or newer major version); otherwise (e.g. the embedded
 * PostgreSQL 18 with Debian's pg_dump 15) it dumps every table of every non-system schema with
 * COPY ... TO STDOUT, which is the same data pg_dump would write.
 */
import { spawnSync } from 'node:child_process';
import pg from 'pg';
import { pgConfigFromUrl } from '../../lib/db/pg-url.ts';

function tryPgDump(adminUrl: string): string | undefined {
  const c = pgConfigFromUrl(adminUrl);
  const out = spawnSync('pg_dump', ['-h', c.host, '-p', String(c.port), '-U', c.user, '-d', c.database, '--no-owner'], {
    env: { ...process.env, PGPASSWORD: c.password ?? '' },
    encoding: 'utf8',
    maxBuffer: 1024 * 1024 * 1024,
  });
  return out.status === 0 ? out.stdout : undefined;
}

async function copyDump(adminUrl: string): Promise<string> {
  const client = new pg.Client(pgConfigFromUrl(adminUrl));
  await client.connect();
  try {
    const { rows: tables } = await client.query<{ schema: string; name: string }>(
      `SELECT n.nspname AS schema, c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'
       ORDER BY 1, 2`,
    );
    const parts: string[] = [];
    for (const t of tables) {
      // Row values as text, exactly what COPY (and so pg_dump) emits.
      const { rows } = await client.query(`SELECT t::text AS line FROM "${t.schema}"."${t.name}" t`);
      parts.push(`-- ${t.schema}.${t.name}\n${rows.map((r) => r.line).join('\n')}`);
    }
    return parts.join('\n');
  } finally {
    await client.end();
  }
}

/** Everything stored in the database at `adminUrl`, as text. */
export async function dumpDatabase(adminUrl: string): Promise<string> {
  return tryPgDump(adminUrl) ?? copyDump(adminUrl);
}
