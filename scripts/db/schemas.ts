/** The two Prisma schemas of Periodic and where their migrations live. */
import path from 'node:path';

export type SchemaName = 'identity' | 'core';

export interface SchemaInfo {
  name: SchemaName;
  schemaPath: string;
  migrationsDir: string;
}

const root = path.resolve(import.meta.dirname, '..', '..');

export const SCHEMAS: SchemaInfo[] = (['identity', 'core'] as const).map((name) => ({
  name,
  schemaPath: path.join(root, 'prisma', name, 'schema.prisma'),
  migrationsDir: path.join(root, 'prisma', name, 'migrations'),
}));

export function schemaInfo(name: SchemaName): SchemaInfo {
  const info = SCHEMAS.find((s) => s.name === name);
  if (!info) {
    throw new Error(`unknown schema ${name}`);
  }
  return info;
}
