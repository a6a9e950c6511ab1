/**
 * Generates both Prisma clients (identity, core) into lib/generated/.
 * The Prisma CLI insists on locating a native schema engine before generating, although
 * `generate` never runs it; pointing PRISMA_SCHEMA_ENGINE_BINARY at any existing file keeps
 * the CLI from downloading one (the build machines cannot reach Prisma's binary host).
 */
import { spawnSync } from 'node:child_process';
import { SCHEMAS } from './schemas.ts';

for (const schema of SCHEMAS) {
  const result = spawnSync('npx', ['prisma', 'generate', '--schema', schema.schemaPath], {
    stdio: 'inherit',
    env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.execPath, PRISMA_HIDE_UPDATE_MESSAGE: '1' },
  });
  if (result.status !== 0) {
    process.exit(result.status ?? 1);
  }
}
