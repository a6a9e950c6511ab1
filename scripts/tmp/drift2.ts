import fs from 'node:fs';
import { diffMigrationsToSchema } from '../db/engine.ts';
const variant = process.argv[2]!;
const dir = `/tmp/mig-${variant}`;
fs.rmSync(dir, { recursive: true, force: true });
fs.mkdirSync(`${dir}/0001_init`, { recursive: true });
fs.copyFileSync('/work/main/prisma/core/migrations/migration_lock.toml', `${dir}/migration_lock.toml`);
let sql = fs.readFileSync('/tmp/core-init.sql', 'utf8');
const custom = fs.readFileSync('/tmp/core-custom.sql', 'utf8').replace(/REVOKE ALL ON "_prisma_migrations".*\n/, '');
const parts = custom.split('\n\n');
const keep = process.argv.slice(3).map(Number);
sql += '\n' + parts.filter((_, i) => keep.includes(i)).join('\n\n');
fs.writeFileSync(`${dir}/0001_init/migration.sql`, sql);
try {
  const out = await diffMigrationsToSchema({ name: 'core', schemaPath: '/work/main/prisma/core/schema.prisma', migrationsDir: dir }, 'postgresql://postgres@127.0.0.1:5432/postgres');
  console.log(variant, 'OK', JSON.stringify(out).slice(0, 300));
} catch (e) { console.log(variant, 'ERR', String(e).slice(0, 150)); }
