/**
 * `npm run db:diff -- <name>`: after editing prisma/<identity|core>/schema.prisma, writes a new
 * migration folder `NNNN_<name>/migration.sql` for each schema whose migrations no longer match
 * it, then regenerates the Prisma clients. Append hand-written SQL (RLS for new tenant tables,
 * constraints) below a `-- periodic:hand-written` line in the new file.
 * Uses DATABASE_URL for its throwaway shadow database, or the embedded server when unset.
 */
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { SCHEMAS } from './schemas.ts';
import { diffMigrationsToSchema, isEmptyDiff } from './engine.ts';
import { acquireDatabaseServer } from '../lib/database-server.ts';
import { loadLocalSecrets } from '../lib/local-secrets.ts';
import { DATA_DIR, EMBEDDED_PORT, ROOT } from '../lib/launch-env.ts';

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error('usage: npm run db:diff -- <migration_name>   (lower-case letters, digits, underscores)');
  process.exit(2);
}

const server = await acquireDatabaseServer({
  adminUrl: process.env.DATABASE_URL || undefined,
  dataDir: DATA_DIR,
  port: EMBEDDED_PORT,
  embeddedPassword: loadLocalSecrets(DATA_DIR).embeddedAdminPassword,
});
let written = 0;
try {
  for (const schema of SCHEMAS) {
    const sql = await diffMigrationsToSchema(schema, server.adminUrl);
    if (isEmptyDiff(sql)) {
      console.log(`${schema.name}: schema.prisma matches its migrations`);
      continue;
    }
    const existing = fs.existsSync(schema.migrationsDir) ? fs.readdirSync(schema.migrationsDir).filter((d) => /^\d{4}_/.test(d)) : [];
    const next = String(existing.length + 1).padStart(4, '0');
    const dir = path.join(schema.migrationsDir, `${next}_${name}`);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'migration.sql'), `${sql}\n`);
    console.log(`${schema.name}: wrote ${path.relative(ROOT, dir)}/migration.sql`);
    written += 1;
  }
} finally {
  await server.stop();
}
if (written > 0) {
  spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts', 'db', 'generate.ts')], { stdio: 'inherit', cwd: ROOT });
}
