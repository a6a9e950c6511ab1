/**
 * Each schema.prisma must match its migrations folder exactly (replayed in a shadow database by
 * Prisma's own engine). Forgetting `npm run db:diff` after a schema edit fails here.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCHEMAS } from './schemas.ts';
import { diffMigrationsToSchema, isEmptyDiff } from './engine.ts';

const serverUrl = () => process.env.TEST_SERVER_ADMIN_URL!;

describe('schema.prisma ⇔ migrations', () => {
  for (const schema of SCHEMAS) {
    it(`${schema.name}: migrations produce exactly the datamodel`, async () => {
      const sql = await diffMigrationsToSchema(schema, serverUrl());
      expect(isEmptyDiff(sql), `drift in ${schema.name}; run npm run db:diff -- <name>:\n${sql}`).toBe(true);
    });
  }

  it('detects drift when the datamodel gains a column the migrations lack', async () => {
    const core = SCHEMAS.find((s) => s.name === 'core')!;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'drift-'));
    const schemaPath = path.join(dir, 'schema.prisma');
    const text = fs.readFileSync(core.schemaPath, 'utf8').replace('  onCall        Boolean  @default(false) @map("on_call")', '  onCall        Boolean  @default(false) @map("on_call")\n  driftProbe    Int?     @map("drift_probe")');
    fs.writeFileSync(schemaPath, text);
    const sql = await diffMigrationsToSchema({ ...core, schemaPath }, serverUrl());
    expect(isEmptyDiff(sql)).toBe(false);
    expect(sql).toContain('drift_probe');
  });
});
