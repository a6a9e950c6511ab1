/**
 * vitest global setup: one set of fresh databases per run, shared by every test file (files
 * isolate themselves by creating their own tenants). The env is inherited by the test workers.
 */
import { createTestDatabases, type TestDatabases } from './support/test-databases.ts';

let dbs: TestDatabases | undefined;

export default async function setup(): Promise<() => Promise<void>> {
  dbs = await createTestDatabases();
  Object.assign(process.env, dbs.env);
  return async () => {
    await dbs?.drop();
  };
}
