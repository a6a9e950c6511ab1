import fs from 'node:fs';
import { openEngine, HAND_WRITTEN_MARKER } from '../db/engine.ts';
import { schemaInfo } from '../db/schemas.ts';
for (const n of ['identity', 'core'] as const) {
  const info = schemaInfo(n);
  const engine = await openEngine(info, 'postgresql://postgres@127.0.0.1:5432/postgres');
  const r = await engine.diff({ from: { tag: 'empty' }, to: { tag: 'schemaDatamodel', files: [{ path: info.schemaPath, content: fs.readFileSync(info.schemaPath, 'utf8') }] }, script: true, exitCode: null, filters: { externalTables: [], externalEnums: [] } });
  const file = `${info.migrationsDir}/0001_init/migration.sql`;
  const cur = fs.readFileSync(file, 'utf8');
  const hand = cur.slice(cur.indexOf(HAND_WRITTEN_MARKER));
  fs.writeFileSync(file, r.stdout!.trim() + '\n\n' + hand);
}
