import { diffMigrationsToSchema } from '../db/engine.ts';
import { schemaInfo } from '../db/schemas.ts';
for (const n of ['identity','core'] as const) {
  const sql = await diffMigrationsToSchema(schemaInfo(n), 'postgresql://postgres@127.0.0.1:5432/postgres');
  console.log(n, JSON.stringify(sql));
}
