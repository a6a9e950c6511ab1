/**
 * Playwright fixtures of the security probes: `sec`, the private security stack (started once per
 * worker as a child process, see security-stack.ts), and `db`, owner-URL queries to count rows
 * behind the API. Specs import `test`/`expect` from here; contexts they open must use
 * `baseURL: sec.baseUrl`.
 */
import { test as base, expect } from '@playwright/test';
import { spawn } from 'node:child_process';
import path from 'node:path';
import pg from 'pg';
import type { SecurityStackInfo } from './security-stack-info.ts';

const ROOT = path.resolve(import.meta.dirname, '..', '..', '..');

export interface OwnerDb {
  /** One row-count/SELECT on the core or identity database as its owner (bypasses RLS). */
  query<T extends pg.QueryResultRow>(db: 'core' | 'identity', sql: string, params?: unknown[]): Promise<T[]>;
  count(db: 'core' | 'identity', sql: string, params?: unknown[]): Promise<number>;
}

export const test = base.extend<{ ownerDb: OwnerDb }, { sec: SecurityStackInfo }>({
  sec: [
    async ({}, use) => {
      const child = spawn(process.execPath, ['--experimental-wasm-modules', '--no-warnings=ExperimentalWarning', '--import', 'tsx', 'e2e/security/support/security-stack.ts'], {
        cwd: ROOT,
        env: { ...process.env },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      const info = await new Promise<SecurityStackInfo>((resolve, reject) => {
        let buffer = '';
        child.stdout.on('data', (chunk: Buffer) => {
          buffer += chunk.toString();
          const m = /SECURITY_STACK_READY (\{.*\})/.exec(buffer);
          if (m) {
            resolve(JSON.parse(m[1]!) as SecurityStackInfo);
          }
        });
        child.once('exit', (code) => reject(new Error(`security stack exited early (${code})`)));
      });
      await use(info);
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
    },
    { scope: 'worker', timeout: 240_000 },
  ],
  ownerDb: async ({ sec }, use) => {
    const clients = new Map<string, pg.Client>();
    const client = async (db: 'core' | 'identity') => {
      let c = clients.get(db);
      if (!c) {
        c = new pg.Client({ connectionString: db === 'core' ? sec.db.coreAdmin : sec.db.identityAdmin });
        await c.connect();
        clients.set(db, c);
      }
      return c;
    };
    const query: OwnerDb['query'] = async (db, sql, params = []) => (await (await client(db)).query(sql, params)).rows;
    await use({
      query,
      async count(db, sql, params = []) {
        const rows = await query<{ n: string | number }>(db, sql, params);
        return Number(rows[0]?.n ?? 0);
      },
    });
    await Promise.all([...clients.values()].map((c) => c.end()));
  },
});

export { expect };

/** `Authorization` header for an API key. */
export function bearer(key: string): Record<string, string> {
  return { authorization: `Bearer ${key}` };
}
