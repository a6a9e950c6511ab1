import fs from 'node:fs';
import { diffMigrationsToSchema } from '../db/engine.ts';
import { schemaInfo } from '../db/schemas.ts';
for (const n of ['identity','core'] as const) {
  const sql = await diffMigrationsToSchema(schemaInfo(n), 'postgresql://postgres@127.0.0.1:5432/postgres');
  fs.writeFileSync(`/tmp/${n}-init.sql`, sql + '\n');
}
